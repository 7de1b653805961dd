import { readFileSync } from 'node:fs';
import { parseConfig } from './src/config.js';
import { loadIndex } from './src/retrieval/index-store.js';
import { searchPlans } from './src/retrieval/search.js';
import { hanBigrams } from './src/retrieval/tokenize.js';
const c = parseConfig({});
const idx = (await loadIndex('embeddings', c))!;
for (const l of readFileSync('../shared/eval/dev-qa.jsonl', 'utf8').trim().split('\n')) {
  const q = JSON.parse(l);
  const r = await searchPlans(idx, q.question, { k: 8 });
  const topic = [...new Set(hanBigrams(r.query.topic + r.query.expansions.join(' ')))];
  const w = (b: string) => idx.bm25.idf('~' + b);
  let best = 0;
  for (const h of r.hits.slice(0, 6)) for (const s of h.chunk.simplified.split(/[。；]/)) {
    const g = new Set(hanBigrams(s));
    const have = topic.filter((b) => g.has(b)).reduce((a, b) => a + w(b), 0);
    const all = topic.reduce((a, b) => a + w(b), 0);
    best = Math.max(best, all ? have / all : 0);
  }
  console.log(q.id, q.kind.padEnd(12), r.confidence.toFixed(3), best.toFixed(3), r.missingScope ?? '');
}
