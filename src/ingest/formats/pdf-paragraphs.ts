// Printed lines → paragraphs. A PDF breaks lines wherever the page is full, often mid-sentence; the
// cleaner and the chunker need one line per paragraph, heading or title. Whether a line break also
// ends a paragraph is read from the text (sentence punctuation, headings and numbered items) and
// from the page (the line stops short of the margin, the next line is indented, set apart, centred,
// in another size, or a table row).
import { headingOf } from '../sections.js';
import { bodySize } from './pdf-furniture.js';
import { median, type PdfLine } from './pdf-lines.js';

type Layout = {
  /** The body text's size, left margin, right margin and baseline-to-baseline distance. */
  size: number;
  left: number;
  right: number;
  pitch: number;
  /**
   * How this document marks a new paragraph when the previous one ended exactly at the margin:
   * by indenting its first line, by extra space above it, or not at all (then punctuation decides).
   */
  paragraphMark: 'indent' | 'space' | 'none';
};

type Placed = PdfLine & { page: number };

export function paragraphsOf(pages: PdfLine[][]): string[] {
  const lines: Placed[] = pages.flatMap((page, p) => page.map((line) => ({ ...line, page: p })));
  if (!lines.length) return [];
  const layout = measure(lines);
  const paragraphs: string[] = [lines[0].text];
  for (let i = 1; i < lines.length; i++) {
    if (continues(lines[i - 1], lines[i], layout))
      paragraphs[paragraphs.length - 1] = join(paragraphs.at(-1)!, lines[i].text);
    else paragraphs.push(lines[i].text);
  }
  return paragraphs;
}

// Sentence ends, with a closing quote or bracket after the stop: 。” ；） !
const ENDS_SENTENCE = /[。！？；!?;][”’」』）)\]】》]*$/;
// A colon also ends a line deliberately when a list follows it.
const ENDS_CLAUSE = /[。！？；!?;：:][”’」』）)\]】》]*$/;
// Starts of blocks other than the outline's headings: bullets, 附件, 第X条 articles.
const BLOCK_START = /^([•●○■□◆◇▪►▶★☆]|附件\s*\d*\s*[:：]?|附表|第[一二三四五六七八九十百零\d]+条)/;

