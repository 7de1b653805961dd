// Finding the plans a command names: a place (any script, pinyin or English; "XX市" for anonymised
// plans), optionally a year and a type. The same aliases that scope search.
import type { PlanDocument } from '../ingest/documents.js';
import { coversYear, DOC_TYPES, type DocType } from '../ingest/metadata.js';
import type { PlanIndex } from '../index/store.js';
import { toSimplified } from '../text/script.js';

export function placeMatches(doc: PlanDocument, place: string): boolean {
  const wanted = toSimplified(place.trim()).toLowerCase();
  if (!wanted) return false;
  if (/^(xx|××|unknown|未知)/i.test(wanted)) return doc.place === 'unknown';
  return [doc.place, ...doc.placeAliases].some(
    (a) => a.toLowerCase() === wanted || toSimplified(a).toLowerCase() === wanted,
  );
}

export function parseType(text: string | undefined): DocType | undefined {
  if (!text) return undefined;
  const s = toSimplified(text);
  return DOC_TYPES.find((t) => t !== 'other' && (s.includes(t) || t.includes(s)));
}

export function findPlans(
  index: PlanIndex,
  place: string,
  year?: number,
  type?: DocType,
): { matches: PlanDocument[]; samePlace: PlanDocument[] } {
  const samePlace = index.documents.filter((d) => placeMatches(d, place));
  const matches = samePlace.filter(
    (d) => (year === undefined || coversYear(d, year)) && (type === undefined || d.type === type),
  );
  return { matches, samePlace };
}

export const describeDoc = (d: PlanDocument) => `${d.title}（${d.place}，${d.year}，${d.type}）`;
