// plans search / eval: the lookup, its batch mode (JSONL in, JSONL out) and its evaluation.
// The work is in ../actions/search.ts, loaded only when one of these commands runs.
import type { Command } from 'commander';
import { fraction, positiveInteger } from '../arguments.js';

const actions = () => import('../actions/search.js');
const CORPUS_HELP = 'corpus the index follows (default: the one it was built from, else corpus/)';

export function register(program: Command): void {
  program
    .command('search [query]')
    .description('find the paragraphs that match a question; with --json and no query, JSONL questions on stdin')
    .option('--k <n>', 'how many paragraphs', positiveInteger(200), 10)
    .option('--json', 'JSON output')
    .option('--index <dir>', 'index directory')
    .option('--corpus <dir>', CORPUS_HELP)
    .action(async (query, opts) => (await actions()).search(query, opts));

  program
    .command('eval')
    .description('recall@1/5/10 and MRR@10 of search on a QA file, by the reference scorer’s rule')
    .requiredOption('--qa <file>', 'JSONL questions with gold strings')
    .option(
      '--answers',
      'evaluate the answers instead: gold cited, quotes verbatim, "not found" when the plans are silent',
    )
    .option('--k <n>', 'cut-off reported by kind and language', positiveInteger(10), 5)
    .option('--json', 'JSON output')
    .option('--min-recall <x>', 'exit non-zero when recall@k is below this (0 to 1)', fraction)
    .option('--index <dir>', 'index directory')
    .option('--corpus <dir>', CORPUS_HELP)
    .action(async (opts) => (await actions()).evaluate(opts));
}
