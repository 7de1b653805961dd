// Answering a question: search, then compose. Offline: the extractive answerer. With an LLM
// configured: the LLM answer, verified, falling back to the extractive one (with a note) when the
// model fails or leaves no valid citation.
import { llmConfigured, type Config } from '../config.js';
import { logger } from '../log.js';
import type { PlanIndex } from '../retrieval/index-store.js';
import { searchPlans, type SearchResult } from '../retrieval/search.js';
import { capabilityAnswer, isOffTopic, isSmallTalk } from './chat.js';
import { extractiveAnswer } from './extractive.js';
import { askModel, llmAnswerPrompts, verifyReply } from './llm.js';
import type { Answer } from './model.js';
import { coversYear } from '../ingest/metadata.js';
import { toSimplified } from '../text/script.js';

const LLM_SOURCES = 6;

export async function answerQuestion(index: PlanIndex, question: string, config: Config): Promise<Answer> {
  if (isSmallTalk(question)) return capabilityAnswer(index, question);
  const result = await placeFromText(index, await searchPlans(index, question, { k: SEARCH_K }));
  const extractive = extractiveAnswer(result, index);
  if (isOffTopic(result.query, extractive.evidence === 'direct')) return capabilityAnswer(index, question);
  // When the plans asked about are not indexed, or nothing relevant was found, no model can do better.
  if (!llmConfigured(config) || extractive.evidence === 'none') return extractive;
  return llmAnswer(result, extractive, config);
}

const SEARCH_K = 8;
/** How deep to look for passages of plans whose place is read from their text (see placeFromText). */
const WIDE_K = 40;

/**
 * A question naming a place no plan is filed under may still be about a plan whose place ingest
 * could not read (filed as unknown) but whose text names it ("绍兴" in a page whose headline does
 * not). The passages of such plans answer it; plans filed under another place never do.
 */
async function placeFromText(index: PlanIndex, result: SearchResult): Promise<SearchResult> {
  const { query } = result;
  if (!result.missingScope || query.places.length || !query.unknownPlaces.length) return result;
  const docs = new Set(
    index.documents
      .filter(
        (d) =>
          d.place === 'unknown' &&
          query.unknownPlaces.some((p) => toSimplified(d.text).includes(p)) &&
          (!query.years.length || d.year === 'unknown' || query.years.some((y) => coversYear(d, y))),
      )
      .map((d) => d.id),
  );
  if (!docs.size) return result;
  const wide = await searchPlans(index, query.question, { k: WIDE_K });
  const hits = wide.hits.filter((h) => docs.has(h.doc.id)).slice(0, SEARCH_K);
  return hits.length ? { ...wide, hits, scopeDocs: [...docs], missingScope: undefined } : result;
}

async function llmAnswer(result: SearchResult, extractive: Answer, config: Config): Promise<Answer> {
  const hits = result.hits.slice(0, LLM_SOURCES);
  const { system, user } = llmAnswerPrompts(result.query.question, hits);
  try {
    const verified = verifyReply(await askModel(config, system, user), hits);
    if (!verified.found) {
      return {
        ...extractive,
        answer: verified.answer || extractive.answer,
        found: false,
        mode: 'llm',
        citations: [],
        note: undefined,
      };
    }
    if (!verified.citations.length) {
      return {
        ...extractive,
        note: 'The model’s answer had no quote that could be verified in the sources; showing the extractive answer.',
      };
    }
    return {
      ...extractive,
      answer: verified.answer,
      mode: 'llm',
      citations: verified.citations,
      note: verified.dropped ? `${verified.dropped} citation(s) dropped: not verbatim in their sources.` : undefined,
    };
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'LLM answer failed; using the extractive answer');
    return {
      ...extractive,
      note: `The language model did not answer (${describeFailure(err)}); showing the extractive answer.`,
    };
  }
}

function describeFailure(err: unknown): string {
  const e = err as { name?: string; status?: number; message?: string };
  if (e.name === 'APIConnectionTimeoutError' || /timed? ?out/i.test(e.message ?? '')) return 'timeout';
  if (e.status) return `HTTP ${e.status}`;
  return 'unavailable';
}
