// Chunk: one chunk per numbered item or paragraph, each with its section path and exact offsets into
// the cleaned document text. Long paragraphs split at sentence ends (never mid-sentence), with one
// sentence of overlap, and at inline 一是/二是 items, which extend the section path.
import { GARBLED } from './mojibake.js';
import { clipLabel, headingOf, INLINE_ITEM, isHeadingOnly, sectionTracker } from './sections.js';

export type Chunk = {
  id: string;
  docId: string;
  ordinal: number;
  sectionPath: string[];
  /** Offsets into the document's cleaned text: text.slice(start, end) === chunk text. */
  start: number;
  end: number;
  text: string;
  /** Holds a span that could not be decoded (U+FFFD): such sentences are never quoted. */
  garbled: boolean;
};

export type OutlineEntry = { level: number; label: string; start: number };

export const MAX_CHUNK_CHARS = 520;
const TARGET_CHUNK_CHARS = 360;

export function chunkDocument(docId: string, text: string): { chunks: Chunk[]; outline: OutlineEntry[] } {
  const chunks: Chunk[] = [];
  const outline: OutlineEntry[] = [];
  const sections = sectionTracker();
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    const start = offset;
    offset += paragraph.length + 1;
    if (!paragraph.trim()) continue;
    const heading = headingOf(paragraph);
    let path = sections.path();
    if (heading) {
      path = sections.enter(heading);
      outline.push({ level: heading.level, label: heading.label, start });
      if (isHeadingOnly(paragraph)) continue;
    }
    for (const piece of splitParagraph(paragraph)) {
      const s = start + piece.start;
      const e = start + piece.end;
      const chunkText = text.slice(s, e);
      chunks.push({
        id: `${docId}:${chunks.length + 1}`,
        docId,
        ordinal: chunks.length + 1,
        sectionPath: piece.item ? [...path, piece.item] : path,
        start: s,
        end: e,
        text: chunkText,
        garbled: chunkText.includes(GARBLED),
      });
    }
  }
  return { chunks, outline };
}

type Piece = { start: number; end: number; item?: string };

// Stops that always end a sentence, and the ASCII ones that end it only when they are sentence-final.
const STOP = /[。；;！？]/;
const ASCII_STOP = /[!?]/;
const CLOSERS = /[”’」』）)]/;
// After a sentence-final ! or ?: a space, the end, or Chinese (“ opens the next sentence's quote).
const NEXT_SENTENCE = /[\s\p{Script=Han}\u3000-\u303f\uff00-\uffef“‘]/u;
// <!channel>, <!here>, <@U123|name>, <https://…?a=1|link>: a token, whatever ! or ? it holds.
const ANGLE_TOKEN = /<[^<>\n]{1,200}>/g;

/**
 * Sentence spans of a paragraph: each ends after 。；;！？ (and a closing quote or bracket that follows),
 * or after an ASCII ! or ? that is sentence-final — followed by a space, the end or Chinese text, and not
 * inside an angle-bracket token (<!channel>) or a word or address (Yahoo!Mail, ?id=3).
 */
export function sentenceSpans(paragraph: string): Array<[number, number]> {
  const inToken = new Uint8Array(paragraph.length);
  for (const m of paragraph.matchAll(ANGLE_TOKEN)) inToken.fill(1, m.index, m.index + m[0].length);
  const isStop = (i: number) => STOP.test(paragraph[i]) || (ASCII_STOP.test(paragraph[i]) && !inToken[i]);
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < paragraph.length; i++) {
    if (!isStop(i)) continue;
    let end = i + 1;
    while (end < paragraph.length && isStop(end)) end++;
    const stops = paragraph.slice(i, end);
    while (end < paragraph.length && CLOSERS.test(paragraph[end])) end++;
    const final = !/^[!?]+$/.test(stops) || end >= paragraph.length || NEXT_SENTENCE.test(paragraph[end]);
    if (!final) {
      i = end - 1;
      continue;
    }
    spans.push([start, end]);
    start = end;
    i = end - 1;
  }
  if (start < paragraph.length) spans.push([start, paragraph.length]);
  return spans;
}

function splitParagraph(paragraph: string): Piece[] {
  const trimmedEnd = paragraph.replace(/\s+$/, '').length;
  if (trimmedEnd <= MAX_CHUNK_CHARS) return [{ start: 0, end: trimmedEnd }];
  // Units: inline items (一是…) when the paragraph enumerates, otherwise nothing special.
  const itemStarts = [...paragraph.matchAll(INLINE_ITEM)].map((m) => m.index! + (m[0].length - m[1].length));
  const sentences = sentenceSpans(paragraph.slice(0, trimmedEnd));
  const pieces: Piece[] = [];
  let i = 0;
  while (i < sentences.length) {
    const start = sentences[i][0];
    const item = itemStarts.includes(start) ? clipLabel(paragraph.slice(start)) : undefined;
    let j = i;
    let end = sentences[i][1];
    // Grow to the target size, stopping before the next inline item starts.
    while (
      j + 1 < sentences.length &&
      sentences[j + 1][1] - start <= TARGET_CHUNK_CHARS &&
      !itemStarts.includes(sentences[j + 1][0])
    ) {
      j++;
      end = sentences[j][1];
    }
    pieces.push({ start, end, item });
    if (j + 1 >= sentences.length) break;
    // One sentence of overlap, unless the next piece starts a new item or the sentence is long.
    const next = sentences[j + 1][0];
    const overlap = j > i && !itemStarts.includes(next) && sentences[j][1] - sentences[j][0] <= 120;
    i = overlap ? j : j + 1;
  }
  return pieces;
}
