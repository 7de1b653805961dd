// Hybrid search: BM25 and vector rankings fused by reciprocal rank, within the documents the
// question's place and year point to. The confidence says how well the best passage covers the
// question, and drops when the plans asked about are not in the index.
import type { Chunk } from '../ingest/chunk.js';
import type { PlanDocument } from '../ingest/documents.js';
import { coversYear } from '../ingest/metadata.js';
import type { PlanIndex } from '../index/store.js';
import { bigramToken, hanBigrams } from '../text/tokenize.js';
import { toSimplified } from '../text/script.js';
import { scrubSecrets } from '../errors.js';
import { logger } from '../log.js';
import { bm25Search, idf } from './bm25.js';
import { questionTokens, understandQuery, type QueryUnderstanding } from './query.js';

export type SearchHit = { chunk: Chunk; doc: PlanDocument; score: number; lexicalRank?: number; vectorRank?: number };
export type SearchResult = {
  query: QueryUnderstanding;
  hits: SearchHit[];
  /** Documents the search was limited to (empty: all). */
  scopeDocs: string[];
  /** What the question asks for that the index does not have, e.g. "深圳" or "青岛 2021". */
  missingScope?: string;
  confidence: number;
  /** How telling a Han bigram is in this corpus (its BM25 idf), for weighing overlaps downstream. */
  bigramWeight: (bigram: string) => number;
};

/** Fusion weights and constants, tuned on the development set (see README, "Retrieval quality"). */
export const RANKING = {
  rrfK: 20,
  lexicalWeight: 1.0,
  vectorWeight: 0.6,
  expansionWeight: 0.5,
  typeBoost: 1.15,
  /** How many of each ranking are fused. */
  candidates: 100,
  /** How many of the best lexical matches a lexical embedder re-ranks (it can find nothing else). */
  vectorCandidates: 2000,
};

