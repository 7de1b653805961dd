// Answer-level evaluation: what a reader sees, not what search ranks. For each question of a QA file
// (the format of eval/README.md) the whole answer step runs, and the report says
//   grounded      — answerable questions where every gold string is inside some cited paragraph
//                   (citation.text), by the reference letters-and-digits rule;
//   verbatim      — every quote is the document's own text at its offsets;
//   not found     — unanswerable questions answered found:false, and answerable ones wrongly so;
//   recall@5      — the retrieval it rests on, for comparison.
import type { Config } from '../config.js';
import { coverRank, type QaItem } from '../retrieval/evaluate.js';
import type { PlanIndex } from '../index/store.js';
import { searchPlans } from '../retrieval/search.js';
import { containsVerbatim, lettersAndDigits } from '../text/normalize.js';
import { answerQuestion } from './answer.js';
import type { Answer } from './model.js';

export type AnswerRow = {
  id: string;
  question: string;
  kind: string;
  lang: string;
  answerable: boolean;
  found: boolean;
  grounded: boolean;
  /** Rank at which retrieval's top 10 covers the gold strings (Infinity: not at all). */
  retrievalRank: number;
  verbatim: boolean;
  citations: number;
  answer: string;
};

export type AnswerReport = {
  questions: number;
  answerable: number;
  unanswerable: number;
  grounded: number;
  'recall@5': number;
  verbatim: number;
  unanswerableNotFound: number;
  answerableNotFound: number;
  by_kind: Record<string, { n: number; grounded: number; notFound: number }>;
  by_lang: Record<string, { n: number; answerable: number; grounded: number; 'recall@5': number }>;
  misses: Array<{ id: string; question: string; why: string; answer: string }>;
};

export function groundedIn(gold: string[], answer: Answer): boolean {
  const texts = answer.citations.map((c) => lettersAndDigits(c.text));
  return gold.length > 0 && gold.every((g) => texts.some((t) => t.includes(lettersAndDigits(g))));
}

export function quotesVerbatim(index: PlanIndex, answer: Answer): boolean {
  return answer.citations.every((c) => {
    const doc = index.docById.get(c.doc);
    return Boolean(doc) && doc!.text.slice(c.start, c.end) === c.quote && containsVerbatim(c.text, c.quote);
  });
}

export async function evaluateAnswers(index: PlanIndex, qa: QaItem[], config: Config): Promise<AnswerReport> {
  const rows: AnswerRow[] = [];
  for (const q of qa) {
    const answer = await answerQuestion(index, q.question, config);
    const answerable = q.gold.length > 0;
    const hits = answerable ? (await searchPlans(index, q.question, { k: 10 })).hits : [];
    rows.push({
      id: q.id,
      question: q.question,
      kind: q.kind ?? '',
      lang: q.lang ?? '',
      answerable,
      found: answer.found,
      grounded: answerable && groundedIn(q.gold, answer),
      retrievalRank: answerable
        ? coverRank(
            q.gold,
            hits.map((h) => ({ text: h.chunk.text })),
          )
        : Infinity,
      verbatim: quotesVerbatim(index, answer),
      citations: answer.citations.length,
      answer: answer.answer,
    });
  }
  return reportOf(rows);
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0);
const share = <T>(set: T[], test: (x: T) => boolean) => round(set.length ? set.filter(test).length / set.length : 0);

export function reportOf(rows: AnswerRow[]): AnswerReport {
  const answerable = rows.filter((r) => r.answerable);
  const unanswerable = rows.filter((r) => !r.answerable);
  const groups = <K extends 'kind' | 'lang'>(key: K) => {
    const out = new Map<string, AnswerRow[]>();
    for (const r of rows) out.set(r[key], [...(out.get(r[key]) ?? []), r]);
    return [...out];
  };
  return {
    questions: rows.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    grounded: share(answerable, (r) => r.grounded),
    'recall@5': share(answerable, (r) => r.retrievalRank <= 5),
    verbatim: share(rows, (r) => r.verbatim),
    unanswerableNotFound: share(unanswerable, (r) => !r.found),
    answerableNotFound: share(answerable, (r) => !r.found),
    by_kind: Object.fromEntries(
      groups('kind').map(([k, set]) => {
        const a = set.filter((r) => r.answerable);
        return [k, { n: set.length, grounded: share(a, (r) => r.grounded), notFound: share(set, (r) => !r.found) }];
      }),
    ),
    by_lang: Object.fromEntries(
      groups('lang').map(([k, set]) => {
        const a = set.filter((r) => r.answerable);
        return [
          k,
          {
            n: set.length,
            answerable: a.length,
            grounded: share(a, (r) => r.grounded),
            'recall@5': share(a, (r) => r.retrievalRank <= 5),
          },
        ];
      }),
    ),
    misses: rows
      .filter((r) => (r.answerable ? !r.grounded : r.found) || !r.verbatim)
      .map((r) => ({
        id: r.id,
        question: r.question,
        why: !r.verbatim
          ? 'quote not verbatim'
          : !r.answerable
            ? 'answered, but the plans do not say'
            : !r.found
              ? `"not found" (retrieval rank ${r.retrievalRank})`
              : `gold not cited (retrieval rank ${r.retrievalRank})`,
        answer: r.answer,
      })),
  };
}
