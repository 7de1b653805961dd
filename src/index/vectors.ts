// The vectors, stored once, quantised to int8 with one scale per vector (a quarter of float32).
// Search is exact over a short list of candidates:
// - lexical embeddings (feature hashing) can only be near chunks that share tokens with the
//   question, so the candidates are those the BM25 search touched;
// - semantic embeddings (OpenAI-compatible) are searched over all chunks by their sign bits
//   (Hamming distance, 1/8 of int8), and the short list is re-scored with the int8 vectors.
// At 100k paragraphs this is faster than a graph index and needs no second copy of the vectors
// (an hnswlib graph stores its own float32 copy: 400 MB at dimension 1024).
import type { Embeddings } from '@langchain/core/embeddings';
import type { NearestOptions, Neighbour, VectorSearch } from './store.js';

export type QuantisedVectors = {
  dimension: number;
  /** Row-major: vector p is values[p * dimension … (p + 1) * dimension). */
  values: Int8Array;
  scales: Float32Array;
};

export function emptyVectors(count: number, dimension: number): QuantisedVectors {
  return { dimension, values: new Int8Array(count * dimension), scales: new Float32Array(count) };
}

/** Stores a vector given as sparse (index, value) pairs or densely. */
export function quantiseInto(
  into: QuantisedVectors,
  position: number,
  values: ArrayLike<number>,
  indices?: ArrayLike<number>,
): void {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  const scale = max / 127 || 1;
  into.scales[position] = scale;
  const offset = position * into.dimension;
  for (let i = 0; i < values.length; i++)
    into.values[offset + (indices ? indices[i] : i)] = Math.round(values[i] / scale);
}

/** A vector read back from its quantised form (for reusing paid embeddings across builds). */
export function dequantise(vectors: QuantisedVectors, position: number): number[] {
  const offset = position * vectors.dimension;
  const scale = vectors.scales[position];
  return Array.from(vectors.values.subarray(offset, offset + vectors.dimension), (v) => v * scale);
}

/** Sign bits of each vector, packed 32 to a word: the coarse pass of semantic search. */
export function signBits(vectors: QuantisedVectors): Uint32Array {
  const words = Math.ceil(vectors.dimension / 32);
  const count = vectors.scales.length;
  const bits = new Uint32Array(count * words);
  for (let p = 0; p < count; p++) {
    const offset = p * vectors.dimension;
    for (let j = 0; j < vectors.dimension; j++)
      if (vectors.values[offset + j] > 0) bits[p * words + (j >>> 5)] |= 1 << (j & 31);
  }
  return bits;
}

const POPCOUNT16 = (() => {
  const t = new Uint8Array(0x10000);
  for (let i = 1; i < t.length; i++) t[i] = (i & 1) + t[i >>> 1];
  return t;
})();

/** How many candidates the Hamming pass keeps for exact re-scoring, per neighbour asked for. */
const RESCORE_FACTOR = 8;
/** Up to this many candidates, exact int8 scoring is cheaper than a Hamming pass first. */
const EXACT_MAX = 4000;

export function vectorSearch(
  vectors: QuantisedVectors,
  embedder: Embeddings,
  kind: 'lexical' | 'semantic',
  bits?: Uint32Array,
): VectorSearch {
  const { dimension, values, scales } = vectors;
  const count = scales.length;

  const exact = (query: number[], candidates: ArrayLike<number>, k: number): Neighbour[] => {
    const dims: number[] = [];
    const weights: number[] = [];
    for (let j = 0; j < query.length; j++)
      if (query[j] !== 0) {
        dims.push(j);
        weights.push(query[j]);
      }
    const scored: Neighbour[] = new Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) {
      const p = candidates[c];
      const offset = p * dimension;
      let dot = 0;
      for (let j = 0; j < dims.length; j++) dot += weights[j] * values[offset + dims[j]];
      scored[c] = { position: p, score: dot * scales[p] };
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, k);
  };

  const hammingShortList = (query: number[], candidates: ArrayLike<number>, keep: number): number[] => {
    const words = Math.ceil(dimension / 32);
    const q = new Uint32Array(words);
    for (let j = 0; j < dimension; j++) if (query[j] > 0) q[j >>> 5] |= 1 << (j & 31);
    const distance = new Uint16Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) {
      const base = candidates[c] * words;
      let d = 0;
      for (let w = 0; w < words; w++) {
        const x = (bits![base + w] ^ q[w]) >>> 0;
        d += POPCOUNT16[x & 0xffff] + POPCOUNT16[x >>> 16];
      }
      distance[c] = d;
    }
    // Counting selection: distances are small integers, so the cut-off is found without sorting.
    const histogram = new Uint32Array(dimension + 1);
    for (let c = 0; c < distance.length; c++) histogram[distance[c]]++;
    let cutoff = 0;
    for (let seen = 0; cutoff <= dimension && seen + histogram[cutoff] < keep; cutoff++) seen += histogram[cutoff];
    const out: number[] = [];
    for (let c = 0; c < distance.length && out.length < keep; c++) if (distance[c] < cutoff) out.push(candidates[c]);
    for (let c = 0; c < distance.length && out.length < keep; c++) if (distance[c] === cutoff) out.push(candidates[c]);
    return out;
  };

  return {
    dimension,
    embedQuery: (text) => embedder.embedQuery(text),
    nearest(query: number[], k: number, options: NearestOptions = {}): Neighbour[] {
      let candidates: ArrayLike<number>;
      if (kind === 'lexical' && options.likely) {
        if (options.within) {
          const allowed = new Set(Array.from(options.within));
          candidates = Array.from(options.likely).filter((p) => allowed.has(p));
        } else candidates = options.likely;
      } else candidates = options.within ?? Uint32Array.from({ length: count }, (_, i) => i);
      if (kind === 'semantic' && bits && candidates.length > EXACT_MAX) {
        candidates = hammingShortList(query, candidates, Math.max(k * RESCORE_FACTOR, 200));
      }
      return exact(query, candidates, k);
    },
  };
}
