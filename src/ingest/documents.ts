// From one loaded file to its documents and chunks: clean → split → metadata → sections and chunks.
import { cleanText, type NoiseCounts } from './clean.js';
import { chunkDocument, type Chunk, type OutlineEntry } from './chunk.js';
import type { SourceFile } from './load.js';
import { readMetadata, type DocumentMeta } from './metadata.js';
import { splitDocuments } from './split-documents.js';

export type PlanDocument = DocumentMeta & {
  id: string;
  file: string;
  /** The cleaned text that chunk offsets point into. */
  text: string;
  outline: OutlineEntry[];
  paragraphs: number;
};

export type IngestedFile = {
  file: string;
  sha256: string;
  encoding: string;
  documents: PlanDocument[];
  chunks: Chunk[];
  noise: NoiseCounts;
};

export function ingestFile(source: SourceFile): IngestedFile {
  const cleaned = cleanText(source.text, source.format);
  const raw = splitDocuments(cleaned.lines);
  const stem = source.file.replace(/\.[^.]+$/, '');
  const documents: PlanDocument[] = [];
  const chunks: Chunk[] = [];
  raw.forEach((doc, i) => {
    const id = raw.length === 1 ? stem : `${stem}#${i + 1}`;
    const text = doc.body.join('\n');
    const { chunks: docChunks, outline } = chunkDocument(id, text);
    documents.push({ id, file: source.file, ...readMetadata(doc), text, outline, paragraphs: docChunks.length });
    chunks.push(...docChunks);
  });
  return {
    file: source.file,
    sha256: source.sha256,
    encoding: source.encoding,
    documents,
    chunks,
    noise: cleaned.noise,
  };
}
