// Word 97–2003 .doc: word-extractor reads the text of the main document (not headers and footers),
// one paragraph per line; table cells are separated by tabs.
import { firstLine, UnreadableFile, type FormatReader } from './types.js';

export const docReader: FormatReader = {
  name: 'Word 97–2003 (.doc)',
  extensions: ['.doc'],
  async read(bytes) {
    const { default: WordExtractor } = await import('word-extractor');
    let body: string;
    try {
      // filterUnicode: false keeps “ ” — — as written; by default they become ASCII, and quotes would not be verbatim.
      body = (await new WordExtractor().extract(bytes)).getBody({ filterUnicode: false });
    } catch (err) {
      throw new UnreadableFile(`not a readable .doc file (${firstLine(err)})`);
    }
    return { text: body.replace(/\t/g, ' '), format: 'text', encoding: 'doc' };
  },
};
