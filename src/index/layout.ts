// The files of one build and how each is laid out. Text is stored once (each document's cleaned
// text; a chunk is an offset pair into it), vectors once (int8), postings in binary.
export const FILES = {
  /** Documents' metadata; their texts are in `texts` (see documents-file.ts). */
  documents: 'documents.json',
  texts: 'texts.u16',
  /** The corpus files and what became of them (read by builds, not by answering). */
  sources: 'sources.json',
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
