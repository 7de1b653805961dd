// Runs batches on worker threads (both cores for the CPU-bound part of a build: cleaning, jieba,
// feature hashing), or in this thread when the corpus is small enough that starting workers would
// cost more than it saves.
import type { Worker } from 'node:worker_threads';
import type { SourceFile } from '../ingest/load.js';
import { startWorker } from '../worker-thread.js';
import { embedBatch, processBatch, type BatchFeatures, type BatchResult, type EmbeddedBatch } from './batch.js';

export type WorkerRequest =
  | { type: 'process'; batch: number; sources: SourceFile[]; hashDimension?: number }
  | { type: 'embed'; batch: number; idf: Float32Array };
type WorkerReply = { ok: true; value: unknown } | { ok: false; message: string };

export interface BatchRunner {
  process(batch: number, sources: SourceFile[], hashDimension?: number): Promise<BatchResult>;
  /** Vectors for a processed batch (offline embedder). */
  embed(batch: number, idf: Float32Array): Promise<EmbeddedBatch>;
  close(): Promise<void>;
}

export function inThreadRunner(): BatchRunner {
  const kept = new Map<number, BatchFeatures>();
  return {
    async process(batch, sources, hashDimension) {
      const { result, features } = processBatch(batch, sources, hashDimension);
      if (features) kept.set(batch, features);
      return result;
    },
    async embed(batch, idf) {
      const features = kept.get(batch);
      if (!features) throw new Error(`batch ${batch} was not processed`);
      kept.delete(batch);
      return embedBatch(batch, features, idf);
    },
    async close() {},
  };
}

/** A pool of `size` workers, each taking the next batch when free; a batch is embedded by the worker that kept its features. */
export function workerRunner(size: number): BatchRunner {
  type Slot = { worker: Worker; busy: Promise<unknown> };
  const slots: Slot[] = Array.from({ length: size }, () => ({
    worker: startWorker('index/batch-worker'),
    busy: Promise.resolve(),
  }));
  const owner = new Map<number, Slot>();
  const idle = [...slots];
  const waiting: Array<(slot: Slot) => void> = [];
  const acquire = () => new Promise<Slot>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else idle.push(slot);
  };

  /** One request at a time per worker, in the order asked. */
  const call = <T>(slot: Slot, request: WorkerRequest): Promise<T> => {
    const run = slot.busy.then(
      () =>
        new Promise<T>((resolve, reject) => {
          const onMessage = (reply: WorkerReply) => {
            slot.worker.off('error', onError);
            if (reply.ok) resolve(reply.value as T);
            else reject(new Error(reply.message));
          };
          const onError = (err: Error) => {
            slot.worker.off('message', onMessage);
            reject(err);
          };
          slot.worker.once('message', onMessage);
          slot.worker.once('error', onError);
          slot.worker.postMessage(request);
        }),
    );
    slot.busy = run.catch(() => undefined);
    return run;
  };

  return {
    async process(batch, sources, hashDimension) {
      const slot = await acquire();
      owner.set(batch, slot);
      try {
        return await call<BatchResult>(slot, { type: 'process', batch, sources, hashDimension });
      } finally {
        release(slot);
      }
    },
    embed(batch, idf) {
      const slot = owner.get(batch);
      if (!slot) return Promise.reject(new Error(`batch ${batch} was not processed`));
      return call<EmbeddedBatch>(slot, { type: 'embed', batch, idf });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
