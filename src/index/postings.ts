// BM25 postings in a compact binary form: the vocabulary as lines of text, and for each token its
// chunk positions (delta-encoded) and counts as variable-length integers. About 1.5 bytes a posting
// instead of the tens of bytes of a JSON map, and nothing to parse at start-up but the vocabulary.
import { bigramOfKey, bigramToken, forEachBigram } from '../text/tokenize.js';
import type { PostingList, Postings } from './store.js';

/** Lists of at least this many postings are kept decoded, up to CACHE_BYTES in all. */
const CACHE_MIN_POSTINGS = 512;
const CACHE_BYTES = 48 * 1024 * 1024;

/** A batch of chunks' tokens: a local vocabulary, and per chunk its (token, count) pairs. */
export type TokenBatch = {
  /** Position of the batch's first chunk in the whole index. */
  firstPosition: number;
  vocabulary: string[];
  /** Interleaved (local token id, count) pairs, chunk after chunk. */
  pairs: Uint32Array;
  /** Per chunk, where its pairs start (in pairs, not array slots); one extra entry at the end. */
  chunkStarts: Uint32Array;
};

/**
 * Counts chunks' tokens into a batch: words by string, Han bigrams by their numeric key (no string
 * is made for a bigram until it first appears), each chunk's counts in a reusable array.
 */
export function tokenCounter() {
  const wordIds = new Map<string, number>();
  const bigramIds = new Map<number, number>();
  const vocabulary: string[] = [];
  let pairs = new Uint32Array(1 << 16);
  let pairCount = 0;
  const starts: number[] = [0];
  let counts = new Uint32Array(1 << 12);
  const touched: number[] = [];
  const see = (id: number) => {
    if (id >= counts.length) {
      const grown = new Uint32Array(counts.length * 2);
      grown.set(counts);
      counts = grown;
    }
    if (counts[id]++ === 0) touched.push(id);
  };
  const seeBigram = (key: number) => {
    let id = bigramIds.get(key);
    if (id === undefined) {
      id = vocabulary.length;
      bigramIds.set(key, id);
      vocabulary.push(bigramToken(bigramOfKey(key)));
    }
    see(id);
  };
  return {
    /** One chunk: its words, and the simplified text whose bigrams are counted. */
    add(chunkWords: readonly string[], simplified: string): void {
      for (const w of chunkWords) {
        let id = wordIds.get(w);
        if (id === undefined) {
          id = vocabulary.length;
          wordIds.set(w, id);
          vocabulary.push(w);
        }
        see(id);
      }
      forEachBigram(simplified, seeBigram);
      if (pairCount + touched.length * 2 > pairs.length) {
        const grown = new Uint32Array(Math.max(pairs.length * 2, pairCount + touched.length * 2));
        grown.set(pairs);
        pairs = grown;
      }
      for (const id of touched) {
        pairs[pairCount++] = id;
        pairs[pairCount++] = counts[id];
        counts[id] = 0;
      }
      touched.length = 0;
      starts.push(pairCount / 2);
    },
    batch(firstPosition: number): TokenBatch {
      return { firstPosition, vocabulary, pairs: pairs.slice(0, pairCount), chunkStarts: Uint32Array.from(starts) };
    },
  };
}

export type EncodedPostings = {
  vocabulary: string;
  /** Byte offset of each token's postings in `data`; one extra entry at the end. */
  offsets: Uint32Array;
  frequency: Uint32Array;
  data: Uint8Array;
  /** Tokens per chunk. */
  lengths: Uint32Array;
};

