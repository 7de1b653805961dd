// The project's own "not found": what the plans lack (a place or year not indexed, or a subject they
// do not speak of) and the closest documents. Used by the extractive answer and whenever a model
// says it found nothing — the model's own words are never shown in its place.
import type { SearchHit, SearchResult } from '../retrieval/search.js';
import { inScript } from '../text/script.js';
import type { Answer } from './model.js';

export function closestDocuments(hits: SearchHit[]): Answer['closest'] {
  const seen = new Map<string, SearchHit['doc']>();
  for (const h of hits) if (!seen.has(h.doc.id)) seen.set(h.doc.id, h.doc);
  return [...seen.values()].slice(0, 3).map((d) => ({ doc: d.id, title: d.title, place: d.place, year: d.year }));
}

export function notFoundAnswer(result: SearchResult, note?: string): Answer {
  const { query } = result;
  const closest = closestDocuments(result.hits);
  const missing = result.missingScope;
  const answer =
    query.script === 'en'
      ? `The indexed plans do not answer this${missing ? ` (no plan indexed for ${missing})` : ''}. Closest documents: ${closest.map((d) => `${d.title} (${d.place}, ${d.year})`).join('; ') || 'none'}.`
      : inScript(
          `${missing ? `没有找到${missing}的相关计划文件` : '已索引的计划文件中没有找到能回答这个问题的内容'}。最接近的文件：${closest.map((d) => `《${d.title}》(${d.place}，${d.year})`).join('；') || '无'}。`,
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
    ...(note ? { note } : {}),
  };
}
