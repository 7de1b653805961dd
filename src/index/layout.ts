// The files of one build and how each is laid out. Text is stored once (each document's cleaned
// text; a chunk is an offset pair into it), vectors once (int8), postings in binary.
export const FILES = {
  documents: 'documents.json',
  /** Int32 columns, CHUNK_COLUMNS per chunk. */
  chunks: 'chunks.bin',
  /** The distinct section paths; chunks refer to them by index. */
  sections: 'sections.json',
  vocabulary: 'vocabulary.txt',
  postingsOffsets: 'postings.offsets',
  postingsFrequency: 'postings.frequency',
  postingsData: 'postings.data',
  vectors: 'vectors.i8',
  scales: 'vectors.scales',
  /** Sign bits of the vectors, for the coarse pass of semantic search (OpenAI-compatible embedders). */
  bits: 'vectors.bits',
  embedder: 'embedder.json',
  lexicon: 'lexicon.json',
} as const;

/** The columns of chunks.bin, in order. */
export const CHUNK_COLUMNS = ['document', 'start', 'end', 'ordinal', 'section', 'garbled', 'tokens'] as const;
