// Comparisons: two places side by side, on a topic or (without one) by their plans' priorities,
// each side cited from its own plan.
import type { Config } from '../config.js';
import type { PlanIndex } from '../index/store.js';
import { detectScript, inScript } from '../text/script.js';
import { answerQuestion } from './answer.js';
import { mergeParts, partOf } from './compose.js';
import type { Answer } from './model.js';
import { findPlans } from './plans.js';
import { summarisePlan } from './summary.js';

export type CompareRequest = { places: string[]; topic?: string; year?: number };

export async function comparePlaces(index: PlanIndex, request: CompareRequest, config: Config): Promise<Answer> {
  const script = detectScript(request.topic ?? request.places.join(''));
  const question = `compare ${request.places.join(' ')}${request.year ? ` ${request.year}` : ''}${request.topic ? ` ${request.topic}` : ''}`;
  const sides: Answer[] = [];
  for (const place of request.places) {
    if (request.topic) {
      const side = await answerQuestion(index, `${place}${request.year ?? ''}${request.topic}`, config);
      // The side heading already says whose plan it is; drop the answer's own lead line.
      sides.push({
        ...side,
        answer: side.found
          ? side.answer.replace(/^(根据计划文件：|根據計劃文件：|According to the plans:)\n/, '')
          : side.answer,
      });
    } else {
      const { matches } = findPlans(index, place, request.year);
      // Without a topic, each side is its plan's top-level priorities (the first plan when a place has several).
      const year = request.year ?? (matches.length > 1 ? (matches[matches.length - 1].year as number) : undefined);
      sides.push(await summarisePlan(index, { place, year, script, detail: 'headings' }, config));
    }
  }
  const merged = mergeParts(
    sides.map((side, i) => partOf(side, `【${request.places[i]}${request.year ? ` ${request.year}` : ''}】`)),
  );
  const found = sides.some((s) => s.found);
  return {
    question,
    answer: found ? merged.text : inScript(`已索引的计划中没有可比较的内容。\n${merged.text}`, script),
    found,
    mode: sides.some((s) => s.mode === 'llm') ? 'llm' : 'extractive',
    confidence: Math.min(...sides.map((s) => s.confidence)),
    citations: merged.citations,
    closest: sides.flatMap((s) => s.closest).slice(0, 6),
    note:
      sides
        .map((s) => s.note)
        .filter(Boolean)
        .join(' ') || undefined,
    sides: merged.renumbered.map((p) => ({ heading: p.heading ?? '', text: p.text })),
  };
}
