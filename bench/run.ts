// npm run bench: what users feel, at each corpus size (the bundled plans, and synthetic corpora of
// ~10k and ~100k paragraphs made from them with places and years varied):
// - ingest time and peak memory, against the time the project's own jieba takes to segment the
//   same text (the floor: segmentation is the one cost a build cannot avoid), measured in this run;
// - a fresh serving process: time from its start to its first answer, and its peak memory, against
//   a process that starts Node and does nothing (the floor), measured in this run;
// - per-question latency in batch (search and the extractive answer), separately for questions that
//   name a place and questions that do not;
// - the index's size on disk;
// and, once, the Slack burst: acknowledgements of 200 simultaneous mentions, the bot against a bare
// Bolt app in the same run. Prints tables and writes bench/results.json. BENCH_SIZES=bundled,10000
// limits the sizes; BENCH_BURST=0 skips the burst.
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../src/answer/answer.js';
import { table } from '../src/cli/io.js';
import { parseConfig } from '../src/config.js';
import { allPlaces } from '../src/ingest/places.js';
import { loadIndex } from '../src/index/read.js';
import { understandQuery } from '../src/retrieval/query.js';
import { toSimplified } from '../src/text/script.js';
import { segment } from '../src/text/tokenize.js';
import { compile, sources, STAMP, stampOf } from '../scripts/build.mjs';

type Row = Record<string, string | number>;
const config = parseConfig({ LOG_LEVEL: 'silent', EMBEDDER: 'hashing' });
const sizes = (process.env.BENCH_SIZES ?? 'bundled,10000,100000').split(',');
const questions = readFileSync('eval/dev-qa.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l).question as string);

/** A synthetic corpus: the bundled plans rewritten for other cities and years, until it has ~n paragraphs. */
function syntheticCorpus(target: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'plans-bench-corpus-'));
  const sources = ['001_bd21d4014cef2a4c.txt', '003_68e4817491ed8267.txt', '004_10dafd72f5573692.txt'].map((f) =>
    readFileSync(join('corpus', f), 'utf8'),
  );
  const cities = allPlaces().filter((p) => p.level === 'city');
  let paragraphs = 0;
  for (let i = 0; paragraphs < target; i++) {
    const city = cities[i % cities.length];
    const year = 2015 + (i % 12);
    const text = sources[i % sources.length]
      .replace(/青島|青岛|湘西自治州|湘西|XX/g, city.name)
      .replace(/20[12]\d(?=年)/g, String(year))
      .replace(/全州/g, '全市');
    writeFileSync(join(dir, `synthetic-${i}.txt`), `${year}年${city.name}教育工作要点\n${text}`);
    paragraphs += (text.match(/\n(\d+\.|（[一二三四五六七八九十]+）)/g) ?? []).length + 2;
  }
  return dir;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
/**
 * Runs the `plans` command line as a user would (compiled, fresh process) and returns its wall time
 * and peak memory (reported by bench/peak-rss.mjs).
 */
function plans(...args: string[]): { seconds: number; peakMb: number; out: string } {
  const started = performance.now();
  const run = spawnSync('node', ['--import', './bench/peak-rss.mjs', 'dist/cli/bin.js', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, LOG_LEVEL: 'silent', EMBEDDER: 'hashing', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`plans ${args.join(' ')} failed: ${run.stderr}`);
  const peakMb = Number(run.stderr.match(/peak-rss-mb (\d+)/)?.[1]);
  return { seconds, peakMb, out: run.stdout };
}

// The fresh processes run the compiled code, as npm start does.
if (readFileSyncSafe(STAMP) !== stampOf(sources())) await compile();

/** The floor for start-up: a Node process that does nothing, timed the same way (median of five). */
const nodeFloorMs = median(
  Array.from({ length: 5 }, () => {
    const started = performance.now();
    execFileSync('node', ['-e', '0']);
    return performance.now() - started;
  }),
);

const rows: Row[] = [];
for (const size of sizes) {
  const corpus = size === 'bundled' ? 'corpus' : syntheticCorpus(Number(size));
  const indexDir = mkdtempSync(join(tmpdir(), 'plans-bench-index-'));
  const ingest = plans('ingest', '--force', '--corpus', corpus, '--index', indexDir);
  const index = (await loadIndex(indexDir, config))!;

  // The floor: jieba segmenting every paragraph's text, on one thread, as a build must.
  const texts = index.documents.flatMap((d) => {
    const simplified = toSimplified(d.text).toLowerCase();
    return index.positionsOf(d.id).map((p) => simplified.slice(index.chunks[p].start, index.chunks[p].end));
  });
  const floorStart = performance.now();
  for (const t of texts) segment(t);
  const jiebaSeconds = (performance.now() - floorStart) / 1000;

  // A fresh process answering one question: start-up, opening the index, the answer.
  const serves = Array.from({ length: 3 }, () => plans('ask', questions[3], '--index', indexDir));
  const firstAnswerMs = median(serves.map((s) => s.seconds * 1000));

  const named: number[] = [];
  const unnamed: number[] = [];
  for (const q of questions.slice(0, 5)) await answerQuestion(index, q, config); // warm-up
  for (let round = 0; round < 5; round++)
    for (const q of questions) {
      const t = performance.now();
      await answerQuestion(index, q, config);
      const ms = performance.now() - t;
      const query = understandQuery(index, q);
      (query.places.length || query.unknownPlaces.length ? named : unnamed).push(ms);
    }
  const diskMb = Number(execSync(`du -sk ${indexDir}`).toString().split('\t')[0]) / 1024;
  rows.push({
    corpus: size,
    paragraphs: index.chunks.length,
    'ingest s': ingest.seconds.toFixed(1),
    'jieba floor s': jiebaSeconds.toFixed(1),
    'ingest ÷ floor': (ingest.seconds / jiebaSeconds).toFixed(2),
    'ingest peak MB': ingest.peakMb,
    'index MB': diskMb.toFixed(1),
    'start→answer ms': Math.round(firstAnswerMs),
    'node floor ms': Math.round(nodeFloorMs),
    'serve peak MB': median(serves.map((s) => s.peakMb)),
    'named mean/p50/p95 ms': `${mean(named).toFixed(1)} / ${percentile(named, 50).toFixed(1)} / ${percentile(named, 95).toFixed(1)}`,
    'unnamed mean/p50/p95 ms': `${mean(unnamed).toFixed(1)} / ${percentile(unnamed, 50).toFixed(1)} / ${percentile(unnamed, 95).toFixed(1)}`,
  });
  console.log(table(rows.slice(-1)));
}

let burst: Row[] = [];
if (process.env.BENCH_BURST !== '0') {
  const { slackBurst } = await import('./slack-burst.js');
  burst = await slackBurst();
}
console.log(`\n${table(rows)}`);
if (burst.length) console.log(`\n${table(burst)}`);
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  JSON.stringify(
    { date: new Date().toISOString(), cores: cpus().length, node: process.version, results: rows, burst },
    null,
    2,
  ),
);
console.log('\nwritten: bench/results.json');

function readFileSyncSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
