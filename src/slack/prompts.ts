// Suggested prompts for a new assistant thread, made from what is indexed — a place's priorities,
// a comparison of two places, a figure from a plan — so they always have an answer, whatever the
// corpus holds. At most four (Slack's limit).
import type { PlanDocument } from '../ingest/documents.js';
import { toSimplified } from '../text/script.js';
import { slackText } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

export type Prompt = { title: string; message: string };

type Chunk = { docId: string; text: string };

const FIGURE = /([\p{Script=Han}]{4,16}?)(?:要|将|须|必须)?(?:达到|达|提高到|提升到|超过)\s*\d+(?:\.\d+)?%/u;
const LEADING_VERB = /^(力争|确保|全市|全省|全州|全县|全区|使|实现|推动|保持|进一步|持续|完成|目标任务)+/;

/** A question about a target figure in one of the document's paragraphs, if any has one. */
export function figureQuestion(doc: PlanDocument, chunks: Chunk[]): string | undefined {
  for (const chunk of chunks) {
    if (chunk.docId !== doc.id) continue;
    const match = FIGURE.exec(toSimplified(chunk.text));
    const topic = match?.[1]
      .split(/[,，;；、]/)
      .at(-1)
      ?.replace(LEADING_VERB, '');
    if (topic && topic.length >= 4) return `${doc.place}${doc.year}年${topic}要达到多少?`;
  }
  return undefined;
}

export function suggestedPrompts(documents: PlanDocument[], chunks: Chunk[]): Prompt[] {
  const known = documents.filter((d) => d.place !== 'unknown' && d.year !== 'unknown');
  const places = [...new Map(known.map((d) => [d.place, d])).values()];
  const prompts: Prompt[] = [];
  const [first, second] = places;
  if (first)
    prompts.push({ title: `${first.place}${first.year}年的工作重点`, message: `summary ${first.place} ${first.year}` });
  if (first && second) {
    const sameYear = places.find((d) => d !== first && d.year === first.year) ?? second;
    prompts.push({
      title: `比较${first.place}和${sameYear.place}`,
      message: `compare ${first.place} ${sameYear.place}${sameYear.year === first.year ? ` ${first.year}` : ''}`,
    });
  }
  for (const doc of known) {
    const question = figureQuestion(doc, chunks);
    if (question) {
      prompts.push({ title: question, message: question });
      break;
    }
  }
  if (second)
    prompts.push({
      title: `${second.place}${second.year}年的工作重点`,
      message: `summary ${second.place} ${second.year}`,
    });
  // Place names come from documents: escaped like any text Slack may parse.
  return prompts.slice(0, SLACK_LIMITS.suggestedPrompts).map((p) => ({
    title: slackText(p.title, 'mrkdwn'),
    message: slackText(p.message, 'mrkdwn'),
  }));
}
