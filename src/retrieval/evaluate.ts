// Retrieval evaluation by the reference scorer's rule (eval/score.mjs): a question is found
// at rank k when each gold string is contained, letters and digits only, in some passage of the top k.
import { lettersAndDigits } from '../text/normalize.js';

export type QaItem = { id: string; question: string; gold: string[]; kind?: string; lang?: string };
export type RankedPassages = { id: string; results: Array<{ text: string }> };

export function coverRank(gold: string[], passages: Array<{ text: string }>): number {
  const wanted = gold.map(lettersAndDigits);
  const seen = wanted.map(() => false);
  for (let r = 0; r < passages.length; r++) {
    const text = lettersAndDigits(passages[r]?.text ?? '');
    wanted.forEach((g, i) => {
      if (!seen[i] && g && text.includes(g)) seen[i] = true;
    });
    if (seen.every(Boolean)) return r + 1;
  }
  return Infinity;
}

export type EvalReport = {
  questions: number;
  answerable: number;
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  recallAtK: number;
  k: number;
  'mrr@10': number;
  by_kind: Record<string, { n: number; recall: number }>;
  by_lang: Record<string, { n: number; recall: number }>;
  misses: string[];
};

export function evaluateRuns(qa: QaItem[], runs: RankedPassages[], k: number): EvalReport {
  const byId = new Map(runs.map((r) => [String(r.id), r.results]));
  const rows = qa.map((q) => ({ q, rank: q.gold.length ? coverRank(q.gold, byId.get(String(q.id)) ?? []) : null }));
  const answerable = rows.filter((r) => r.rank !== null) as Array<{ q: QaItem; rank: number }>;
  const recall = (n: number, set = answerable) =>
    set.length ? set.filter((r) => r.rank <= n).length / set.length : NaN;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const group = (key: 'kind' | 'lang') => {
    const out: Record<string, { n: number; recall: number }> = {};
    const groups = new Map<string, typeof answerable>();
    for (const r of answerable) groups.set(r.q[key] ?? '', [...(groups.get(r.q[key] ?? '') ?? []), r]);
    for (const [g, set] of groups) out[g] = { n: set.length, recall: round(recall(k, set)) };
    return out;
  };
  return {
    questions: qa.length,
    answerable: answerable.length,
    'recall@1': round(recall(1)),
    'recall@5': round(recall(5)),
    'recall@10': round(recall(10)),
    recallAtK: round(recall(k)),
    k,
    'mrr@10': round(
      answerable.reduce((s, r) => s + (r.rank <= 10 ? 1 / r.rank : 0), 0) / Math.max(1, answerable.length),
    ),
    by_kind: group('kind'),
    by_lang: group('lang'),
    misses: answerable.filter((r) => r.rank > k).map((r) => r.q.id),
  };
}
