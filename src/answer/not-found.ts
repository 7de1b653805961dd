// The project's own "not found": what the plans lack (a place or year not indexed, or a subject they
// do not speak of) and the closest documents. Used by the extractive answer and whenever a model
// says it found nothing — the model's own words are never shown in its place.
import type { PlanDocument } from '../ingest/documents.js';
import { coversYear } from '../ingest/metadata.js';
import { findPlaceMentions } from '../ingest/places.js';
import type { PlanIndex } from '../index/store.js';
import type { QueryUnderstanding } from '../retrieval/query.js';
import type { SearchHit, SearchResult } from '../retrieval/search.js';
import { inScript } from '../text/script.js';
import type { Answer } from './model.js';

const describe = (d: PlanDocument) => ({ doc: d.id, title: d.title, place: d.place, year: d.year });

export function closestDocuments(hits: SearchHit[]): Answer['closest'] {
  const seen = new Map<string, SearchHit['doc']>();
  for (const h of hits) if (!seen.has(h.doc.id)) seen.set(h.doc.id, h.doc);
  return [...seen.values()].slice(0, 3).map(describe);
}

const provinces = new Map<string, string | undefined>();
/** The province a place name lies in (its own code for a province or municipality); looked up once per name. */
function provinceOf(name: string): string | undefined {
  if (!provinces.has(name)) {
    const place = findPlaceMentions(name)[0]?.place;
    provinces.set(name, place && (place.level === 'province' ? place.code : (place.parents.at(-1) ?? place.code)));
  }
  return provinces.get(name);
}

/**
 * With no passage to go by (a bare name of a place that is not indexed, "Shenzhen"), the documents
 * nearest to what was asked: of the same province first, then of the year asked, then the rest.
 */
function nearestDocuments(index: PlanIndex, query: QueryUnderstanding): Answer['closest'] {
  const asked = new Set([...query.places, ...query.unknownPlaces].map(provinceOf).filter(Boolean));
  const rank = (d: PlanDocument) =>
    (d.place !== 'unknown' && asked.has(provinceOf(d.place)) ? 2 : 0) +
    (query.years.some((y) => coversYear(d, y)) ? 1 : 0);
  return index.documents
    .map((d, i) => ({ d, i, rank: rank(d) }))
    .sort((a, b) => b.rank - a.rank || a.i - b.i)
    .slice(0, 3)
    .map(({ d }) => describe(d));
}

export function notFoundAnswer(result: SearchResult, index?: PlanIndex): Answer {
  const { query } = result;
  let closest = closestDocuments(result.hits);
  // Listed, not ranked by what they say: named for what they are.
  const listed = !closest.length && Boolean(index?.documents.length);
  if (listed) closest = nearestDocuments(index!, query);
  const missing = result.missingScope;
  const docs = closest.map((d) => `《${d.title}》(${d.place}，${d.year})`).join('；');
  const answer =
    query.script === 'en'
      ? `The indexed plans do not answer this${missing ? ` (no plan indexed for ${missing})` : ''}. ${listed ? 'Indexed plans include' : 'Closest documents'}: ${closest.map((d) => `${d.title} (${d.place}, ${d.year})`).join('; ') || 'none'}.`
      : inScript(
          `${missing ? `没有找到${missing}的相关计划文件` : '已索引的计划文件中没有找到能回答这个问题的内容'}。${listed ? '已索引的文件有' : '最接近的文件'}：${docs || '无'}。`,
          query.script,
        );
  return {
    question: query.question,
    answer,
    found: false,
    mode: 'extractive',
    confidence: result.confidence,
    citations: [],
    closest,
    evidence: 'none',
  };
}
