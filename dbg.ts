import { loadCorpus } from './src/ingest/load.js';
import { ingestFile } from './src/ingest/documents.js';
const { files } = await loadCorpus('corpus', { maxFileBytes: 1e8 });
for (const f of files) {
  const r = ingestFile(f);
  for (const d of r.documents) { const { text, outline, placeAliases, ...m } = d; console.log(JSON.stringify(m)); }
  const cs = r.chunks; console.log(cs.length, 'chunks; max', Math.max(...cs.map(c=>c.text.length)));
  for (const c of cs.slice(0, 4)) console.log('  ', c.id, c.sectionPath.join(' > '), '|', c.text.slice(0, 30));
}
