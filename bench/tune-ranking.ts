// npm run tune: sweeps the hybrid-ranking weights over a QA file (default: the development set)
// and prints recall@1/5 and MRR@10 for each setting, best first. The chosen values live in
// RANKING (src/retrieval/search.ts); this shows how sensitive they are.
import { readFileSync } from 'node:fs';
import { table } from '../src/cli/io.js';
import { parseConfig } from '../src/config.js';
import { resultJson } from '../src/cli/actions/search.js';
import { evaluateRuns, type QaItem } from '../src/retrieval/evaluate.js';
import { openIndex } from '../src/index/open.js';
import { RANKING, searchPlans } from '../src/retrieval/search.js';

const qaFile = process.argv[2] ?? 'eval/dev-qa.jsonl';
const qa = readFileSync(qaFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as QaItem);
const index = await openIndex(parseConfig({ ...process.env, LOG_LEVEL: 'silent' }));
const chosen = { ...RANKING };
const rows: Array<Record<string, string | number>> = [];
for (const rrfK of [10, 20, 60])
  for (const vectorWeight of [0, 0.3, 0.6, 1.0])
    for (const expansionWeight of [0.3, 0.5, 0.8]) {
      Object.assign(RANKING, { rrfK, vectorWeight, expansionWeight });
      const runs = [];
      for (const q of qa) runs.push(resultJson(q.id, await searchPlans(index, q.question, { k: 10 })));
      const r = evaluateRuns(
        qa,
        runs.map((x) => ({ id: x.id!, results: x.results })),
        5,
      );
      rows.push({
        rrfK,
        vectorWeight,
        expansionWeight,
        'recall@1': r['recall@1'],
        'recall@5': r['recall@5'],
        'mrr@10': r['mrr@10'],
      });
    }
Object.assign(RANKING, chosen);
rows.sort((a, b) => Number(b['mrr@10']) - Number(a['mrr@10']) || Number(b['recall@5']) - Number(a['recall@5']));
console.log(table(rows));
console.log(
  `\nin use: rrfK ${chosen.rrfK}, vectorWeight ${chosen.vectorWeight}, expansionWeight ${chosen.expansionWeight}`,
);
