// Terminal rendering of an Answer: the answer, then numbered sources with where they sit in the plan.
import type { Answer } from './model.js';

export function renderAnswerText(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.note) lines.push(`(${answer.note})`);
  if (answer.citations.length) {
    lines.push('', 'Sources:');
    for (const c of answer.citations)
      lines.push(`[${c.n}] ${c.title} · ${c.place} · ${c.year} · ${c.section || '—'} · ¶${c.ordinal}`);
  }
  return lines.join('\n');
}
