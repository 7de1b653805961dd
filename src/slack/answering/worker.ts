// An answering thread: opens the index itself from disk, then answers jobs one at a time and
// reloads the index when told to (after a plan is added or removed). Runs under worker_threads.
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../../config.js';
import { loadIndex, type PlanIndex } from '../index-access.js';
import { cutWords } from '../../text/tokenize.js';
import { composeAnswer } from './compose.js';
import type { AnswerJob } from './job.js';

export type ToWorker = { type: 'job'; seq: number; job: AnswerJob } | { type: 'reload'; seq: number };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; seq: number; outcome?: unknown; error?: string }
  | { type: 'failed'; error: string };

const { indexDir, config } = workerData as { indexDir: string; config: Config };
const port = parentPort!;

async function open(): Promise<PlanIndex> {
  const index = await loadIndex(indexDir, config);
  if (!index) throw new Error(`no index in ${indexDir}`);
  return index;
}

let index: PlanIndex;
try {
  index = await open();
  // jieba's dictionary takes half a second to build: now, not in the first asker's time.
  cutWords('预热');
  port.postMessage({ type: 'ready' } satisfies FromWorker);
} catch (err) {
  port.postMessage({ type: 'failed', error: (err as Error).message } satisfies FromWorker);
  process.exit(1);
}

port.on('message', async (message: ToWorker) => {
  try {
    if (message.type === 'reload') {
      // The old index keeps answering until the new one is loaded.
      index = await open();
      port.postMessage({ type: 'done', seq: message.seq } satisfies FromWorker);
    } else {
      const outcome = await composeAnswer(index, config, message.job);
      port.postMessage({ type: 'done', seq: message.seq, outcome } satisfies FromWorker);
    }
  } catch (err) {
    // Only the message crosses back: the main thread logs it under a reference, never to the user.
    port.postMessage({
      type: 'done',
      seq: message.seq,
      error: (err as Error).stack ?? String(err),
    } satisfies FromWorker);
  }
});
