// Composing several answers into one (a summary's sections, a comparison's sides): citations are
// renumbered in order and the [n] markers in each part's text follow them.
import type { Answer, Citation } from './model.js';

export type AnswerPart = { heading?: string; text: string; citations: Citation[] };

export function mergeParts(parts: AnswerPart[]): { text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const blocks: string[] = [];
  for (const part of parts) {
    const offset = citations.length;
    citations.push(...part.citations.map((c) => ({ ...c, n: c.n + offset })));
    const text = part.text.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + offset}]`);
    blocks.push(part.heading ? `${part.heading}\n${text}` : text);
  }
  return { text: blocks.join('\n'), citations };
}

export function partOf(answer: Answer, heading?: string): AnswerPart {
  return { heading, text: answer.answer, citations: answer.citations };
}
