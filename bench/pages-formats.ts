// npm run eval:formats — the real pages of the development sets as an office suite turns them into
// Word and PDF files (LibreOffice: `soffice --convert-to docx|pdf page.txt`), read back by the
// project's own pipeline: files read, metadata as each set's clerk filed it (title, place, year,
// period, type), and retrieval recall against the same pages as text. Needs `soffice`
// (apt-get install libreoffice-writer-nogui); skipped with a note when it is missing. Not part of
// `npm test`: converting takes a minute.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { config } from '../src/config.js';
import { openIndex } from '../src/index/open.js';
import type { PlanIndex } from '../src/index/store.js';
import { logForPeopleAtTerminal } from '../src/log-level.js';
import { evaluateRuns, type QaItem } from '../src/retrieval/evaluate.js';
import { searchPlans } from '../src/retrieval/search.js';
import { readMeta, type Meta } from '../eval/meta.js';

const SETS = [
  'eval/unseen',
  'eval/holdout-pages',
  'eval/holdout-pages-2',
  'eval/holdout-pages-3',
  'eval/holdout-pages-4',
];
const FORMATS = [
  { name: 'docx', filter: 'docx:MS Word 2007 XML' },
  { name: 'pdf', filter: 'pdf' },
];

logForPeopleAtTerminal();
if (!hasSoffice()) {
  console.log('soffice (LibreOffice) is not installed: nothing to convert. apt-get install libreoffice-writer-nogui');
  process.exit(0);
}

const rows: Array<Record<string, string | number>> = [];
for (const set of SETS) {
  const metas = readMeta(set);
  const qaFile = join(set, 'qa.jsonl');
  const qa = existsSync(qaFile) ? readQa(qaFile) : [];
  const corpora = [
    { name: 'txt', dir: join(set, 'docs') },
    ...FORMATS.map((f) => ({ name: f.name, dir: convert(set, f) })),
  ];
  for (const corpus of corpora) {
    const index = await openIndex(config(), { corpusDir: corpus.dir, indexDir: mkdtempSync(join(tmpdir(), 'fmt-')) });
    const { right, checks, read } = metadataAgreement(index, metas);
    const recall = qa.length ? await recallOf(index, qa) : undefined;
    rows.push({
      set: set.replace('eval/', ''),
      format: corpus.name,
      'files read': `${read}/${metas.length}`,
      metadata: `${((100 * right) / checks).toFixed(1)}%`,
      'recall@1': recall ? recall['recall@1'] : '—',
      'recall@5': recall ? recall['recall@5'] : '—',
    });
  }
}
const keys = Object.keys(rows[0]);
console.log(`| ${keys.join(' | ')} |\n| ${keys.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${keys.map((k) => String(row[k])).join(' | ')} |`);

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The set's pages converted by LibreOffice into a fresh folder. */
function convert(set: string, format: { name: string; filter: string }): string {
  const out = join(mkdtempSync(join(tmpdir(), 'pages-')), format.name);
  mkdirSync(out);
  const pages = readMeta(set).map((m) => join(set, 'docs', m.file));
  execFileSync('soffice', ['--headless', '--convert-to', format.filter, '--outdir', out, ...pages], {
    stdio: 'ignore',
  });
  return out;
}

/** Checks of title, place, year, period and type that agree with the clerk's filing; a page not read fails all five. */
function metadataAgreement(index: PlanIndex, metas: Meta[]) {
  let right = 0;
  let read = 0;
  for (const m of metas) {
    const stem = m.file.replace(/\.txt$/, '');
    const doc = index.documents.find((d) => d.file.replace(/\.[a-z]+$/, '') === stem);
    if (doc) read++;
    const got = doc && [doc.title, doc.place, doc.year, JSON.stringify(doc.years), doc.type];
    const want = [m.title, m.place, m.year, JSON.stringify(m.period), m.type];
    right += want.filter((w, i) => got?.[i] === w).length;
  }
  return { right, checks: 5 * metas.length, read };
}

async function recallOf(index: PlanIndex, qa: QaItem[]) {
  const runs = [];
  for (const q of qa) {
    const { hits } = await searchPlans(index, q.question, { k: 10 });
    runs.push({ id: q.id, results: hits.map((h) => ({ text: h.chunk.text })) });
  }
  return evaluateRuns(qa, runs, 5);
}

function readQa(file: string): QaItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as QaItem);
}
