// PDF: the text layer read with pdfjs, page by page, rebuilt into lines (./pdf-lines.ts), stripped of
// running heads, feet and page numbers (./pdf-furniture.ts) and joined back into paragraphs
// (./pdf-paragraphs.ts). A PDF without a text layer (a scan) cannot be read without OCR, and says so.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { removePageFurniture } from './pdf-furniture.js';
import { linesOfPage, type PdfLine, type PdfTextItem } from './pdf-lines.js';
import { paragraphsOf } from './pdf-paragraphs.js';
import { firstLine, UnreadableFile, type FormatReader } from './types.js';

/** Fewer letters than this per page, on average, is a scan (perhaps with a scanner app's watermark). */
const MIN_LETTERS_PER_PAGE = 10;

export const pdfReader: FormatReader = {
  name: 'PDF',
  extensions: ['.pdf'],
  async read(bytes) {
    const { pages, letters } = await readPages(bytes);
    if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, pages.length))
      throw new UnreadableFile('no text layer (scanned?); it needs OCR');
    return { text: paragraphsOf(removePageFurniture(pages)).join('\n'), format: 'text', encoding: 'pdf' };
  },
};

/** The lines of every page, and how many letters the text layer holds (upright or not). */
async function readPages(bytes: Buffer): Promise<{ pages: PdfLine[][]; letters: number }> {
  // pdfjs is large: loaded on first use, so commands that read no PDF start fast.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    // Chinese PDFs often use predefined CMaps (UniGB-UCS2-H…) and non-embedded standard fonts.
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  try {
    const pdf = await task.promise.catch((err: unknown) => {
      if ((err as Error)?.name === 'PasswordException')
        throw new UnreadableFile('the PDF is password-protected; save a copy without the password');
      throw new UnreadableFile(`not a readable PDF (${firstLine(err)})`);
    });
    const pages: PdfLine[][] = [];
    let letters = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      // Positions in the page as it is shown (its /Rotate applied), y measured upwards from the bottom.
      const viewport = page.getViewport({ scale: 1 });
      const items: PdfTextItem[] = [];
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item)) continue;
        letters += item.str.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
        const [a, b, c, d, x, y] = pdfjs.Util.transform(viewport.transform, item.transform);
        items.push({
          str: unifyIdeographs(item.str),
          x,
          y: viewport.height - y,
          width: item.width,
          size: Math.hypot(c, d) || item.height,
          rotated: Math.abs(b) > 0.1 * Math.abs(a) || Math.abs(c) > 0.1 * Math.abs(d),
        });
      }
      pages.push(linesOfPage(items));
      page.cleanup();
    }
    return { pages, letters };
  } finally {
    await task.destroy();
  }
}

/**
 * Many Chinese PDFs map some glyphs to Kangxi radicals or compatibility ideographs (⼀ U+2F00 for
 * 一 U+4E00): they look the same and are different text. NFKC maps them back; it is applied to
 * those blocks only, because elsewhere it would change the document's own punctuation (，→ ,).
 */
function unifyIdeographs(text: string): string {
  return text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (ch) => ch.normalize('NFKC'));
}
