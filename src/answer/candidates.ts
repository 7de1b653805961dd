// The sentences an answer may quote: every sentence of the best passages, scored by how much of the
// question it speaks of (its own terms and their expansions, not literal bigrams alone), how much its
// paragraph does, where retrieval ranked it, and — for a how-much question — whether it gives a
// figure in the unit asked for.
import { sentenceSpans } from '../ingest/chunk.js';
import { GARBLED } from '../ingest/mojibake.js';
import type { SearchHit, SearchResult } from '../retrieval/search.js';
import { coverage, readable, type WeighedTerm } from './evidence.js';
import { isInstructionLike } from './instructions.js';
import { hasFigure, type QuestionForm } from './question-form.js';

export type Candidate = {
  hit: SearchHit;
  rank: number;
  /** Offsets of the sentence in hit.chunk.text. */
  start: number;
  end: number;
  text: string;
  /** Coverage of the question's specific terms by the sentence, and by its paragraph with its section path. */
  sentence: number;
  paragraph: number;
  /** A how-much question's figure, in the unit asked for, is in the sentence. */
  figure: boolean;
  score: number;
};

/** Passages whose sentences are considered: retrieval's top six hold the gold paragraph for nearly every question. */
export const CANDIDATE_HITS = 6;

/**
 * Sentence score = SENTENCE·coverage(sentence) + PARAGRAPH·coverage(paragraph) + RANK/(rank+1)
 * (+ FIGURE when a how-much question's figure is there). The sentence's own coverage leads; the
 * paragraph's lets a sentence that answers in other words (its paragraph names the subject) still
 * win; the rank term breaks ties towards retrieval's order. Chosen on the development set; the
 * answers there change only when a weight moves by more than about 0.1.
 */
export const SENTENCE_SCORE = { sentence: 0.6, paragraph: 0.4, rank: 0.1, figure: 0.15, shape: 0.15 };

/**
 * Whether a sentence has the shape a question asks for, beyond its words: for "哪五个方面", a series of
 * exactly five items (以凝聚人心、完善人格、开发人力、培育人才、造福人民为工作目标); for "哪位领导讲话", a
 * person named by role (旗政府副旗长白青山在会上讲话).
 */
function hasAskedShape(text: string, form: QuestionForm): boolean {
  const count = form.list?.count;
  if (count && count >= 3 && text.split(/[，,；;：:。]/).some((clause) => clause.split('、').length === count))
    return true;
  return Boolean(form.who) && personByRole(text);
}

/** A person named by role in a sentence: 旗政府副旗长白青山在会上讲话, 县委书记杨明忠发表了重要讲话. */
export const personByRole = (text: string) => PERSON_BY_ROLE.test(readable(text));
const PERSON_BY_ROLE =
  /(?:书记|書記|局长|局長|县长|縣長|旗长|旗長|市长|市長|州长|州長|区长|區長|主任|部长|部長|厅长|廳長|校长|校長|主席|委员|委員)\p{Script=Han}{2,3}(?:在|出席|主持|讲话|講話|作|同志|强调|強調|指出|要求)/u;

/** Fewer characters than this is a fragment (a heading number, "同时,"), not worth quoting. */
const MIN_SENTENCE_CHARS = 6;

export function candidates(result: SearchResult, terms: WeighedTerm[], form: QuestionForm): Candidate[] {
  const out: Candidate[] = [];
  result.hits.slice(0, CANDIDATE_HITS).forEach((hit, rank) => {
    const paragraph = coverage(terms, `${hit.chunk.sectionPath.join(' ')} ${hit.chunk.text}`);
    for (const [s, e] of quotableSpans(hit.chunk.text)) {
      const raw = hit.chunk.text.slice(s, e);
      const text = raw.trim();
      if ([...text].length < MIN_SENTENCE_CHARS || isInstructionLike(text)) continue;
      const start = s + raw.indexOf(text);
      const sentence = coverage(terms, text);
      const figure = Boolean(form.amount) && hasFigure(text, form.amount!.unit);
      const score =
        SENTENCE_SCORE.sentence * sentence +
        SENTENCE_SCORE.paragraph * paragraph +
        SENTENCE_SCORE.rank / (rank + 1) +
        (figure ? SENTENCE_SCORE.figure : 0) +
        (sentence > 0 && hasAskedShape(text, form) ? SENTENCE_SCORE.shape : 0);
      out.push({ hit, rank, start, end: start + text.length, text, sentence, paragraph, figure, score });
    }
  });
  return out.sort((a, b) => b.score - a.score);
}

/**
 * The sentences of a paragraph, except that a sentence with an undecodable span (U+FFFD) gives only
 * its clauses before and after it: "研发《综合实践活动�劳动》教材…,专项培训劳动教育教师310名。" can
 * still be quoted for its last clause, and the garbled part never is.
 */
export function quotableSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [s, e] of sentenceSpans(text)) {
    const sentence = text.slice(s, e);
    if (!sentence.includes(GARBLED)) {
      out.push([s, e]);
      continue;
    }
    const first = sentence.indexOf(GARBLED);
    const last = sentence.lastIndexOf(GARBLED);
    const before = sentence.slice(0, first).search(/[，,][^，,]*$/);
    if (before > 0) out.push([s, s + before]);
    const after = sentence.slice(last).search(/[，,]/);
    if (after >= 0) out.push([s + last + after + 1, e]);
  }
  return out;
}

/**
 * How well a sentence, read in its paragraph, answers: its own coverage, or the mean of its own and
 * its paragraph's when that is higher (a sentence that answers in other words under a heading that
 * names the subject).
 */
export const support = (c: Candidate) => Math.max(c.sentence, (c.sentence + c.paragraph) / 2);
