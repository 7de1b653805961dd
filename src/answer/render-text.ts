// Terminal rendering of an Answer: the answer, then numbered sources with where they sit in the plan.
import { detectScript } from '../text/script.js';
import type { Answer } from './model.js';
import { say } from './say.js';

export function renderAnswerText(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.note) lines.push(`(${answer.note})`);
  if (answer.citations.length) {
    lines.push('', say(detectScript(answer.question), '来源：', 'Sources:'));
    for (const c of answer.citations)
      lines.push(`[${c.n}] ${c.title} · ${c.place} · ${c.year} · ${c.section || '—'} · ¶${c.ordinal}`);
  }
  return lines.join('\n');
}