export async function searchPlans(
  index: PlanIndex,
  question: string,
  options: { k?: number } = {},
): Promise<SearchResult> {
  const k = options.k ?? 10;
  const query = understandQuery(index, question);
  const { allowedDocs, missingScope } = scopeFor(index, query);
  const scope = allowedDocs ? allowedPositions(index, allowedDocs) : undefined;

  const lexicalQuery = [
    ...questionTokens(index, query.topic).map((token) => ({ token, weight: 1 })),
    ...query.expansions
      .flatMap((w) => questionTokens(index, w))
      .map((token) => ({ token, weight: RANKING.expansionWeight })),
  ];
  const lexicalMatches = bm25Search(index.postings, lexicalQuery, scope?.test, RANKING.vectorCandidates);
  const lexical = lexicalMatches.slice(0, RANKING.candidates);

  // An embedding server that is down must not silence the bot: the lexical ranking still answers.
  const queryVector = await index.vectors
    .embedQuery([query.topic, ...query.expansions].join(' '))
    .catch((err: unknown) => {
      logger.warn({ err: scrubSecrets(String((err as Error)?.message ?? err)) }, 'query not embedded; lexical only');
      return undefined;
    });
  const vector = queryVector
    ? index.vectors
        .nearest(queryVector, RANKING.candidates, {
          within: scope?.positions,
          likely: lexicalMatches.map((m) => m.position),
        })
        .map((n) => n.position)
    : [];

  const fused = new Map<number, { score: number; lexicalRank?: number; vectorRank?: number }>();
  const add = (position: number, rank: number, weight: number, kind: 'lexicalRank' | 'vectorRank') => {
    const entry = fused.get(position) ?? { score: 0 };
    entry.score += weight / (RANKING.rrfK + rank);
    entry[kind] = rank;
    fused.set(position, entry);
  };
  lexical.forEach((h, r) => add(h.position, r + 1, RANKING.lexicalWeight, 'lexicalRank'));
  vector.forEach((position, r) => add(position, r + 1, RANKING.vectorWeight, 'vectorRank'));

  const hits: SearchHit[] = [...fused]
    .map(([position, f]) => {
      const chunk = index.chunks[position];
      const doc = index.docById.get(chunk.docId)!;
      const typeBoost = query.types.includes(doc.type) ? RANKING.typeBoost : 1;
      return { chunk, doc, score: f.score * typeBoost, lexicalRank: f.lexicalRank, vectorRank: f.vectorRank };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, k);

  const coverage = hits.length ? topicCoverage(index, query, hits.slice(0, 3)) : 0;
  const confidence = missingScope ? coverage * 0.3 : coverage;
  return {
    query,
    hits,
    scopeDocs: allowedDocs ?? [],
    missingScope,
    confidence: Math.round(confidence * 1000) / 1000,
    bigramWeight: (b) => idf(index.postings, bigramToken(b)) || 0.5,
  };
}

/**
 * A year's work is reviewed at the next year's education work meeting and in its reports ("2022年…
 * 获国家级、省级荣誉…" in a 2023 meeting): such a document speaks for the year before its own.
 */
const reviewsYear = (d: PlanDocument, year: number) =>
  (d.type === '会议报道' || d.type === '报告') && d.year === year + 1;

/** The chunk positions of a set of documents, and a membership test over them. */
function allowedPositions(
  index: PlanIndex,
  docIds: string[],
): { positions: number[]; test: (position: number) => boolean } {
  const mask = new Uint8Array(index.chunks.length);
  const positions: number[] = [];
  for (const id of docIds)
    for (const p of index.positionsOf(id)) {
      mask[p] = 1;
      positions.push(p);
    }
  return { positions, test: (position) => mask[position] === 1 };
}

/** The documents a question is about: those of the places it names, narrowed to the years it names. */
export function scopeFor(
  index: PlanIndex,
  query: QueryUnderstanding,
): { allowedDocs?: string[]; missingScope?: string } {
  let docs: PlanDocument[] | undefined;
  if (query.places.length || query.anonymised) {
    docs = index.documents.filter((d) => query.places.includes(d.place) || (query.anonymised && d.place === 'unknown'));
  }
  if (!docs && query.unknownPlaces.length) return { missingScope: query.unknownPlaces.join('、') };
  if (query.years.length) {
    const pool = docs ?? index.documents;
    const covering = pool.filter((d) => query.years.some((y) => coversYear(d, y)));
    // A place named with no plan of that year is answered from the next year's review of it, if there is one.
    const covered = new Set(covering.map((d) => d.place));
    const inYear = [
      ...covering,
      ...pool.filter(
        (d) => query.places.includes(d.place) && !covered.has(d.place) && query.years.some((y) => reviewsYear(d, y)),
      ),
    ];
    if (inYear.length) {
      // Keep every named place represented: a cross-place question keeps each place's plan for that year.
      const placesCovered = new Set(inYear.map((d) => d.place));
      const missingPlaces = query.places.filter((p) => !placesCovered.has(p));
      docs = missingPlaces.length ? [...inYear, ...pool.filter((d) => missingPlaces.includes(d.place))] : inYear;
      if (missingPlaces.length)
        return {
          allowedDocs: docs.map((d) => d.id),
          missingScope: `${missingPlaces.join('、')} ${query.years.join('/')}`,
        };
    } else if (docs) {
      return {
        allowedDocs: docs.map((d) => d.id),
        missingScope: `${query.places.join('、') || query.unknownPlaces.join('、')} ${query.years.join('/')}`.trim(),
      };
    }
  }
  if (query.unknownPlaces.length && !query.places.length)
    return { allowedDocs: docs?.map((d) => d.id), missingScope: query.unknownPlaces.join('、') };
  return { allowedDocs: docs?.map((d) => d.id) };
}

/** Share of the question's topic (idf-weighted Han bigrams and expansion words) found in the best passages. */
function topicCoverage(index: PlanIndex, query: QueryUnderstanding, top: SearchHit[]): number {
  const terms = [
    ...new Set([
      ...hanBigrams(query.topic).map(bigramToken),
      ...query.expansions.flatMap((w) => questionTokens(index, w).filter((t) => !t.startsWith('~'))),
    ]),
  ];
  if (!terms.length) return 0;
  let have = 0;
  let all = 0;
  const texts = top.map((h) => toSimplified(h.chunk.text).toLowerCase());
  for (const t of terms) {
    const w = idf(index.postings, t) || 0.5;
    all += w;
    const needle = t.startsWith('~') ? t.slice(1) : t;
    if (texts.some((s) => s.includes(needle))) have += w;
  }
  return all ? have / all : 0;
}
