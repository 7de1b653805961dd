// One batch of corpus files made into what an index is built from: documents and chunks (the
// ingest stage), each chunk's lexical tokens, and — for the offline embedder — its hashed features.
// Pure functions of their input, so that they run the same in-process or in a worker thread.
import type { Chunk } from '../ingest/chunk.js';
import { ingestFile, type IngestedFile } from '../ingest/documents.js';
import type { LoadProblem, SourceFile } from '../ingest/load.js';
import { toSimplified } from '../text/script.js';
import { segment } from '../text/tokenize.js';
import { featureCounter, weigh } from './hashing-embeddings.js';
import { tokenCounter, type TokenBatch } from './postings.js';
import { emptyVectors, quantiseInto } from './vectors.js';

/** Chunks travel without their text: it is a slice of their document's text. */
export type ChunkRecord = Omit<Chunk, 'text'>;
export type IngestedRecord = Omit<IngestedFile, 'chunks'> & { chunks: ChunkRecord[] };

export type BatchResult = {
  batch: number;
  files: IngestedRecord[];
  problems: LoadProblem[];
  chunkCount: number;
  tokens: Omit<TokenBatch, 'firstPosition'>;
  /** Per hash bucket, how many of the batch's chunks touch it (offline embedder only). */
  bucketFrequency?: Uint32Array;
};

/**
 * What a batch keeps between its two passes: the chunks' hashed features, awaiting the corpus-wide
 * idf — packed (16-bit buckets and counts, chunk after chunk), as they are held for the whole build.
 */
export type BatchFeatures = { starts: Uint32Array; buckets: Uint16Array; counts: Int16Array };

function featurePacker() {
  let buckets = new Uint16Array(1 << 16);
  let counts = new Int16Array(1 << 16);
  let size = 0;
  const starts = [0];
  return {
    add(sparse: { buckets: Int32Array; counts: Int32Array }): void {
      const n = sparse.buckets.length;
      if (size + n > buckets.length) {
        const capacity = Math.max(buckets.length * 2, size + n);
        const grownBuckets = new Uint16Array(capacity);
        const grownCounts = new Int16Array(capacity);
        grownBuckets.set(buckets.subarray(0, size));
        grownCounts.set(counts.subarray(0, size));
        buckets = grownBuckets;
        counts = grownCounts;
      }
      buckets.set(sparse.buckets, size);
      // A feature seen more than 32767 times in one paragraph weighs the same as one seen that often.
      for (let i = 0; i < n; i++) counts[size + i] = Math.max(-32767, Math.min(32767, sparse.counts[i]));
      size += n;
      starts.push(size);
    },
    packed(): BatchFeatures {
      return { starts: Uint32Array.from(starts), buckets: buckets.slice(0, size), counts: counts.slice(0, size) };
    },
  };
}

export function processBatch(
  batch: number,
  sources: SourceFile[],
  hashDimension: number | undefined,
): { result: BatchResult; features?: BatchFeatures } {
  const files: IngestedRecord[] = [];
  const problems: LoadProblem[] = [];
  const tokens = tokenCounter();
  let chunkCount = 0;
  const counter = hashDimension ? featureCounter(hashDimension) : undefined;
  const features = featurePacker();
  const bucketFrequency = hashDimension ? new Uint32Array(hashDimension) : undefined;
  for (const source of sources) {
    let ingested: IngestedFile;
    try {
      ingested = ingestFile(source);
      if (!ingested.documents.length) throw new Error('no plan text found after cleaning');
    } catch (err) {
      problems.push({ file: source.file, message: (err as Error).message });
      continue;
    }
    // Each document is simplified once; chunks are slices of it (the conversion keeps offsets).
    const simplifiedDocs = new Map(ingested.documents.map((d) => [d.id, toSimplified(d.text).toLowerCase()]));
    for (const chunk of ingested.chunks) {
      const simplified = simplifiedDocs.get(chunk.docId)!.slice(chunk.start, chunk.end);
      const chunkWords = segment(simplified);
      tokens.add(chunkWords, simplified);
      chunkCount++;
      if (counter && bucketFrequency) {
        const counts = counter.count(simplified, chunkWords);
        for (const b of counts.buckets) bucketFrequency[b]++;
        features.add(counts);
      }
    }
    files.push({ ...ingested, chunks: ingested.chunks.map(({ text: _text, ...rest }) => rest) });
  }
  const { vocabulary, pairs, chunkStarts } = tokens.batch(0);
  return {
    result: {
      batch,
      files,
      problems,
      chunkCount,
      tokens: { vocabulary, pairs, chunkStarts },
      bucketFrequency,
    },
    features: counter ? features.packed() : undefined,
  };
}

export type EmbeddedBatch = { batch: number; values: Int8Array; scales: Float32Array };

/** The second pass of the offline embedder: weighted, normalised, int8 vectors of a batch's chunks. */
export function embedBatch(batch: number, features: BatchFeatures, idf: Float32Array): EmbeddedBatch {
  const chunks = features.starts.length - 1;
  const vectors = emptyVectors(chunks, idf.length);
  for (let i = 0; i < chunks; i++) {
    const from = features.starts[i];
    const to = features.starts[i + 1];
    const sparse = { buckets: features.buckets.subarray(from, to), counts: features.counts.subarray(from, to) };
    quantiseInto(vectors, i, weigh(sparse, idf), sparse.buckets);
  }
  return { batch, values: vectors.values, scales: vectors.scales };
}
