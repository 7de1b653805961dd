// The one way a citation is made: a passage of a document (a chunk, or a heading line) and a span
// of it. The quote is the document's own text at those offsets, so it is verbatim by construction.
import type { PlanDocument } from '../ingest/documents.js';
import type { Citation } from './model.js';

/** What a citation can point into: a chunk, or any line of the document with its offset. */
export type Passage = { text: string; start: number; sectionPath: string[]; ordinal: number };

/**
 * A citation numbered `n` for `span` of `passage` (offsets into passage.text; the whole passage when
 * omitted). The quote is taken from the document text, never from what a model or a caller says.
 */
export function citationFor(
  doc: PlanDocument,
  passage: Passage,
  n: number,
  span: { start: number; end: number } = { start: 0, end: passage.text.length },
): Citation {
  const start = passage.start + span.start;
  const end = passage.start + span.end;
  return {
    n,
    doc: doc.id,
    title: doc.title,
    place: doc.place,
    year: doc.year,
    section: passage.sectionPath.join(' > '),
    ordinal: passage.ordinal,
    quote: doc.text.slice(start, end),
    start,
    end,
    text: passage.text,
  };
}
