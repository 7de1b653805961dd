// jieba on a thread of its own, started as a command begins, so that loading its dictionary (half a
// second) overlaps the rest of start-up instead of following it. Calls stay synchronous, like
// jieba's own: the caller writes its request into shared memory and waits (Atomics.wait) for the
// answer. Only the first call can wait for long, and only as long as the dictionary still needs.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread.js';

/** Control words: the state of the exchange and the length of the JSON in the data buffer. */
export const IDLE = 0;
export const REQUEST = 1;
export const REPLY = 2;
const DATA_BYTES = 1 << 20;

type Bridge = { worker: Worker; control: Int32Array; data: Uint8Array };
let bridge: Bridge | undefined;

/** Starts the jieba thread (once). Commands that will read questions call this first thing. */
export function startJiebaThread(): void {
  if (bridge) return;
  const control = new Int32Array(new SharedArrayBuffer(8));
  const data = new Uint8Array(new SharedArrayBuffer(DATA_BYTES));
  const worker = startWorker('text/jieba-worker', { workerData: { control, data } });
  // The thread never keeps the process alive, and a thread that fails leaves jieba to load here.
  worker.unref();
  worker.on('error', () => (bridge = undefined));
  bridge = { worker, control, data };
}

export type JiebaMethod = 'cut' | 'cut_for_search' | 'tag';

/** The thread's answer for one call, or undefined when there is no thread (jieba is then loaded here). */
export function callJiebaThread(method: JiebaMethod, text: string): unknown {
  if (!bridge) return undefined;
  const { control, data } = bridge;
  const request = new TextEncoder().encode(JSON.stringify([method, text]));
  if (request.length > DATA_BYTES) return undefined;
  data.set(request);
  Atomics.store(control, 1, request.length);
  Atomics.store(control, 0, REQUEST);
  Atomics.notify(control, 0);
  while (Atomics.load(control, 0) !== REPLY) Atomics.wait(control, 0, REQUEST);
  const reply = JSON.parse(new TextDecoder().decode(data.slice(0, Atomics.load(control, 1)))) as
    { ok: unknown } | { error: string };
  Atomics.store(control, 0, IDLE);
  Atomics.notify(control, 0);
  if ('error' in reply) throw new Error(`jieba: ${reply.error}`);
  return reply.ok;
}
