// The list of readers: the only place a format is registered. Order does not matter; each
// extension belongs to one reader. Word files are also recognised by their first bytes, since sites
// and mail programs often give a file another format's name (see readerForContent).
import { docReader } from './doc.js';
import { docxReader } from './docx.js';
import { pdfReader } from './pdf.js';
import { RTF_SIGNATURE, rtfReader } from './rtf.js';
import { htmlReader, markdownReader, plainTextReader } from './text.js';
import type { FormatReader } from './types.js';

export const READERS: readonly FormatReader[] = [
  plainTextReader,
  markdownReader,
  htmlReader,
  docxReader,
  docReader,
  pdfReader,
  rtfReader,
];

export const SUPPORTED_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

const byExtension = new Map(READERS.flatMap((r) => r.extensions.map((ext) => [ext, r] as const)));

/** The reader for a file name's extension (case-insensitive), or undefined for a format we do not read. */
export function readerFor(fileName: string): FormatReader | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : byExtension.get(fileName.slice(dot).toLowerCase());
}

/** What a file's first bytes say it is: the formats that travel under a Word file's name. */
const SIGNATURES: Array<[(head: Buffer, text: string) => boolean, FormatReader]> = [
  [(head) => head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')), docxReader], // a zip: .docx
  [(head) => head.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex')), docReader], // OLE: Word 97–2003
  [(_, text) => text.startsWith(RTF_SIGNATURE), rtfReader],
  [(_, text) => text.startsWith('%PDF-'), pdfReader],
  [(_, text) => /^<(?:!doctype\s+html|html|head|meta|body|\?xml[^>]*>\s*<html)\b/i.test(text), htmlReader], // Word "Save as Web Page"
];
/** Extensions whose files are often something else: Word's, which sites serve RTF and HTML under. */
const SNIFFED = new Set(['.doc', '.docx']);

/**
 * The reader for a file, from its name and its first bytes: a .doc or .docx that is really a .docx, a
 * Word 97–2003 file, RTF, PDF or a web page is read as what it is. Any other file by its extension.
 */
export function readerForContent(fileName: string, bytes: Buffer): FormatReader | undefined {
  const byName = readerFor(fileName);
  const dot = fileName.lastIndexOf('.');
  if (!byName || !SNIFFED.has(fileName.slice(dot).toLowerCase())) return byName;
  const head = bytes.subarray(0, 1024);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const text = (
    utf16
      ? head
          .subarray(2)
          .toString(head[0] === 0xff ? 'utf16le' : 'latin1')
          .replace(/\0/g, '')
      : head.subarray(bom).toString('latin1')
  ).trimStart();
  return SIGNATURES.find(([matches]) => matches(head, text))?.[1] ?? byName;
}

export type { CleanerFormat, FormatReader, ReadText } from './types.js';
export { firstLine, UnreadableFile } from './types.js';
