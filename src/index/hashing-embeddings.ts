// The offline embedder: feature hashing, no weights to download, deterministic. Features are the
// character 1–3-grams of each Han run of the simplified text, Latin/digit words, and the text's
// words, hashed (with a sign bit) into a fixed dimension; weights are sublinear counts × an idf
// per bucket learnt at ingest; vectors are L2-normalised. Hashes are computed from character codes
// directly: a 100k-paragraph corpus has some hundred million features, too many to build as strings.
import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { toSimplified } from '../text/script.js';
import { isHanCode, words } from '../text/tokenize.js';

export type HashingState = { kind: 'hashing'; dimension: number; documents: number; idf: number[] };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const step = (h: number, code: number) => Math.imul(h ^ code, FNV_PRIME);
const seed = (prefix: string) => [...prefix].reduce((h, ch) => step(h, ch.charCodeAt(0)), FNV_OFFSET);
const NGRAM_SEEDS = [0, seed('1:'), seed('2:'), seed('3:')];
const WORD_SEED = seed('w:');

const isLatinOrDigit = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);

/** Sparse signed counts per bucket: `buckets[i]` holds `counts[i]`. */
export type SparseCounts = { buckets: ArrayLike<number>; counts: ArrayLike<number> };

/** A reusable accumulator for one text's features (one per thread). */
export function featureCounter(dimension: number) {
  const acc = new Int32Array(dimension);
  const touched = new Int32Array(dimension);
  let size = 0;
  const add = (h: number) => {
    const u = h >>> 0;
    const bucket = u % dimension;
    if (acc[bucket] === 0) touched[size++] = bucket;
    acc[bucket] += u & 0x80000000 ? -1 : 1;
  };
  return {
    /** The features of a simplified, lower-cased text and its words. */
    count(simplifiedLower: string, textWords: readonly string[]): { buckets: Int32Array; counts: Int32Array } {
      const s = simplifiedLower;
      const n = s.length;
      for (let i = 0; i < n;) {
        const c = s.charCodeAt(i);
        if (isHanCode(c)) {
          let end = i + 1;
          while (end < n && isHanCode(s.charCodeAt(end))) end++;
          // 1-, 2- and 3-grams share their prefix hashes: each seed is stepped once per character.
          for (let k = i; k < end; k++) {
            const c0 = s.charCodeAt(k);
            add(step(NGRAM_SEEDS[1], c0));
            if (k + 1 < end) {
              const c1 = s.charCodeAt(k + 1);
              add(step(step(NGRAM_SEEDS[2], c0), c1));
              if (k + 2 < end) add(step(step(step(NGRAM_SEEDS[3], c0), c1), s.charCodeAt(k + 2)));
            }
          }
          i = end;
        } else if (isLatinOrDigit(c)) {
          let h = WORD_SEED;
          let end = i;
          while (end < n && isLatinOrDigit(s.charCodeAt(end))) h = step(h, s.charCodeAt(end++));
          add(h);
          i = end;
        } else i++;
      }
      for (const w of textWords) {
        if (w.length < 2) continue;
        let h = WORD_SEED;
        for (let k = 0; k < w.length; k++) h = step(h, w.charCodeAt(k));
        add(h);
      }
      let kept = 0;
      for (let t = 0; t < size; t++) if (acc[touched[t]] !== 0) kept++;
      const buckets = new Int32Array(kept);
      const counts = new Int32Array(kept);
      for (let t = 0, j = 0; t < size; t++) {
        const b = touched[t];
        if (acc[b] !== 0) {
          buckets[j] = b;
          counts[j++] = acc[b];
        }
        acc[b] = 0;
      }
      size = 0;
      return { buckets, counts };
    },
  };
}

/** idf per bucket from how many texts touch it. */
export function bucketIdf(documentFrequency: Uint32Array, texts: number): Float32Array {
  return Float32Array.from(documentFrequency, (d) => Math.log(1 + (texts + 1) / (d + 1)));
}

/** The weighted, L2-normalised vector of some counts, as sparse values (same order as `counts.buckets`). */
export function weigh(counts: SparseCounts, idf: Float32Array): Float32Array {
  const values = new Float32Array(counts.buckets.length);
  let norm = 0;
  for (let i = 0; i < values.length; i++) {
    const c = counts.counts[i];
    const w = Math.sign(c) * (1 + Math.log(Math.abs(c))) * idf[counts.buckets[i]];
    values[i] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < values.length; i++) values[i] /= norm;
  return values;
}

/**
 * LangChain's Embeddings over the hashed features. Documents are segmented with jieba; a question
 * is segmented by `questionSegmenter` when given (the corpus's own words), else by jieba too.
 */
export class HashingEmbeddings extends Embeddings {
  readonly dimension: number;
  readonly idf: Float32Array;
  readonly documents: number;
  private counter;

  constructor(
    state: Partial<HashingState> & { dimension: number },
    private questionSegmenter?: (text: string) => string[],
    params: EmbeddingsParams = {},
  ) {
    super(params);
    this.dimension = state.dimension;
    this.documents = state.documents ?? 0;
    this.idf = state.idf ? Float32Array.from(state.idf) : new Float32Array(state.dimension).fill(1);
    this.counter = featureCounter(state.dimension);
  }

  state(): HashingState {
    return {
      kind: 'hashing',
      dimension: this.dimension,
      documents: this.documents,
      idf: Array.from(this.idf, (v) => Math.round(v * 1e4) / 1e4),
    };
  }

  private embed(text: string, textWords: string[]): number[] {
    const counts = this.counter.count(toSimplified(text).toLowerCase(), textWords);
    const values = weigh(counts, this.idf);
    const vector = new Array<number>(this.dimension).fill(0);
    counts.buckets.forEach((b, i) => (vector[b] = values[i]));
    return vector;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t, words(t)));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text, this.questionSegmenter ? this.questionSegmenter(text) : words(text));
  }
}
