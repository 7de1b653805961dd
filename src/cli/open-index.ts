// Opening the index for a command: built or updated first when needed, with progress and notes on
// stderr (stdout stays the command's output, for pipes and --json).
import { config, type Config } from '../config.js';
import { openIndex } from '../index/open.js';
import type { PlanIndex } from '../index/store.js';
import { buildReporter } from './build-progress.js';

export type IndexOptions = { index?: string; corpus?: string };

export async function openForCommand(opts: IndexOptions): Promise<{ index: PlanIndex; config: Config }> {
  const c = config();
  const reporter = buildReporter();
  const index = await openIndex(c, {
    indexDir: opts.index,
    corpusDir: opts.corpus,
    progress: reporter.progress,
    note: reporter.note,
  });
  reporter.finish();
  return { index, config: c };
}
