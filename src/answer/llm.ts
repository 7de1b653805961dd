// The LLM answerer (when OPENAI_API_KEY or OPENAI_BASE_URL is set): a chat completion constrained by
// a JSON schema from zod, over numbered, fenced sources. Every quote is then verified against the
// source it cites; bad citations are dropped, and an answer left without one falls back to the
// extractive answer. Failures (timeout, errors after retries) also fall back, with a visible note.
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type { Config } from '../config.js';
import { logger } from '../log.js';
import type { SearchHit } from '../retrieval/search.js';
import { citationFor } from './cite.js';
import type { Citation } from './model.js';
import { fenceSources, prompt } from './prompts.js';
import { locateQuote } from './verify.js';

export const llmReplySchema = z.object({
  answer: z.string(),
  found: z.boolean(),
  citations: z.array(z.object({ source: z.number().int(), quote: z.string() })),
});
export type LlmReply = z.infer<typeof llmReplySchema>;

export type VerifiedReply = { answer: string; found: boolean; citations: Citation[]; dropped: number };

let client: { key: string; client: OpenAI } | undefined;
export function openaiClient(config: Config): OpenAI {
  const key = `${config.OPENAI_BASE_URL}|${config.LLM_TIMEOUT_MS}|${config.LLM_MAX_RETRIES}`;
  if (client?.key !== key) {
    client = {
      key,
      client: new OpenAI({
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
  const request = (response_format: OpenAI.ChatCompletionCreateParams['response_format']) =>
    openaiClient(config).chat.completions.create({
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

/** Keeps only citations whose quote is in the source they name; renumbers the answer's markers. */
export function verifyReply(reply: LlmReply, hits: SearchHit[]): VerifiedReply {
  const citations: Citation[] = [];
  const bySource = new Map<number, number>();
  let dropped = 0;
  for (const c of reply.citations) {
    const hit = hits[c.source - 1];
    const span = hit ? locateQuote(hit.chunk.text, c.quote) : undefined;
    if (!hit || !span || span.end - span.start < 4) {
      dropped++;
      continue;
    }
    const n = citations.length + 1;
    if (!bySource.has(c.source)) bySource.set(c.source, n);
    citations.push(citationFor(hit.doc, hit.chunk, n, span));
  }
  // Markers point at source numbers; keep those that now have a verified citation, drop the rest.
  const answer = reply.answer
    .replace(/\[(\d+)\]/g, (_, s: string) => (bySource.has(Number(s)) ? `[${bySource.get(Number(s))}]` : ''))
    .trim();
  if (dropped) logger.warn({ dropped }, 'dropped citations that were not verbatim in their sources');
  return { answer, found: reply.found, citations, dropped };
}

export function llmAnswerPrompts(question: string, hits: SearchHit[]) {
  return {
    system: prompt('answer-system', {}),
    user: prompt('answer-user', { question, sources: fenceSources(sourcesFor(hits)) }),
  };
}
