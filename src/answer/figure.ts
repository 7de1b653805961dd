// The short answer to a how-much question: the clause of the cited sentence (between commas and
// semicolons) that gives the figure in the unit asked for and speaks most of the question.
import { coverage, type WeighedTerm } from './evidence.js';
import { hasFigure, type UnitClass } from './question-form.js';

export function figureClause(sentence: string, terms: WeighedTerm[], unit?: UnitClass): string | undefined {
  let best: { clause: string; score: number } | undefined;
  for (const raw of sentence.split(/[，,；;：:]/)) {
    const clause = raw.replace(/[。！？!?]+$/, '').trim();
    if (clause.length < 4 || clause.length >= sentence.length - 1 || !hasFigure(clause, unit)) continue;
    const score = coverage(terms, clause);
    if (!best || score > best.score) best = { clause, score };
  }
  return best && best.score > 0 ? best.clause : undefined;
}
