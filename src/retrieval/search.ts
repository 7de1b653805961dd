// Hybrid search: BM25 and vector rankings fused by reciprocal rank, within the documents the
// question's place and year point to. The confidence says how well the best passage covers the
// question, and drops when the plans asked about are not in the index.
import type { Chunk } from '../ingest/chunk.js';
import type { PlanDocument } from '../ingest/documents.js';
import { coversYear } from '../ingest/metadata.js';
import type { PlanIndex } from './index-store.js';
import { understandQuery, type QueryUnderstanding } from './query.js';
import { hanBigrams, lexicalTokens } from './tokenize.js';

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
  candidates: 100,
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
  const chunkAllowed = scope?.test;

  const lexicalQuery = [
    ...lexicalTokens(query.topic).map((token) => ({ token, weight: 1 })),
    ...query.expansions.flatMap((w) => lexicalTokens(w)).map((token) => ({ token, weight: RANKING.expansionWeight })),
  ];
  const lexical = index.bm25.search(lexicalQuery, chunkAllowed, RANKING.candidates);

  const vectorText = [query.topic, ...query.expansions].join(' ');
  const queryVector = await index.embedder.embedQuery(vectorText);
  let vector: number[];
  if (scope && scope.positions.length * nonZero(queryVector) <= EXACT_WORK_MAX) {
    // A small scope (one city's plans): exact search over its quantised vectors. hnswlib's filtered
    // search has to walk most of the graph to find neighbours when the filter rejects nearly all.
    vector = exactNeighbours(index.quantised, queryVector, scope.positions, RANKING.candidates);
  } else {
    // The graph's labels are chunk positions (see embedAll); filtering on labels avoids a docstore
    // lookup per candidate.
    const hnsw = index.vectors.index;
    vector = hnsw.searchKnn(queryVector, Math.min(RANKING.candidates, hnsw.getCurrentCount()), chunkAllowed).neighbors;
  }

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
    bigramWeight: (b) => index.bm25.idf(`~${b}`) || 0.5,
  };
}

/** Multiply-adds (chunks in scope × non-zero query dimensions) up to which exact search beats filtered HNSW. */
const EXACT_WORK_MAX = 4_000_000;
const nonZero = (v: number[]) => v.reduce((n, x) => n + (x !== 0 ? 1 : 0), 0);

const positionsByDoc = new WeakMap<PlanIndex, Map<string, number[]>>();
/** The chunk positions of a set of documents, and a membership test over them. */
function allowedPositions(
  index: PlanIndex,
  docIds: string[],
): { positions: number[]; test: (position: number) => boolean } {
  let byDoc = positionsByDoc.get(index);
  if (!byDoc) {
    byDoc = new Map();
    for (let i = 0; i < index.chunks.length; i++) {
      const id = index.chunks[i].docId;
      const list = byDoc.get(id);
      if (list) list.push(i);
      else byDoc.set(id, [i]);
    }
    positionsByDoc.set(index, byDoc);
  }
  const mask = new Uint8Array(index.chunks.length);
  const positions: number[] = [];
  for (const id of docIds)
    for (const p of byDoc.get(id) ?? []) {
      mask[p] = 1;
      positions.push(p);
    }
  return { positions, test: (position) => mask[position] === 1 };
}

/** Exact nearest neighbours by dot product (vectors are L2-normalised), over the query's non-zero dimensions. */
function exactNeighbours(q: PlanIndex['quantised'], query: number[], positions: number[], k: number): number[] {
  const dims: number[] = [];
  const weights: number[] = [];
  query.forEach((x, j) => {
    if (x !== 0) {
      dims.push(j);
      weights.push(x);
    }
  });
  const scored = positions.map((p) => {
    const offset = p * q.dimension;
    let dot = 0;
    for (let j = 0; j < dims.length; j++) dot += weights[j] * q.values[offset + dims[j]];
    return { p, score: dot * q.scales[p] };
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((s) => s.p);
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
    const inYear = pool.filter((d) => query.years.some((y) => coversYear(d, y)));
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
      ...hanBigrams(query.topic).map((b) => `~${b}`),
      ...query.expansions.flatMap((w) => lexicalTokens(w).filter((t) => !t.startsWith('~'))),
    ]),
  ];
  if (!terms.length) return 0;
  let have = 0;
  let all = 0;
  const texts = top.map((h) => h.chunk.simplified.toLowerCase());
  for (const t of terms) {
    const w = index.bm25.idf(t) || 0.5;
    all += w;
    const needle = t.startsWith('~') ? t.slice(1) : t;
    if (texts.some((s) => s.includes(needle))) have += w;
  }
  return all ? have / all : 0;
}
