// Numbering quotes into citations: quotes from the same paragraph share one citation (its span runs
// from the first quote to the last), so a paragraph is cited once, not as [2], [3] and [4]. The same
// paragraph text published in two documents (a district reprinting its city's plan) is one
// paragraph: cited once, from the first document it is quoted from.
import type { PlanDocument } from '../ingest/documents.js';
import { lettersAndDigits } from '../text/normalize.js';
import { citationFor, type Passage } from './cite.js';
import type { Citation } from './model.js';

/** A verbatim quote: `span` is in passage.text. */
export type Quote = { doc: PlanDocument; passage: Passage; span: { start: number; end: number } };

export function numberQuotes(quotes: Quote[]): { citations: Citation[]; markers: number[] } {
  const byPassage = new Map<string, { n: number; start: number; end: number; quote: Quote }>();
  const markers = quotes.map((q) => {
    const key = lettersAndDigits(q.passage.text) || `${q.doc.id}@${q.passage.start}`;
    const seen = byPassage.get(key);
    if (seen) {
      seen.start = Math.min(seen.start, q.span.start);
      seen.end = Math.max(seen.end, q.span.end);
      return seen.n;
    }
    const n = byPassage.size + 1;
    byPassage.set(key, { n, start: q.span.start, end: q.span.end, quote: q });
    return n;
  });
  const citations = [...byPassage.values()].map((c) =>
    citationFor(c.quote.doc, c.quote.passage, c.n, { start: c.start, end: c.end }),
  );
  return { citations, markers };
}

/** The passage (a chunk of `chunks`, else the line itself) that holds document offsets start–end. */
export function passageAt(
  doc: PlanDocument,
  chunks: Array<Passage & { end: number }>,
  start: number,
  end: number,
): { passage: Passage; span: { start: number; end: number } } {
  const chunk = chunks.find((c) => c.start <= start && end <= c.end);
  if (chunk) return { passage: chunk, span: { start: start - chunk.start, end: end - chunk.start } };
  // A heading line has no chunk of its own: it is its own passage.
  const lineStart = doc.text.lastIndexOf('\n', start - 1) + 1;
  const newline = doc.text.indexOf('\n', end);
  const lineEnd = newline < 0 ? doc.text.length : newline;
  const next = chunks.find((c) => c.start >= lineEnd);
  return {
    passage: {
      text: doc.text.slice(lineStart, lineEnd),
      start: lineStart,
      sectionPath: next?.sectionPath ?? [],
      ordinal: next?.ordinal ?? chunks.at(-1)?.ordinal ?? 0,
    },
    span: { start: start - lineStart, end: end - lineStart },
  };
}
