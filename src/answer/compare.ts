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
      // English words need spaces around the place ("Qingdao group schooling", not "Qingdaogroup schooling").
      const gap = script === 'en' ? ' ' : '';
      const side = await answerQuestion(index, [place, request.year ?? '', request.topic].join(gap), config);
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
  const labels = sideLabels(index, sides, script);
  const merged = mergeParts(
    sides.map((side, i) =>
      partOf(side, `【${request.places[i]}${request.year ? ` ${request.year}` : ''}${labels[i]}】`),
    ),
  );
  const found = sides.some((s) => s.found);
  return {
    question,
    answer: found
      ? merged.text
      : script === 'en'
        ? `The indexed plans have nothing to compare.\n${merged.text}`
        : inScript(`已索引的计划中没有可比较的内容。\n${merged.text}`, script),
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

const TYPE_EN: Record<string, string> = {
  工作要点: 'work priorities',
  工作总结: 'work summary',
  会议报道: 'meeting report',
  规划: 'development plan',
  解读: 'interpretation',
  报告: 'report',
  other: 'document',
};

/**
 * When the two sides rest on documents of different types or years (one place's 工作要点 beside the
 * other's 工作总结), each side's heading says its document's year and type; otherwise nothing is added.
 */
function sideLabels(index: PlanIndex, sides: Answer[], script: ReturnType<typeof detectScript>): string[] {
  const docs = sides.map((side) => {
    const ids = [...new Set(side.citations.map((c) => c.doc))];
    return ids.length === 1 ? index.docById.get(ids[0]) : undefined;
  });
  const kinds = new Set(docs.filter(Boolean).map((d) => `${d!.type}|${d!.year}`));
  if (kinds.size < 2) return sides.map(() => '');
  return docs.map((d) => {
    if (!d) return '';
    if (script === 'en') return ` · ${d.year} ${TYPE_EN[d.type] ?? d.type}`;
    return inScript(` · ${d.year}年${d.type === 'other' ? '文件' : d.type}`, script);
  });
}
