// Answering a question: small talk aside, search, then compose. Offline: the extractive answerer.
// With an LLM configured: the model's answer, each claim held to a verified quote, falling back to
// the extractive answer (with a note) when the model fails or nothing it says is supported.
import { llmConfigured, type Config } from '../config.js';
import { serviceFailure } from '../errors.js';
import { logger } from '../log.js';
import type { PlanIndex } from '../index/store.js';
import { withGlossary } from '../index/lexicon.js';
import { searchPlans, type SearchResult } from '../retrieval/search.js';
import { capabilityAnswer, isOffTopic, isSmallTalk } from './chat.js';
import { weighTerms } from './evidence.js';
import { extractiveAnswer } from './extractive.js';
import { groundReply } from './grounding.js';
import { askModel, llmAnswerPrompts } from './llm.js';
import type { Answer } from './model.js';
import { notFoundAnswer } from './not-found.js';
import { summarisePlan } from './summary.js';
import { coversYear } from '../ingest/metadata.js';
import { toTraditional, type Script } from '../text/script.js';
import { say } from './say.js';

const LLM_SOURCES = 6;

/**
 * `script`: the language and script to answer in, when it is not the question's own — a follow-up
 * asked in English of a Chinese question ("What about Gansu?") is read as the Chinese question about
 * 甘肃 but answered in English.
 */
export async function answerQuestion(
  index: PlanIndex,
  question: string,
  config: Config,
  options: { script?: Script } = {},
): Promise<Answer> {
  if (isSmallTalk(question)) return capabilityAnswer(index, question);
  const found = await placeFromText(index, await searchPlans(index, question, { k: SEARCH_K }));
  const result = options.script ? { ...found, query: { ...found.query, script: options.script } } : found;
  const extractive = extractiveAnswer(result, index);
  if (!extractive.found && !weighTerms(result).length) {
    // Nothing asked beyond a place, year or type ("青岛", "Qingdao", "湘西州2020年"): that plan's
    // priorities, or the place's plans to choose from. Nothing asked at all ("的", "[1]"): what the bot does.
    const { query } = result;
    const place = query.places.length === 1 ? query.places[0] : query.anonymised && !query.places.length ? 'XX市' : '';
    if (place && !query.unknownPlaces.length) {
      const request = { place, year: query.years[0], type: query.types[0], script: query.script };
      const plan = await summarisePlan(index, { ...request, detail: 'headings' }, config);
      return { ...plan, question, evidence: plan.found ? 'direct' : 'none' };
    }
    if (!query.places.length && !query.unknownPlaces.length && !query.years.length && !query.anonymised)
      return capabilityAnswer(index, question);
  }
  if (isOffTopic(result.query, extractive.evidence === 'direct')) return capabilityAnswer(index, question);
  // When the plans asked about are not indexed, or nothing relevant was found, no model can do better.
  if (!llmConfigured(config) || extractive.evidence === 'none') return extractive;
  return llmAnswer(index, result, extractive, config);
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
          query.unknownPlaces.some((p) => d.text.includes(p) || d.text.includes(toTraditional(p))) &&
          (!query.years.length || d.year === 'unknown' || query.years.some((y) => coversYear(d, y))),
      )
      .map((d) => d.id),
  );
  if (!docs.size) return result;
  const wide = await searchPlans(index, query.question, { k: WIDE_K });
  const hits = wide.hits.filter((h) => docs.has(h.doc.id)).slice(0, SEARCH_K);
  return hits.length ? { ...wide, hits, scopeDocs: [...docs], missingScope: undefined } : result;
}

async function llmAnswer(index: PlanIndex, result: SearchResult, extractive: Answer, config: Config): Promise<Answer> {
  const hits = result.hits.slice(0, LLM_SOURCES);
  const { script } = result.query;
  const { system, user } = llmAnswerPrompts(result.query.question, hits, script);
  try {
    const reply = await askModel(config, system, user);
    if (!reply.found) {
      // The model's words are never shown for "not found": the project's own answer is, with the
      // closest documents (or, when the passages are only related, the related quotes).
      const own = extractive.evidence === 'related' ? extractive : notFoundAnswer(result);
      const note = say(script, '语言模型在引文中没有找到答案。', 'The language model found no answer in the passages.');
      return { ...own, mode: 'llm', note };
    }
    const grounded = groundReply(reply, hits, withGlossary(index.lexicon));
    if (grounded.droppedQuotes || grounded.droppedClaims)
      logger.warn(
        { droppedQuotes: grounded.droppedQuotes, droppedClaims: grounded.droppedClaims },
        'dropped what the model said that its quotes do not support',
      );
    if (!grounded.citations.length || !grounded.answer) {
      return {
        ...extractive,
        note: say(
          script,
          '语言模型的回答没有一句能由核实过的引文支持；以下是摘录的回答。',
          'No sentence of the model’s answer was supported by a verified quote; showing the extractive answer.',
        ),
      };
    }
    const dropped = grounded.droppedClaims + grounded.droppedQuotes;
    return {
      ...extractive,
      answer: grounded.answer,
      found: true,
      mode: 'llm',
      evidence: 'direct',
      citations: grounded.citations,
      note: dropped
        ? say(
            script,
            `已删去语言模型的${dropped}处无法在所引段落中核实的表述或引文。`,
            `${dropped} unsupported statement(s) or quote(s) of the model dropped: not verifiable in the cited paragraphs.`,
          )
        : undefined,
    };
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'LLM answer failed; using the extractive answer');
    return {
      ...extractive,
      note: say(
        script,
        `语言模型没有回答（${serviceFailure(err)}）；以下是摘录的回答。`,
        `The language model did not answer (${serviceFailure(err)}); showing the extractive answer.`,
      ),
    };
  }
}
