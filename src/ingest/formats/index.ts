// The list of readers: the only place a format is registered. Order does not matter; each
// extension belongs to one reader.
import { docReader } from './doc.js';
import { docxReader } from './docx.js';
import { pdfReader } from './pdf.js';
import { htmlReader, markdownReader, plainTextReader } from './text.js';
import type { FormatReader } from './types.js';

export const READERS: readonly FormatReader[] = [
  plainTextReader,
  markdownReader,
  htmlReader,
  docxReader,
  docReader,
  pdfReader,
];

export const SUPPORTED_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

const byExtension = new Map(READERS.flatMap((r) => r.extensions.map((ext) => [ext, r] as const)));

/** The reader for a file name's extension (case-insensitive), or undefined for a format we do not read. */
export function readerFor(fileName: string): FormatReader | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : byExtension.get(fileName.slice(dot).toLowerCase());
}

export type { CleanerFormat, FormatReader, ReadText } from './types.js';
export { firstLine, UnreadableFile } from './types.js';
