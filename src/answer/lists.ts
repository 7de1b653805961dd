// Enumerations: a sentence that announces items ("要抓好六項工作。", "還存在以下問題:") and the items
// that follow it — 一是…二是…, （一）（二）, 1. 2., ①②, or a ；-separated series after a colon —
// gathered in order from the document text, across paragraphs, each with its lead sentence.
import type { Chunk } from '../ingest/chunk.js';
import type { PlanDocument } from '../ingest/documents.js';
import { isInstructionLike } from './instructions.js';

export type ListItem = {
  /** The item's lead sentence (or its ；-separated segment), verbatim. */
  text: string;
  /** Offsets into the document's text. */
  start: number;
  end: number;
};

const CN_DIGITS = '一二三四五六七八九十';
const COUNT = `([${CN_DIGITS}两]+|\\d+)`;
/** "六項工作", "三个方面", "以下问题", "如下": the clause says items follow. */
const ANNOUNCES = new RegExp(`${COUNT}\\s*(?:项|項|个|個|条|條|大|方面|点|點|件|类|類)|以下|如下|下列|[：:]`, 'u');
/** How far after an announcing sentence items may start, and how far a list may run. */
const ITEMS_START_WITHIN = 400;
const LIST_SPAN_MAX = 6000;
const MAX_ITEMS = 12;

type MarkerStyle = { find: (n: number) => RegExp };
const STYLES: MarkerStyle[] = [
  { find: (n) => new RegExp(`(?:^|\\n|[。；;：:，,])\\s*${cn(n)}是`, 'u') },
  { find: (n) => new RegExp(`(?:^|\\n)\\s*[（(]${cn(n)}[）)]`, 'u') },
  { find: (n) => new RegExp(`(?:^|\\n)\\s*${cn(n)}、`, 'u') },
  { find: (n) => new RegExp(`(?:^|\\n|[。；;：:])\\s*${n}[.．、](?!\\d)`, 'u') },
  { find: (n) => new RegExp(`(?:^|\\n|[。；;：:])\\s*[（(]${n}[）)]`, 'u') },
  { find: (n) => new RegExp(String.fromCodePoint(0x2460 + n - 1), 'u') },
];

function cn(n: number): string {
  if (n <= 10) return CN_DIGITS[n - 1];
  return n < 20 ? `十${CN_DIGITS[n - 11]}` : String(n);
}

/** The number an announcing sentence gives ("六項" → 6), if any. */
export function announcedCount(sentence: string): number | undefined {
  const m = sentence.match(new RegExp(`${COUNT}\\s*(?:项|項|个|個|条|條|大|方面|点|點|件|类|類|支)`, 'u'));
  if (!m) return undefined;
  if (/^\d+$/.test(m[1])) return Number(m[1]);
  const digits = m[1].replace('两', '二');
  if (digits === '十') return 10;
  if (digits.startsWith('十')) return 10 + CN_DIGITS.indexOf(digits[1]) + 1;
  return CN_DIGITS.indexOf(digits[0]) + 1 || undefined;
}

/**
 * Where items would start if `sentence` announces some: just after its colon, else at its end;
 * undefined when it announces nothing.
 */
export function announcementEnd(sentence: string): number | undefined {
  if (!ANNOUNCES.test(sentence)) return undefined;
  const colon = sentence.search(/[：:]/);
  return colon >= 0 ? colon + 1 : sentence.length;
}

/**
 * The items that follow an announcing sentence ending at `after` (an offset into doc.text), in
 * order; empty when no numbered run of at least two items starts right after it.
 */
export function itemsAfter(doc: PlanDocument, after: number, expected?: number): ListItem[] {
  const text = doc.text.slice(after, after + LIST_SPAN_MAX);
  for (const style of STYLES) {
    const first = text.match(style.find(1));
    if (!first || first.index! > ITEMS_START_WITHIN) continue;
    const starts: number[] = [markerStart(text, first)];
    for (let n = 2; n <= (expected ?? MAX_ITEMS); n++) {
      const rest = text.slice(starts[starts.length - 1] + 1);
      const m = rest.match(style.find(n));
      if (!m) break;
      starts.push(starts[starts.length - 1] + 1 + markerStart(rest, m));
    }
    if (starts.length < 2) continue;
    return starts.map((s) => leadSentence(doc, after + s)).filter((item) => !isInstructionLike(item.text));
  }
  return semicolonSeries(doc, after);
}

/** Where the marker itself begins within a match that may start with a separator or newline. */
function markerStart(text: string, m: RegExpMatchArray): number {
  const lead = m[0].match(/^[\s\n。；;：:，,]*/)![0].length;
  return m.index! + lead;
}

/** The item's first sentence, from its marker to 。；！？ or the end of its line. */
function leadSentence(doc: PlanDocument, start: number): ListItem {
  const rest = doc.text.slice(start);
  const m = rest.match(/^[^。；;！!？?\n]*[。；;！!？?]?/);
  let end = start + (m ? m[0].length : rest.length);
  // A heading-only line ("（一）推动基础教育优质均衡发展") is the item whole.
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  return { text: doc.text.slice(start, end), start, end };
}

/** "…安排如下：甲；乙；丙。" — the ；-separated segments after a colon, within the same paragraph. */
function semicolonSeries(doc: PlanDocument, after: number): ListItem[] {
  if (!/[：:]\s*$/.test(doc.text.slice(Math.max(0, after - 2), after))) return [];
  const lineEnd = doc.text.indexOf('\n', after);
  const line = doc.text.slice(after, lineEnd < 0 ? doc.text.length : lineEnd);
  const items: ListItem[] = [];
  let offset = 0;
  for (const part of line.split(/(?<=[；;])/)) {
    const trimmed = part.replace(/^\s+/, '');
    const start = after + offset + (part.length - trimmed.length);
    offset += part.length;
    const body = trimmed.replace(/[；;。\s]+$/, '');
    if ([...body].length >= 4)
      items.push({ text: trimmed.replace(/\s+$/, ''), start, end: start + trimmed.replace(/\s+$/, '').length });
  }
  return items.length >= 2 ? items : [];
}

/** The chunk of `chunks` (one document's, in order) that holds a document offset. */
export function chunkAt(chunks: Chunk[], offset: number): Chunk | undefined {
  return chunks.find((c) => c.start <= offset && offset < c.end);
}
