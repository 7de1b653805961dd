// Word .docx: mammoth turns the document into HTML, so that the title, headings and paragraphs stay
// separate lines and the project's HTML cleaner applies. Headers, footers and comments are not part
// of mammoth's output, so running heads never reach the text.
import { firstLine, UnreadableFile, type FormatReader } from './types.js';

export const docxReader: FormatReader = {
  name: 'Word (.docx)',
  extensions: ['.docx'],
  async read(bytes) {
    // Loaded on first use: most runs read no .docx, and the CLI should start fast.
    const { default: mammoth } = await import('mammoth');
    let html: string;
    try {
      const options = {
        externalFileAccess: false,
        // Images (logos, photos, scanned seals) carry no text; by default they would be inlined as base64.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      };
      html = (await mammoth.convertToHtml({ buffer: bytes }, options)).value;
    } catch (err) {
      // A damaged or renamed file fails in the zip reader, whose message is long and about zip files.
      const reason = /zip|central directory/i.test(firstLine(err)) ? 'damaged, or not a Word file' : firstLine(err);
      throw new UnreadableFile(`not a readable .docx file (${reason})`);
    }
    return { text: tableRowsAsLines(html), format: 'html', encoding: 'docx' };
  },
};

/**
 * Mammoth wraps every table cell's text in <p>, which would put each cell on a line of its own. A row
 * of figures reads as one line, cells separated by spaces, as a PDF of the same table does.
 */
function tableRowsAsLines(html: string): string {
  return html.replace(/<t([dh])\b([^>]*)>([\s\S]*?)<\/t\1>/g, (_, cell: string, attrs: string, inner: string) => {
    const text = inner.replace(/<\/p>\s*<p\b[^>]*>/g, ' ').replace(/<\/?p\b[^>]*>/g, '');
    return `<t${cell}${attrs}>${text} </t${cell}>`;
  });
}
