// The LLM call (when OPENAI_API_KEY or OPENAI_BASE_URL is set): a chat completion constrained by a
// JSON schema from zod, over numbered, fenced sources. What the model says is then held to its quotes
// claim by claim (grounding.ts) before anything is shown.
// The OpenAI SDK is imported when a model is first asked: offline, answering never loads it (it
// costs a tenth of a second at every start).
import type OpenAI from 'openai';
import { z } from 'zod';
import type { Config } from '../config.js';
import { logger } from '../log.js';
import type { SearchHit } from '../retrieval/search.js';
import { fenceSources, prompt } from './prompts.js';
import { languageName } from './say.js';
import type { Script } from '../text/script.js';

export const llmReplySchema = z.object({
  answer: z.string(),
  found: z.boolean(),
  citations: z.array(z.object({ source: z.number().int(), quote: z.string() })),
});
export type LlmReply = z.infer<typeof llmReplySchema>;

let client: { key: string; client: OpenAI } | undefined;
export async function openaiClient(config: Config): Promise<OpenAI> {
  const key = `${config.OPENAI_BASE_URL}|${config.LLM_TIMEOUT_MS}|${config.LLM_MAX_RETRIES}`;
  if (client?.key !== key) {
    const { default: OpenAIClient } = await import('openai');
    client = {
      key,
      client: new OpenAIClient({
        apiKey: config.OPENAI_API_KEY ?? 'not-needed',
        baseURL: config.OPENAI_BASE_URL,
        timeout: config.LLM_TIMEOUT_MS,
        maxRetries: config.LLM_MAX_RETRIES,
      }),
    };
  }
  return client.client;
}

/**
 * Asks the model for a cited reply. Structured output (a JSON schema) first; a server that rejects
 * json_schema (some Ollama / vLLM versions answer 400) is asked once more for plain JSON mode, the
 * schema being spelled out in the prompt as well.
 */
export async function askModel(config: Config, system: string, user: string): Promise<LlmReply> {
  const [openai, { zodResponseFormat }] = await Promise.all([openaiClient(config), import('openai/helpers/zod')]);
  const request = (response_format: OpenAI.ChatCompletionCreateParams['response_format']) =>
    openai.chat.completions.create({
      model: config.OPENAI_CHAT_MODEL,
      temperature: 0,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: user },
      ],
      response_format,
    });
  let completion;
  try {
    completion = await request(zodResponseFormat(llmReplySchema, 'cited_answer'));
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status !== 400 && status !== 422) throw err;
    logger.info({ status }, 'the server refused a JSON schema; asking for JSON mode');
    completion = await request({ type: 'json_object' });
  }
  const content = completion.choices[0]?.message?.content ?? '';
  const parsed = llmReplySchema.safeParse(JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, '')));
  if (!parsed.success)
    throw new Error(`the model's reply did not match the schema: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export function sourcesFor(hits: SearchHit[]) {
  return hits.map((h, i) => ({
    n: i + 1,
    title: h.doc.title,
    place: h.doc.place,
    year: h.doc.year,
    section: h.chunk.sectionPath.join(' > '),
    text: h.chunk.text,
  }));
}

export function llmAnswerPrompts(question: string, hits: SearchHit[], script: Script) {
  return {
    system: prompt('answer-system', {}),
    user: prompt('answer-user', { question, language: languageName(script), sources: fenceSources(sourcesFor(hits)) }),
  };
}