function continues(a: Placed, b: Placed, layout: Layout): boolean {
  // Table rows (runs set in columns) are lines of their own.
  if (a.columns || b.columns) return false;
  if (Math.abs(a.size - b.size) > 0.15 * Math.min(a.size, b.size)) return false;
  // Titles are set large or centred on lines of their own; a long one takes two, the first full.
  if (a.size > layout.size * 1.1 || centred(a, layout) || centred(b, layout)) {
    const room = a.x0 - layout.left + (layout.right - a.x1);
    return !ENDS_CLAUSE.test(a.text) && !/^[（(]/.test(b.text) && wouldNotFit(a, b, layout, room);
  }
  const wrapped = wouldNotFit(a, b, layout);
  // A heading or numbered item starts a block, unless the line before it ran full to the margin in
  // mid-sentence ("…覆盖全市小学" + "三、四年级…" is one sentence) and is not itself a heading.
  if (headingOf(b.text) || BLOCK_START.test(b.text))
    return wrapped && !ENDS_CLAUSE.test(a.text) && !headingOf(a.text) && !BLOCK_START.test(a.text);
  if (b.page === a.page && a.y - b.y > 1.45 * layout.pitch) return false;
  if (indented(b, layout)) return false;
  // A line that stops where the next word would still have fitted ended on purpose.
  if (!wrapped) return false;
  // A sentence that ends exactly at the margin: only indentation or spacing tell whether the
  // paragraph goes on, and neither said it stopped.
  if (ENDS_SENTENCE.test(a.text)) return layout.paragraphMark !== 'none';
  return true;
}

/**
 * Whether the next line's first unbreakable unit was too wide for the space left at the end of this
 * one — then the line wrapped, and did not end on purpose. A unit is a run of Latin letters and
 * digits, or one Chinese character, with the punctuation that may not be parted from it (独”, (2016—).
 */
function wouldNotFit(a: PdfLine, b: PdfLine, layout: Layout, room = layout.right - a.x1): boolean {
  const unit = firstUnit(b.text);
  const width = Array.from(unit).reduce((w, ch) => w + (/[\x21-\x7e]/.test(ch) ? 0.55 : 1) * b.size, 0);
  return width + 0.5 * b.size > room;
}

// Opening marks, a Latin word or number or one character, then closing marks, or opening marks and
// the word they open: what a line break may not split (a closing mark cannot start a line, an
// opening one cannot end one, and some typesetters keep a quote with the character before it).
const OPEN = '“‘（(《「『【〔';
const CLOSE = '，。、；：？！,.;:?!”’）)》」』】〕…—%';
const WORD = '(?:[A-Za-z0-9%.\\-]+|.)';
const FIRST_UNIT = new RegExp(`^[${OPEN}]*${WORD}(?:[${CLOSE}]|[${OPEN}]+${WORD})*`, 'su');

function firstUnit(text: string): string {
  return text.match(FIRST_UNIT)?.[0] ?? '';
}

function indented(line: PdfLine, layout: Layout): boolean {
  const inset = line.x0 - layout.left;
  return inset > 0.8 * layout.size && inset < 5 * layout.size;
}

function centred(line: PdfLine, layout: Layout): boolean {
  const before = line.x0 - layout.left;
  const after = layout.right - line.x1;
  return before > 3 * layout.size && Math.abs(before - after) < 2.5 * layout.size;
}

function join(text: string, next: string): string {
  // Latin words were separated by the line break; Chinese never is.
  return /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(next) ? `${text} ${next}` : text + next;
}

function measure(lines: Placed[]): Layout {
  const size = bodySize(lines);
  const body = lines.filter((l) => Math.round(l.size) === size && !l.columns);
  const left = leftMargin(body.map((l) => Math.round(l.x0)));
  // Most body lines run to the right margin; the 90th percentile ignores a few that overhang.
  const ends = body.map((l) => l.x1).sort((a, b) => a - b);
  const right = ends[Math.floor(ends.length * 0.9)] ?? left;
  const steps: number[] = [];
  for (let i = 1; i < body.length; i++)
    if (body[i].page === body[i - 1].page && body[i - 1].y > body[i].y) steps.push(body[i - 1].y - body[i].y);
  const pitch = median(steps.filter((s) => s < 3 * size)) || size * 1.5;
  const layout: Layout = { size, left, right, pitch, paragraphMark: 'none' };
  // Where a paragraph clearly ended (a sentence stops short of the margin), see how the next begins.
  let clearEnds = 0;
  let indents = 0;
  let spaced = 0;
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    if (a.page !== b.page || a.columns || b.columns || Math.round(b.size) !== size) continue;
    if (!ENDS_SENTENCE.test(a.text) || wouldNotFit(a, b, layout) || centred(b, layout)) continue;
    clearEnds++;
    if (indented(b, layout)) indents++;
    if (a.y - b.y > 1.45 * pitch) spaced++;
  }
  if (clearEnds >= 2 && indents >= clearEnds * 0.6) layout.paragraphMark = 'indent';
  else if (clearEnds >= 2 && spaced >= clearEnds * 0.6) layout.paragraphMark = 'space';
  return layout;
}

/**
 * The leftmost position many lines start at. Not the most common one: in a plan of one-line items,
 * indented first lines can outnumber the lines that run on at the margin.
 */
function leftMargin(starts: number[]): number {
  const counts = new Map<number, number>();
  for (const x of starts) counts.set(x, (counts.get(x) ?? 0) + 1);
  const enough = Math.max(2, starts.length * 0.05);
  const common = [...counts].filter(([, n]) => n >= enough).map(([x]) => x);
  return common.length ? Math.min(...common) : Math.min(...starts);
}
