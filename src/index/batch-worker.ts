// A worker thread for index builds: processes batches (ingest, tokens, features) and later turns
// the features it kept into vectors once the corpus-wide idf is known.
import { parentPort } from 'node:worker_threads';
import { embedBatch, processBatch, type BatchFeatures } from './batch.js';
import type { WorkerRequest } from './pool.js';

const kept = new Map<number, BatchFeatures>();

parentPort!.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'process') {
      const { result, features } = processBatch(request.batch, request.sources, request.hashDimension);
      if (features) kept.set(request.batch, features);
      parentPort!.postMessage({ ok: true, value: result });
    } else {
      const features = kept.get(request.batch);
      if (!features) throw new Error(`batch ${request.batch} was not processed by this worker`);
      kept.delete(request.batch);
      const embedded = embedBatch(request.batch, features, request.idf);
      parentPort!.postMessage({ ok: true, value: embedded }, [
        embedded.values.buffer as ArrayBuffer,
        embedded.scales.buffer as ArrayBuffer,
      ]);
    }
  } catch (err) {
    parentPort!.postMessage({ ok: false, message: (err as Error).message });
  }
});
