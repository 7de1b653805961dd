// One batch of corpus files made into what an index is built from: documents and chunks (the
// ingest stage), each chunk's lexical tokens, and — for the offline embedder — its hashed features.
// Pure functions of their input, so that they run the same in-process or in a worker thread.
import type { Chunk } from '../ingest/chunk.js';
import { ingestFile, type IngestedFile } from '../ingest/documents.js';
import type { LoadProblem, SourceFile } from '../ingest/load.js';
import { toSimplified } from '../text/script.js';
import { bigramsOfSimplified, bigramToken, segment } from '../text/tokenize.js';
import { featureCounter, weigh, type SparseCounts } from './hashing-embeddings.js';
import { tokenBatch, type TokenBatch } from './postings.js';
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

/** What a batch keeps between its two passes: the chunks' hashed features, awaiting the corpus-wide idf. */
export type BatchFeatures = SparseCounts[];

export function processBatch(
  batch: number,
  sources: SourceFile[],
  hashDimension: number | undefined,
): { result: BatchResult; features?: BatchFeatures } {
  const files: IngestedRecord[] = [];
  const problems: LoadProblem[] = [];
  const chunkTokens: string[][] = [];
  const counter = hashDimension ? featureCounter(hashDimension) : undefined;
  const features: SparseCounts[] = [];
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
      chunkTokens.push([...chunkWords, ...bigramsOfSimplified(simplified).map(bigramToken)]);
      if (counter && bucketFrequency) {
        const counts = counter.count(simplified, chunkWords);
        for (const b of counts.buckets) bucketFrequency[b]++;
        features.push(counts);
      }
    }
    files.push({ ...ingested, chunks: ingested.chunks.map(({ text: _text, ...rest }) => rest) });
  }
  const { vocabulary, pairs, chunkStarts } = tokenBatch(0, chunkTokens);
  return {
    result: {
      batch,
      files,
      problems,
      chunkCount: chunkTokens.length,
      tokens: { vocabulary, pairs, chunkStarts },
      bucketFrequency,
    },
    features: counter ? features : undefined,
  };
}

export type EmbeddedBatch = { batch: number; values: Int8Array; scales: Float32Array };

/** The second pass of the offline embedder: weighted, normalised, int8 vectors of a batch's chunks. */
export function embedBatch(batch: number, features: BatchFeatures, idf: Float32Array): EmbeddedBatch {
  const vectors = emptyVectors(features.length, idf.length);
  features.forEach((counts, i) => quantiseInto(vectors, i, weigh(counts, idf), counts.buckets));
  return { batch, values: vectors.values, scales: vectors.scales };
}