/** Merges the batches (in position order) into one encoded postings file set. */
export function encodePostings(batches: TokenBatch[], chunkCount: number): EncodedPostings {
  const sorted = [...batches].sort((a, b) => a.firstPosition - b.firstPosition);
  const globalIds = new Map<string, number>();
  const vocabulary: string[] = [];
  const remaps = sorted.map((batch) =>
    Uint32Array.from(batch.vocabulary, (token) => {
      let id = globalIds.get(token);
      if (id === undefined) {
        id = vocabulary.length;
        globalIds.set(token, id);
        vocabulary.push(token);
      }
      return id;
    }),
  );
  const frequency = new Uint32Array(vocabulary.length);
  const lengths = new Uint32Array(chunkCount);
  sorted.forEach((batch, b) => {
    const remap = remaps[b];
    for (let c = 0; c + 1 < batch.chunkStarts.length; c++) {
      let length = 0;
      for (let p = batch.chunkStarts[c]; p < batch.chunkStarts[c + 1]; p++) {
        frequency[remap[batch.pairs[2 * p]]]++;
        length += batch.pairs[2 * p + 1];
      }
      lengths[batch.firstPosition + c] = length;
    }
  });
  // Group positions and counts by token; chunks are visited in order, so each group is sorted.
  const starts = new Uint32Array(vocabulary.length + 1);
  for (let t = 0; t < vocabulary.length; t++) starts[t + 1] = starts[t] + frequency[t];
  const cursor = starts.slice(0, vocabulary.length);
  const positions = new Uint32Array(starts[vocabulary.length]);
  const counts = new Uint32Array(starts[vocabulary.length]);
  sorted.forEach((batch, b) => {
    const remap = remaps[b];
    for (let c = 0; c + 1 < batch.chunkStarts.length; c++)
      for (let p = batch.chunkStarts[c]; p < batch.chunkStarts[c + 1]; p++) {
        const t = remap[batch.pairs[2 * p]];
        positions[cursor[t]] = batch.firstPosition + c;
        counts[cursor[t]++] = batch.pairs[2 * p + 1];
      }
  });
  const out = new VarintWriter(positions.length * 2 + 16);
  const offsets = new Uint32Array(vocabulary.length + 1);
  for (let t = 0; t < vocabulary.length; t++) {
    offsets[t] = out.length;
    let previous = 0;
    for (let i = starts[t]; i < starts[t + 1]; i++) {
      out.write(positions[i] - previous);
      out.write(counts[i]);
      previous = positions[i];
    }
  }
  offsets[vocabulary.length] = out.length;
  return { vocabulary: vocabulary.join('\n'), offsets, frequency, data: out.bytes(), lengths };
}

class VarintWriter {
  private buffer: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.buffer = new Uint8Array(capacity);
  }
  write(value: number): void {
    if (this.length + 5 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buffer[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buffer[this.length++] = v;
  }
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** Postings over the encoded files; the vocabulary is the only thing turned into objects. */
export function postingsReader(encoded: EncodedPostings): Postings {
  const tokens = encoded.vocabulary ? encoded.vocabulary.split('\n') : [];
  if (tokens.length + 1 !== encoded.offsets.length || tokens.length !== encoded.frequency.length) {
    throw new Error('postings: vocabulary and offsets disagree');
  }
  if (encoded.offsets[tokens.length] !== encoded.data.length) throw new Error('postings: offsets past the data');
  const ids = new Map<string, number>();
  tokens.forEach((t, i) => ids.set(t, i));
  const { offsets, data, lengths } = encoded;
  let total = 0;
  for (let i = 0; i < lengths.length; i++) total += lengths[i];
  const averageLength = total / Math.max(1, lengths.length);
  // Decoded lists of frequent tokens are kept (least recently used dropped first): the same common
  // tokens come back question after question, and decoding them is most of a lexical search's time.
  const decoded = new Map<number, PostingList>();
  let cachedBytes = 0;
  return {
    size: lengths.length,
    averageLength,
    length: (position) => lengths[position],
    frequency: (token) => {
      const id = ids.get(token);
      return id === undefined ? 0 : encoded.frequency[id];
    },
    has: (token) => ids.has(token),
    list(token) {
      const id = ids.get(token);
      if (id === undefined) return undefined;
      const hit = decoded.get(id);
      if (hit) {
        // Most recently used last, so that the oldest is evicted first.
        decoded.delete(id);
        decoded.set(id, hit);
        return hit;
      }
      const list = decode(id);
      if (list.positions.length >= CACHE_MIN_POSTINGS) remember(id, list);
      return list;
    },
  };

  function decode(id: number): PostingList {
    const n = encoded.frequency[id];
    const positions = new Uint32Array(n);
    const counts = new Uint16Array(n);
    let at = offsets[id];
    let position = 0;
    for (let i = 0; i < n; i++) {
      let delta = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = data[at++];
        delta |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      let count = 0;
      shift = 0;
      do {
        byte = data[at++];
        count |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      position += delta;
      positions[i] = position;
      counts[i] = Math.min(count, 0xffff);
    }
    if (at !== offsets[id + 1]) throw new Error('postings: a list does not end where the next begins');
    return { positions, counts };
  }

  function remember(id: number, list: PostingList): void {
    decoded.set(id, list);
    cachedBytes += list.positions.byteLength + list.counts.byteLength;
    for (const [oldest, old] of decoded) {
      if (cachedBytes <= CACHE_BYTES) break;
      decoded.delete(oldest);
      cachedBytes -= old.positions.byteLength + old.counts.byteLength;
    }
  }
}
