// The short answer to a how-much question: the clause of the cited sentence (between commas and
// semicolons) that gives the figure in the unit asked for and speaks most of the question — and,
// when the question names a year, the clause said of that year rather than of another year or of a
// period (“十三五”期间, 2016—2020年).
import { coverage, type WeighedTerm } from './evidence.js';
import { hasFigure, type UnitClass } from './question-form.js';

const CLAUSE = /[，,；;：:]/;

export function figureClause(
  sentence: string,
  terms: WeighedTerm[],
  unit?: UnitClass,
  years: number[] = [],
): string | undefined {
  let best: { clause: string; score: number; fit: number } | undefined;
  const fits = clauseYearFits(sentence, years);
  sentence.split(CLAUSE).forEach((raw, i) => {
    const clause = raw.replace(/[。！？!?]+$/, '').trim();
    if (clause.length < 4 || clause.length >= sentence.length - 1 || !hasFigure(clause, unit)) return;
    const score = coverage(terms, clause);
    if (!best || fits[i] > best.fit || (fits[i] === best.fit && score > best.score))
      best = { clause, score, fit: fits[i] };
  });
  return best && best.score > 0 ? best.clause : undefined;
}

/** How well the best figure of a sentence, in the unit asked, fits the years asked (see clauseYearFits). */
export function figureYearFit(sentence: string, unit: UnitClass | undefined, years: number[]): number {
  const fits = clauseYearFits(sentence, years);
  return Math.max(0, ...sentence.split(CLAUSE).map((c, i) => (hasFigure(c, unit) ? fits[i] : 0)));
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?:\s*[—\-–~～至到]\s*((?:19|20)\d{2}))?\s*(?:年|学年)/g;
/** A five-year period named by its ordinal (十三五, “十四五”期间): a span, never one year. */
const PERIOD = /十[一二三四五]五/;

/**
 * For each clause of a sentence, what the time it is said of has to do with the years a question
 * names: 2 — a year asked (in the clause, or in an earlier clause of the sentence: "到2025年，…，
 * 毛入园率达到95%"); 0 — another year, or a period (十三五, 2016—2020年) other than the year alone;
 * 1 — no time said, or no year asked.
 */
export function clauseYearFits(sentence: string, years: number[]): number[] {
  let fit = 1;
  return sentence.split(CLAUSE).map((clause) => {
    if (!years.length) return 1;
    const marks: number[] = [];
    for (const m of clause.matchAll(YEAR)) marks.push(!m[2] && years.includes(Number(m[1])) ? 2 : 0);
    if (PERIOD.test(clause)) marks.push(0);
    if (marks.length) fit = Math.max(...marks);
    return fit;
  });
}
