// The command language shared by Slack's /plans and the local console:
//   ask <question> (the default) · summary <place> [year] [type] · search <keywords>
//   compare <placeA> <placeB> [year] [topic] · docs · help
import type { Config } from '../config.js';
import type { PlanIndex } from '../index/store.js';
import { searchPlans } from '../retrieval/search.js';
import { detectScript } from '../text/script.js';
import { answerQuestion } from './answer.js';
import { citationFor } from './cite.js';
import { comparePlaces } from './compare.js';
import { resolveFollowUp, understoodAs, type ConversationStore } from './conversation.js';
import type { Answer, Citation } from './model.js';
import { describeDoc, parseType } from './plans.js';
import { say } from './say.js';
import { summarisePlan } from './summary.js';

export type CommandResult = { kind: 'answer'; answer: Answer; resolved?: string } | { kind: 'text'; text: string };

export const HELP = [
  '*/plans* — questions about the indexed education plans, answered with verbatim, cited sources.',
  '• `/plans <question>` or `/plans ask <question>` — e.g. `/plans 青岛2020年普惠性幼儿园覆盖率要达到多少?`',
  '• `/plans summary <place> [year] [type]` — the plan’s priorities, section by section',
  '• `/plans search <keywords>` — the matching paragraphs, cited',
  '• `/plans compare <placeA> <placeB> [year] [topic]` — side by side',
  '• `/plans docs` — the indexed plans · `/plans help` — this help',
].join('\n');

export function splitPlanArgs(words: string[]): { year?: number; type?: ReturnType<typeof parseType>; rest: string[] } {
  let year: number | undefined;
  let type: ReturnType<typeof parseType>;
  const rest: string[] = [];
  for (const w of words) {
    if (/^(19|20)\d{2}年?$/.test(w)) year = Number(w.slice(0, 4));
    else if (!type && parseType(w)) type = parseType(w);
    else rest.push(w);
  }
  return { year, type, rest };
}

export async function runCommand(
  index: PlanIndex,
  config: Config,
  text: string,
  conversation?: { store: ConversationStore; id: string },
): Promise<CommandResult> {
  const trimmed = text.trim();
  const [verb, ...words] = trimmed.split(/\s+/);
  switch ((verb ?? '').toLowerCase()) {
    case '':
    case 'help':
      return { kind: 'text', text: HELP };
    case 'docs':
      return { kind: 'text', text: index.documents.map((d) => `• ${describeDoc(d)}`).join('\n') };
    case 'summary': {
      const { year, type, rest } = splitPlanArgs(words);
      if (!rest.length) return { kind: 'text', text: 'Which place? For example `/plans summary 青岛 2020`.' };
      return {
        kind: 'answer',
        answer: await summarisePlan(index, { place: rest[0], year, type, script: detectScript(rest[0]) }, config),
      };
    }
    case 'compare': {
      const { year, rest } = splitPlanArgs(words);
      if (rest.length < 2)
        return {
          kind: 'text',
          text: 'Compare which two places? For example `/plans compare 青岛 湘西 2020 智慧教育`.',
        };
      return {
        kind: 'answer',
        answer: await comparePlaces(
          index,
          { places: rest.slice(0, 2), year, topic: rest.slice(2).join(' ') || undefined },
          config,
        ),
      };
    }
    case 'search': {
      if (!words.length) return { kind: 'text', text: 'Search for what? For example `/plans search 集团化办学`.' };
      return { kind: 'answer', answer: await lookup(index, words.join(' ')) };
    }
    case 'ask':
      return ask(index, config, words.join(' '), conversation);
    default:
      return ask(index, config, trimmed, conversation);
  }
}

async function ask(
  index: PlanIndex,
  config: Config,
  question: string,
  conversation?: { store: ConversationStore; id: string },
): Promise<CommandResult> {
  if (!question.trim()) return { kind: 'text', text: HELP };
  const resolved = conversation ? resolveFollowUp(index, conversation.store.last(conversation.id), question) : question;
  conversation?.store.add(conversation.id, { question, resolved, at: Date.now() });
  const answer = await answerQuestion(index, resolved, config, { script: detectScript(question) });
  return {
    kind: 'answer',
    answer:
      resolved === question
        ? answer
        : { ...answer, question, note: [understoodAs(question, resolved), answer.note].filter(Boolean).join(' · ') },
    resolved,
  };
}

/** The lookup: the best matching paragraphs, each cited whole. */
export async function lookup(index: PlanIndex, keywords: string, k = 5): Promise<Answer> {
  const result = await searchPlans(index, keywords, { k });
  const citations: Citation[] = result.hits.map((h, i) => citationFor(h.doc, h.chunk, i + 1));
  return {
    question: keywords,
    answer: citations.length
      ? citations
          .map((c) => `[${c.n}] ${[...c.text].slice(0, 140).join('')}${[...c.text].length > 140 ? '…' : ''}`)
          .join('\n')
      : say(result.query.script, '没有匹配的段落。', 'No matching paragraphs.'),
    found: citations.length > 0,
    mode: 'extractive',
    confidence: result.confidence,
    citations,
    closest: [],
    note: result.missingScope
      ? say(
          result.query.script,
          `没有${result.missingScope}的计划文件；以下是最接近的段落。`,
          `No indexed plan for ${result.missingScope}; closest paragraphs shown.`,
        )
      : undefined,
  };
}
