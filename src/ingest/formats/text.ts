// Text files (.txt, .md, .html/.htm): bytes decoded by whichever encoding reads them cleanly.
import { decodeText } from './encoding.js';
import { UnreadableFile, type CleanerFormat, type FormatReader } from './types.js';

function textReader(name: string, extensions: string[], format: CleanerFormat): FormatReader {
  return {
    name,
    extensions,
    async read(bytes) {
      if (looksBinary(bytes)) throw new UnreadableFile('binary file, not text');
      return { ...decodeText(bytes), format };
    },
  };
}

export const plainTextReader = textReader('text', ['.txt'], 'text');
export const markdownReader = textReader('Markdown', ['.md'], 'markdown');
export const htmlReader = textReader('HTML', ['.html', '.htm'], 'html');

/**
 * More than a few NUL bytes, or many control characters, in the first 8 KB: an image or archive renamed
 * .txt. A stray NUL or terminal colour codes in a text file are noise the cleaner removes; UTF-16
 * (with its BOM) is text.
 */
function looksBinary(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return false;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  let nul = 0;
  for (const b of sample) {
    if (b === 0) nul++;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return nul > Math.max(2, sample.length * 0.01) || control > sample.length * 0.05;
}
