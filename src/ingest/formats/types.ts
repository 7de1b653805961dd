// The one interface every file format implements: bytes in, text out, plus how the cleaner should
// read that text. A new format is one new file exporting a FormatReader, registered in ./index.ts.

/** How src/ingest/clean.ts treats the text: plain lines, Markdown, or HTML (tags become line breaks). */
export type CleanerFormat = 'text' | 'markdown' | 'html';

export type ReadText = {
  text: string;
  format: CleanerFormat;
  /** The character encoding of a text file (utf-8, gb18030, big5…), or the container the text came from (pdf, docx). */
  encoding: string;
};

export type FormatReader = {
  /** Short name for messages, e.g. "PDF". */
  name: string;
  /** Lower-case file extensions with the dot, e.g. [".pdf"]. */
  extensions: readonly string[];
  read(bytes: Buffer): Promise<ReadText>;
};

/**
 * A file this reader cannot turn into text, for a reason its owner can act on (a scan without a text
 * layer, a password, a damaged file). The message is one line, shown next to the file's name.
 */
export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
}

/** The first line of an error's message, for a one-line problem report (never a stack). */
export function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0].trim().slice(0, 200) || 'unknown error';
}
