// Answering a question: search, then compose. Offline this is the extractive answerer; the LLM
// answerer (issue 4) will plug in here and fall back to the extractive answer.
import type { Config } from '../config.js';
import type { PlanIndex } from '../retrieval/index-store.js';
import { searchPlans } from '../retrieval/search.js';
import { extractiveAnswer } from './extractive.js';
import type { Answer } from './model.js';

export async function answerQuestion(index: PlanIndex, question: string, _config: Config): Promise<Answer> {
  return extractiveAnswer(await searchPlans(index, question, { k: 8 }));
}
