// The offline embedder: feature hashing, no weights to download, deterministic.
// Features are character 1–3-grams of the simplified text and jieba words, hashed (with a sign bit)
// into a fixed dimension; weights are sublinear tf × an idf per bucket learnt at ingest; L2-normalised.
import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { toSimplified } from '../text/script.js';
import { words } from './tokenize.js';

export type HashingState = { kind: 'hashing'; dimension: number; documents: number; idf: number[] };

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed features of a text; `segmented` (its jieba words) may be passed when already known. */
export function features(text: string, segmented?: string[]): string[] {
  const simplified = toSimplified(text).toLowerCase();
  const out: string[] = [];
  for (const run of simplified.match(/[\p{Script=Han}]+|[a-z0-9]+/gu) ?? []) {
    if (/^[a-z0-9]+$/.test(run)) {
      out.push(`w:${run}`);
      continue;
    }
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= run.length; i++) out.push(`${n}:${run.slice(i, i + n)}`);
  }
  for (const w of segmented ?? words(simplified)) if (w.length > 1) out.push(`w:${w}`);
  return out;
}

export class HashingEmbeddings extends Embeddings {
  readonly dimension: number;
  private idf: Float32Array;
  private documents: number;

  constructor(state: Partial<HashingState> & { dimension: number }, params: EmbeddingsParams = {}) {
    super(params);
    this.dimension = state.dimension;
    this.documents = state.documents ?? 0;
    this.idf = state.idf ? Float32Array.from(state.idf) : new Float32Array(state.dimension).fill(1);
  }

  /** Learns the idf of every bucket from the corpus; call before embedding documents. */
  fit(texts: string[], segmented?: string[][]): void {
    const df = new Uint32Array(this.dimension);
    for (const [i, text] of texts.entries()) {
      const seen = new Set<number>();
      for (const f of features(text, segmented?.[i])) seen.add(fnv1a(f) % this.dimension);
      for (const b of seen) df[b]++;
    }
    this.documents = texts.length;
    this.idf = Float32Array.from(df, (d) => Math.log(1 + (texts.length + 1) / (d + 1)));
  }

  state(): HashingState {
    return {
      kind: 'hashing',
      dimension: this.dimension,
      documents: this.documents,
      idf: Array.from(this.idf, (v) => Math.round(v * 1e4) / 1e4),
    };
  }

  embedText(text: string, segmented?: string[]): number[] {
    const tf = new Map<number, number>();
    for (const f of features(text, segmented)) {
      const h = fnv1a(f);
      const bucket = h % this.dimension;
      const sign = h & 0x80000000 ? -1 : 1;
      tf.set(bucket, (tf.get(bucket) ?? 0) + sign);
    }
    const vector = new Array<number>(this.dimension).fill(0);
    let norm = 0;
    for (const [bucket, count] of tf) {
      if (count === 0) continue;
      const w = Math.sign(count) * (1 + Math.log(Math.abs(count))) * this.idf[bucket];
      vector[bucket] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < vector.length; i++) vector[i] /= norm;
    return vector;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedText(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }
}
