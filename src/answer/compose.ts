// Composing several answers into one (a summary's sections, a comparison's sides): citations are
// renumbered in order and the [n] markers in each part's text follow them.
import type { Answer, Citation } from './model.js';

export type AnswerPart = { heading?: string; text: string; citations: Citation[] };

export function mergeParts(parts: AnswerPart[]): { text: string; citations: Citation[]; renumbered: AnswerPart[] } {
  const citations: Citation[] = [];
  const renumbered: AnswerPart[] = [];
  for (const part of parts) {
    const offset = citations.length;
    const shifted = part.citations.map((c) => ({ ...c, n: c.n + offset }));
    citations.push(...shifted);
    renumbered.push({
      heading: part.heading,
      text: part.text.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + offset}]`),
      citations: shifted,
    });
  }
  const text = renumbered.map((p) => (p.heading ? `${p.heading}\n${p.text}` : p.text)).join('\n');
  return { text, citations, renumbered };
}

export function partOf(answer: Answer, heading?: string): AnswerPart {
  return { heading, text: answer.answer, citations: answer.citations };
}
