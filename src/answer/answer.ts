// Answering a question: search, then compose. Offline: the extractive answerer. With an LLM
// configured: the LLM answer, verified, falling back to the extractive one (with a note) when the
// model fails or leaves no valid citation.
import { llmConfigured, type Config } from '../config.js';
import { logger } from '../log.js';
import type { PlanIndex } from '../retrieval/index-store.js';
import { searchPlans, type SearchResult } from '../retrieval/search.js';
import { extractiveAnswer } from './extractive.js';
import { askModel, llmAnswerPrompts, verifyReply } from './llm.js';
import type { Answer } from './model.js';

const LLM_SOURCES = 6;

export async function answerQuestion(index: PlanIndex, question: string, config: Config): Promise<Answer> {
  const result = await searchPlans(index, question, { k: 8 });
  const extractive = extractiveAnswer(result, index);
  // When the plans asked about are not indexed, or nothing relevant was found, no model can do better.
  if (!llmConfigured(config) || !extractive.found) return extractive;
  return llmAnswer(result, extractive, config);
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
