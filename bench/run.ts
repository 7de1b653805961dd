// npm run bench: ingest throughput, warm query latency (p50/p95/p99), peak RSS and index size, for
// the bundled corpus and synthetic corpora of ~10k and ~100k paragraphs generated from the real
// documents (places and years varied). Prints a table and writes bench/results.json.
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.js';
import { allPlaces } from '../src/ingest/places.js';
import { ingestCorpus } from '../src/index/build.js';
import { loadIndex } from '../src/index/read.js';
import { searchPlans } from '../src/retrieval/search.js';
import { answerQuestion } from '../src/answer/answer.js';
import { table } from '../src/cli/io.js';

const config = parseConfig({
  ...process.env,
  LOG_LEVEL: 'silent',
  EMBEDDER: 'hashing',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
});
const sizes = (process.env.BENCH_SIZES ?? 'bundled,10000,100000').split(',');
const questions = readFileSync('eval/dev-qa.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l).question as string);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

/** A synthetic corpus: the bundled documents rewritten for other cities and years, until it has ~n paragraphs. */
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

const percentile = (xs: number[], p: number) =>
  xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const rows: Array<Record<string, string | number>> = [];
for (const size of sizes) {
  const corpus = size === 'bundled' ? 'corpus' : syntheticCorpus(Number(size));
  const indexDir = mkdtempSync(join(tmpdir(), 'plans-bench-index-'));
  peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const summary = await ingestCorpus({ corpusDir: corpus, indexDir, config });
  const ingestSeconds = (performance.now() - t0) / 1000;
  const index = (await loadIndex(indexDir, config))!;
  for (const q of questions.slice(0, 5)) await searchPlans(index, q); // warm-up
  const searchMs: number[] = [];
  const askMs: number[] = [];
  for (let round = 0; round < 5; round++)
    for (const q of questions) {
      let t = performance.now();
      await searchPlans(index, q);
      searchMs.push(performance.now() - t);
      t = performance.now();
      await answerQuestion(index, q, config);
      askMs.push(performance.now() - t);
    }
  const diskMb = Number(execSync(`du -sk ${indexDir}`).toString().split('\t')[0]) / 1024;
  rows.push({
    corpus: size,
    paragraphs: summary.paragraphs,
    'ingest s': ingestSeconds.toFixed(2),
    'paragraphs/s': Math.round(summary.paragraphs / ingestSeconds),
    'search p50 ms': percentile(searchMs, 50).toFixed(2),
    'search p95 ms': percentile(searchMs, 95).toFixed(2),
    'search p99 ms': percentile(searchMs, 99).toFixed(2),
    'ask p95 ms': percentile(askMs, 95).toFixed(2),
    'peak RSS MB': Math.round(peakRss / 1048576),
    'index MB': diskMb.toFixed(1),
  });
  console.log(table(rows.slice(-1)));
}
clearInterval(sampler);
console.log(`\n${table(rows)}`);
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  JSON.stringify(
    {
      date: new Date().toISOString(),
      cores: (await import('node:os')).cpus().length,
      node: process.version,
      results: rows,
    },
    null,
    2,
  ),
);
console.log('\nwritten: bench/results.json');
