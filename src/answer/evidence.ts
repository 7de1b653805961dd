// How well a passage or a sentence speaks of what a question asks: the share of the question's
// specific terms (not 教育, 工作, 安排 — see QueryTerm.generic) it contains, counting each term's
// expansions (synonyms, glossary, English glosses), each term weighed by how telling it is in this
// corpus (its bigrams' idf, from SearchResult.bigramWeight). Computed from the SearchResult alone.
import type { QueryTerm } from '../retrieval/query.js';
import type { SearchResult } from '../retrieval/search.js';
import { toSimplified } from '../text/script.js';

/** A question term and its weight; `unknown` when no indexed plan uses it or any of its expansions. */
export type WeighedTerm = { term: QueryTerm; weight: number; unknown?: boolean };

/**
 * Weight, relative to the question's average term, of a word no indexed plan uses and no expansion
 * bridges (an English word the lexicon has no Chinese for, a colloquial Chinese word): it may be a
 * paraphrase the plans say otherwise ("下降") or the very thing they do not speak of ("霸凌",
 * "esports"). Set with the thresholds in extractive.ts, on the development and unanswerable sets.
 */
const UNKNOWN_WEIGHT = 1.5;
/** Credit for a term of three or more characters of which only some bigrams appear (教育督导 → 督导). */
const PARTIAL_CREDIT = 0.5;
/** Floor for a term's weight, so that a word the corpus never uses still counts for something. */
const MIN_WEIGHT = 0.3;

export function weighTerms(result: SearchResult): WeighedTerm[] {
  // A bigram no passage has gets the largest idf there is; such words are told apart by it.
  const unseen = result.bigramWeight('\uE000\uE001');
  const known = (b: string) => result.bigramWeight(b) < unseen - 1e-9;
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const weightOf = (text: string) => {
    const grams = bigramsOf(text).filter(known);
    return grams.length ? Math.max(MIN_WEIGHT, mean(grams.map((b) => result.bigramWeight(b)))) : undefined;
  };
  const weighed: Array<{ term: QueryTerm; weight?: number; unknown?: boolean; name?: boolean; latin?: boolean }> = [];
  const capitalised = new Set(
    [...result.query.question.matchAll(/(?<!^|[.?!]\s)\b[A-Z][a-z]+/g)].map((m) => m[0].toLowerCase()),
  );
  for (const original of result.query.terms) {
    if (original.generic) continue;
    let term = original;
    if (/\p{Script=Han}/u.test(term.text)) {
      if (!term.alternatives.some((a) => bigramsOf(a).some(known))) {
        // A word no plan uses, often a mis-cut of the question (要建, 这块, 提了): drop the characters
        // that only ask or join; what is left is a term only if it is more than one character.
        const core = term.text.replace(EDGE_FUNCTION_START, '').replace(EDGE_FUNCTION_END, '');
        if ([...core].length < 2) continue;
        if (core !== term.text) term = { ...term, text: core, alternatives: [core] };
        weighed.push({ term, unknown: true });
        continue;
      }
      // A term is as telling as the commonest way the plans say it: "上学" is said 入学, "孩子" 学生.
      const said = term.alternatives.map(weightOf).filter((w): w is number => w !== undefined);
      weighed.push({ term, weight: Math.min(...said) });
      continue;
    }
    if (!term.alternatives.length) {
      // A capitalised English word the lexicon does not know is a name: of a place the index does
      // not file (Zixing), or the very subject (Furong schools). It counts, but as an average term.
      weighed.push({ term, unknown: true, name: capitalised.has(term.text) });
      continue;
    }
    // An English phrase, likewise, is as telling as the commonest Chinese word it stands for; a word
    // the plans write in Latin letters (ESI, STEM) has no Han bigrams to weigh: it counts as average.
    const said = term.alternatives.map(weightOf).filter((w): w is number => w !== undefined);
    if (said.length) weighed.push({ term, weight: Math.min(...said) });
    else if (term.alternatives.every((a) => /^[a-z0-9]+$/.test(a))) weighed.push({ term, latin: true });
    else weighed.push({ term, unknown: true });
  }
  const present = weighed.filter((w) => w.weight !== undefined).map((w) => w.weight!);
  const average = present.length ? mean(present) : 1;
  return weighed.map((w) =>
    w.unknown
      ? { term: w.term, weight: (w.name ? 1 : UNKNOWN_WEIGHT) * average, unknown: true }
      : { term: w.term, weight: w.weight ?? average },
  );
}

const EDGE_FUNCTION_START = /^[要对几这那一该为把将被给让在从向由就都也还又再能会可所是有哪里]+/u;
const EDGE_FUNCTION_END = /[了的着过个们吗呢啊吧里上中些块套份么样]+$/u;

/** How much of term `t` a simplified, lower-cased text shows: 1 when any of its words is there. */
export function termMatch(t: QueryTerm, text: string): number {
  if (t.alternatives.some((a) => a && (text.includes(a) || interrupted(a, text)))) return 1;
  if (/\p{Script=Han}/u.test(t.text) && [...t.text].length >= 3) {
    const grams = bigramsOf(t.text);
    return (PARTIAL_CREDIT * grams.filter((g) => text.includes(g)).length) / grams.length;
  }
  return 0;
}

/**
 * A four-character phrase said with its object inside: 减轻负担 in "减轻学校和师生负担", 加强管理 in
 * "加强校车管理". Its two halves, in order, at most INTERRUPTION_MAX characters apart.
 */
function interrupted(phrase: string, text: string): boolean {
  if (!/^\p{Script=Han}{4}$/u.test(phrase)) return false;
  const head = phrase.slice(0, 2);
  const tail = phrase.slice(2);
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    const next = text.indexOf(tail, at + 2);
    if (next >= 0 && next - at - 2 <= INTERRUPTION_MAX) return true;
  }
  return false;
}
const INTERRUPTION_MAX = 8;

/** Share (0–1, weighed) of the question's specific terms the text speaks of; 1 when there are none. */
export function coverage(terms: WeighedTerm[], text: string): number {
  const total = terms.reduce((s, t) => s + t.weight, 0);
  if (!total) return 1;
  const s = readable(text);
  return terms.reduce((sum, t) => sum + t.weight * termMatch(t.term, s), 0) / total;
}

/** The terms a text does not speak of at all (for notes and for choosing what else to quote). */
export function missingTerms(terms: WeighedTerm[], text: string): QueryTerm[] {
  const s = readable(text);
  return terms.filter((t) => termMatch(t.term, s) === 0).map((t) => t.term);
}

/**
 * A passage as its words are matched: simplified, lower-cased, without the pinyin some pages put
 * after characters (教育(jiào yù) → 教育, 中學(xué) → 中学) and without spaces inside Chinese words
 * (学前教 育). Only for matching; quotes are always the source's own text.
 */
export function readable(text: string): string {
  return toSimplified(text)
    .replace(PINYIN_ANNOTATION, '')
    .replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '')
    .toLowerCase();
}
const PINYIN_ANNOTATION = /(?<=\p{Script=Han})[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\s]{1,12}[)）]/gu;

function bigramsOf(text: string): string[] {
  const out: string[] = [];
  for (const run of toSimplified(text).match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}
