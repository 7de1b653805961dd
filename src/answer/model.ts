// The Answer: independent of where it is shown (terminal now, Slack blocks later).
import { z } from 'zod';

export const citationSchema = z.object({
  n: z.number().int().positive(),
  doc: z.string(),
  title: z.string(),
  place: z.string(),
  year: z.union([z.number(), z.literal('unknown')]),
  section: z.string(),
  ordinal: z.number().int(),
  /** Verbatim from the cleaned source text: text.slice(start, end) of the document. */
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** The whole cited paragraph. */
  text: z.string(),
});

export const answerSchema = z.object({
  question: z.string(),
  /** Answer text with numbered citation markers [1], [2] … */
  answer: z.string(),
  found: z.boolean(),
  mode: z.enum(['extractive', 'llm']),
  confidence: z.number(),
  citations: z.array(citationSchema),
  /** When not found: the documents closest to the question. */
  closest: z.array(
    z.object({
      doc: z.string(),
      title: z.string(),
      place: z.string(),
      year: z.union([z.number(), z.literal('unknown')]),
    }),
  ),
  note: z.string().optional(),
  /**
   * What the answer rests on: passages that answer the question (direct), passages that are only
   * related, shown as such (related), nothing (none), or the line was not a question about the
   * plans (off-topic: greetings, nonsense, other subjects).
   */
  evidence: z.enum(['direct', 'related', 'none', 'off-topic']).optional(),
  /** A comparison's columns (same [n] markers as `answer`), for surfaces that can show them side by side. */
  sides: z.array(z.object({ heading: z.string(), text: z.string() })).optional(),
});

export type Citation = z.infer<typeof citationSchema>;
export type Answer = z.infer<typeof answerSchema>;

/** The `--json` shape: {"question","answer","found","mode","confidence","citations":[{"n","doc","title","place","year","section","quote","text"}],"evidence"}. */
export function answerJson(answer: Answer, id?: string) {
  return {
    ...(id !== undefined ? { id } : {}),
    question: answer.question,
    answer: answer.answer,
    found: answer.found,
    mode: answer.mode,
    confidence: answer.confidence,
    citations: answer.citations.map(({ n, doc, title, place, year, section, quote, text }) => ({
      n,
      doc,
      title,
      place,
      year,
      section,
      quote,
      text,
    })),
    ...(answer.evidence ? { evidence: answer.evidence } : {}),
    ...(answer.found ? {} : { closest: answer.closest }),
    ...(answer.note ? { note: answer.note } : {}),
  };
}
