// Scores the metadata the ingest rules read from a set's pages against its clerk's filing (meta.jsonl):
// exact title; place with its level and parent; year; period; type; one document per page.
//   npx tsx eval/meta-score.ts eval/holdout-pages-2 [--verbose]
import { readFileSync } from 'node:fs';
import { readMeta, type Meta } from './meta.js';
import { ingestFile } from '../src/ingest/documents.js';

const dir = process.argv[2] ?? 'eval/unseen';
const verbose = process.argv.includes('--verbose');
const metas: Meta[] = readMeta(dir);

const fields = ['title', 'place', 'year', 'period', 'type', 'documents'] as const;
const right: Record<(typeof fields)[number], number> = {
  title: 0,
  place: 0,
  year: 0,
  period: 0,
  type: 0,
  documents: 0,
};
for (const m of metas) {
  const r = ingestFile({
    file: m.file,
    format: 'text',
    encoding: 'utf-8',
    sha256: 'x',
    text: readFileSync(`${dir}/docs/${m.file}`, 'utf8'),
  });
  const d = r.documents[0];
  const got = {
    title: d.title,
    place: d.place === m.place && d.placeLevel === m.level && (!m.parent || d.placeParents.includes(m.parent)),
    year: d.year,
    period: `${d.years[0]}-${d.years[1]}`,
    type: d.type,
    documents: r.documents.length,
  };
  const ok = {
    title: got.title === m.title,
    place: got.place,
    year: got.year === m.year,
    period: got.period === `${m.period[0]}-${m.period[1]}`,
    type: got.type === m.type,
    documents: got.documents === 1,
  };
  for (const f of fields) if (ok[f]) right[f]++;
  const wrong = fields.filter((f) => !ok[f]);
  if (wrong.length || verbose) {
    const show = (f: (typeof fields)[number]) =>
      f === 'place'
        ? `place ${d.place} (${d.placeLevel}, ${d.placeParents.join('/')}) ≠ ${m.place}`
        : `${f} ${JSON.stringify(got[f])} ≠ ${JSON.stringify(f === 'period' ? m.period : f === 'documents' ? 1 : m[f])}`;
    console.log(`${m.file}: ${wrong.length ? wrong.map(show).join('; ') : 'ok'}`);
  }
}
const n = metas.length;
console.log(fields.map((f) => `${f} ${right[f]}/${n}`).join(' · '));
const checks = fields.filter((f) => f !== 'documents').reduce((s, f) => s + right[f], 0);
console.log(`metadata checks right: ${checks}/${n * 5} (${((100 * checks) / (n * 5)).toFixed(1)} %)`);
