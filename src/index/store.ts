// What retrieval and answers need from an index, behind one interface: the documents, every
// paragraph by its position, BM25 postings, and nearest-neighbour search over the vectors. The
// on-disk implementation is `read.ts`; a shared database could implement the same interface
// without retrieval or answers changing.
import type { Chunk } from '../ingest/chunk.js';
import type { PlanDocument } from '../ingest/documents.js';
import type { Lexicon } from './lexicon.js';
import type { Manifest } from './manifest.js';

/** Lexical postings: for a token, the chunks that hold it and how often. */
export interface Postings {
  /** Chunks in the index (positions run from 0 to size - 1). */
  readonly size: number;
  readonly averageLength: number;
  /** Tokens in a chunk. */
  length(position: number): number;
  /** How many chunks hold the token. */
  frequency(token: string): number;
  /** Whether the corpus uses this word (for segmenting questions without a dictionary). */
  has(token: string): boolean;
  /** The chunks holding the token, in position order, with its count in each (undefined: no such token). */
  list(token: string): PostingList | undefined;
}

/** One token's postings: `positions[i]` holds the token `counts[i]` times. Read-only. */
export type PostingList = { positions: Uint32Array; counts: Uint16Array };

export type Neighbour = { position: number; score: number };

export type NearestOptions = {
  /** Only these positions (a question scoped to one place's plans). */
  within?: ArrayLike<number>;
  /**
   * Positions the lexical search found. An embedder of lexical features can find nothing outside
   * them and may search only these; a semantic one ignores the hint.
   */
  likely?: ArrayLike<number>;
};

export interface VectorSearch {
  readonly dimension: number;
  embedQuery(text: string): Promise<number[]>;
  /** The k chunks nearest the query vector, best first. */
  nearest(query: number[], k: number, options?: NearestOptions): Neighbour[];
}

export interface PlanIndex {
  /** Where the index lives (a build directory for the on-disk store). */
  readonly dir: string;
  readonly manifest: Manifest;
  readonly documents: PlanDocument[];
  readonly docById: ReadonlyMap<string, PlanDocument>;
  /** Every paragraph; a chunk's position in this array is its number in postings and vectors. */
  readonly chunks: Chunk[];
  /** Positions of a document's chunks, in order. */
  positionsOf(docId: string): readonly number[];
  readonly lexicon: Lexicon;
  readonly postings: Postings;
  readonly vectors: VectorSearch;
}
