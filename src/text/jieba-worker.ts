// The jieba thread (see jieba-thread.ts): loads jieba and its dictionary at once, then answers
// requests from shared memory for as long as the process runs.
import { createRequire } from 'node:module';
import { workerData } from 'node:worker_threads';
import { REPLY, REQUEST, type JiebaMethod } from './jieba-thread.js';

type Jieba = Record<JiebaMethod, (text: string, hmm: boolean) => unknown>;
const { control, data } = workerData as { control: Int32Array; data: Uint8Array };
const jieba = createRequire(import.meta.url)('jieba-wasm') as Jieba;
// The dictionary is built on the first call: make it now, while the main thread starts up.
jieba.cut('预热', true);

for (;;) {
  const state = Atomics.load(control, 0);
  if (state !== REQUEST) {
    Atomics.wait(control, 0, state);
    continue;
  }
  let reply: string;
  try {
    const [method, text] = JSON.parse(new TextDecoder().decode(data.slice(0, Atomics.load(control, 1)))) as [
      JiebaMethod,
      string,
    ];
    reply = JSON.stringify({ ok: jieba[method](text, true) });
  } catch (err) {
    reply = JSON.stringify({ error: (err as Error).message });
  }
  const bytes = new TextEncoder().encode(reply);
  data.set(bytes.subarray(0, data.length));
  Atomics.store(control, 1, Math.min(bytes.length, data.length));
  Atomics.store(control, 0, REPLY);
  Atomics.notify(control, 0);
}
