// A question about a plan's priorities as a whole ("青岛2020年要抓好哪几项重点?"): the plan's own
// top-level headings, each cited; for a plan without headings (a meeting report), the items of the
// enumeration that announces its priorities ("要抓好六項工作。一是…").
import { sentenceSpans } from '../ingest/chunk.js';
import type { PlanDocument } from '../ingest/documents.js';
import type { PlanIndex } from '../index/store.js';
import type { SearchResult } from '../retrieval/search.js';
import { announcedCount, announcementEnd, itemsAfter, type ListItem } from './lists.js';
import { passageAt, type Quote } from './quotes.js';
import { topLevelSections } from './summary.js';

export type Enumeration = { doc: PlanDocument; announcement?: Quote; items: Quote[]; count?: number };

/** Fewer top-level headings than this and a plan's outline says little about its priorities. */
const MIN_HEADINGS = 2;
/** An announcement naming these is about the plan's priorities rather than one topic's details. */
const PRIORITIES = /重点|重點|工作|任务|任務|要点|要點|方面/;

export function overview(index: PlanIndex, result: SearchResult): Enumeration | undefined {
  const doc = planAskedAbout(index, result);
  if (!doc) return undefined;
  const chunks = index.chunks.filter((c) => c.docId === doc.id);
  const sections = topLevelSections(doc, chunks).filter((s) => s.heading && s.headingText);
  if (sections.length >= MIN_HEADINGS) {
    const items = sections.map((s) => ({
      doc,
      ...passageAt(doc, chunks, s.heading!.start, s.heading!.start + s.headingText!.length),
    }));
    return { doc, items, count: items.length };
  }
  for (const chunk of chunks)
    for (const [s, e] of sentenceSpans(chunk.text)) {
      const sentence = chunk.text.slice(s, e);
      const end = announcementEnd(sentence);
      const count = announcedCount(sentence);
      if (end === undefined || !count || count < MIN_HEADINGS || !PRIORITIES.test(sentence)) continue;
      const items = itemsAfter(doc, chunk.start + s + end, count);
      if (items.length < MIN_HEADINGS) continue;
      return {
        doc,
        announcement: { doc, passage: chunk, span: { start: s, end: e } },
        items: items.map((item) => quoteOf(doc, chunks, item)),
        count,
      };
    }
  return undefined;
}

export function quoteOf(doc: PlanDocument, chunks: PlanIndex['chunks'], item: ListItem): Quote {
  return { doc, ...passageAt(doc, chunks, item.start, item.end) };
}

/**
 * The one plan a question names by place and year: the plans search was scoped to, narrowed to the
 * type asked for; with several left (a place's summary and its next year's priorities), the one
 * retrieval ranked first.
 */
function planAskedAbout(index: PlanIndex, result: SearchResult): PlanDocument | undefined {
  if (!result.scopeDocs.length) return undefined;
  let docs = result.scopeDocs.map((id) => index.docById.get(id)!).filter(Boolean);
  const typed = docs.filter((d) => result.query.types.includes(d.type));
  if (typed.length) docs = typed;
  if (docs.length === 1) return docs[0];
  return docs.find((d) => d.id === result.hits[0]?.doc.id);
}
