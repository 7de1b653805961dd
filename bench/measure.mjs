// A fresh process for the benchmark to measure, running the compiled code (dist/) as npm start does:
//   node bench/measure.mjs ingest <corpus> <index>   build the index; prints seconds and peak RSS
//   node bench/measure.mjs serve <index> <question>  open the index and answer once; prints the time
//                                                    from process start to the answer, and peak RSS
// Peak RSS is the whole process's (worker threads included), from process.resourceUsage().
import { performance } from 'node:perf_hooks';

const [mode, ...args] = process.argv.slice(2);
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { parseConfig } = await dist('config.js');
const config = parseConfig({ LOG_LEVEL: 'silent', EMBEDDER: 'hashing' });
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (mode === 'ingest') {
  const [corpusDir, indexDir] = args;
  const { ingestCorpus } = await dist('index/build.js');
  const started = performance.now();
  const summary = await ingestCorpus({ corpusDir, indexDir, config, force: true });
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ seconds, paragraphs: summary.paragraphs, peakMb: peakMb() }));
} else if (mode === 'serve') {
  const [indexDir, question] = args;
  const [{ loadIndex }, { answerQuestion }] = await Promise.all([dist('index/read.js'), dist('answer/answer.js')]);
  const index = await loadIndex(indexDir, config);
  const answer = await answerQuestion(index, question, config);
  // performance.now() counts from the process's start.
  console.log(JSON.stringify({ firstAnswerMs: performance.now(), peakMb: peakMb(), cited: answer.citations.length }));
} else {
  console.error('usage: node bench/measure.mjs ingest <corpus> <index> | serve <index> <question>');
  process.exitCode = 2;
}
