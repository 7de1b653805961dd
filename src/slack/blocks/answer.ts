// An Answer as a Slack message: the answer as rich text, then its numbered sources with a
// "Show paragraph" button each, then Share (private answers) and native 👍 / 👎 feedback buttons.
// Pure: the same Answer and options always give the same blocks, within Slack's limits.
import type { Answer, Citation } from '../../answer/model.js';
import { isUserId, slackText } from '../escape.js';
import { strings, type Lang } from '../i18n.js';
import { SLACK_LIMITS } from '../limits.js';
import {
  ACTIONS,
  button,
  clip,
  escapedWithin,
  fitBlocks,
  mrkdwnContext,
  plainContext,
  richTextBlocks,
  type KnownBlock,
} from './kit.js';
import { answerParts } from './rich-text.js';

export type AnswerBlockOptions = {
  lang: Lang;
  /** The command as typed, shown above a private answer. */
  restate?: string;
  /** Id under which the answer is remembered; without it there are no Share or feedback buttons. */
  answerId?: string;
  shareable?: boolean;
  /** Set when the answer is posted for everyone: who shared it (a Slack user id). */
  sharedBy?: string;
  /** Set on the private copy once shared: the Share button gives way to a note. */
  shared?: boolean;
};

export function sourceLine(c: Citation): string {
  return `[${c.n}] ${c.title} · ${c.place} · ${c.year} · ${c.section || '—'}`;
}

/** The value a "Show paragraph" button carries: enough to find the paragraph without server state. */
export const paragraphRef = (c: Citation, lang: Lang) =>
  JSON.stringify({ doc: c.doc, ordinal: c.ordinal, start: c.start, end: c.end, lang });

/** The answer itself: a comparison side by side when it fits, else rich text. */
export function answerBodyBlocks(answer: Answer): KnownBlock[] {
  return [sideBySide(answer) ?? richTextBlocks(answerParts(answer.answer))].flat();
}

/** Numbered sources, their "Show paragraph" buttons, or the closest documents when nothing was found. */
export function sourceBlocks(answer: Answer, lang: Lang): KnownBlock[] {
  const t = strings(lang);
  const blocks: KnownBlock[] = [];
  if (answer.citations.length) {
    blocks.push({ type: 'divider' }, mrkdwnContext(`*${slackText(t.sources, 'mrkdwn')}*`));
    for (let i = 0; i < answer.citations.length; i += SLACK_LIMITS.contextElements)
      blocks.push(plainContext(answer.citations.slice(i, i + SLACK_LIMITS.contextElements).map(sourceLine)));
    for (let i = 0; i < answer.citations.length; i += 5)
      blocks.push({
        type: 'actions',
        elements: answer.citations
          .slice(i, i + 5)
          .map((c) => button(t.showParagraph(c.n), `${ACTIONS.showParagraph}_${c.n}`, paragraphRef(c, lang))),
      });
  } else if (!answer.found && answer.closest.length && !answer.closest.every((d) => answer.answer.includes(d.title))) {
    // Listed once: the project's own not-found text already names them.
    blocks.push(
      plainContext([`${t.closest}: ${answer.closest.map((d) => `${d.title} (${d.place}, ${d.year})`).join('; ')}`]),
    );
  }
  return blocks;
}

/** Native feedback buttons (one vote per person per answer is kept; see feedback.ts). */
export function feedbackBlock(answerId: string): KnownBlock {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTIONS.feedback,
        positive_button: { text: { type: 'plain_text', text: '👍' }, value: `up:${answerId}` },
        negative_button: { text: { type: 'plain_text', text: '👎' }, value: `down:${answerId}` },
      },
    ],
  } as KnownBlock;
}

export function answerBlocks(answer: Answer, options: AnswerBlockOptions): KnownBlock[] {
  const t = strings(options.lang);
  const head: KnownBlock[] = [];
  if (options.restate) head.push(plainContext([clip(options.restate, 300)]));
  // Only a user id Slack itself sent becomes a mention; nothing else is trusted into mrkdwn.
  if (isUserId(options.sharedBy)) head.push(mrkdwnContext(`${slackText(t.sharedBy, 'mrkdwn')} <@${options.sharedBy}>`));
  head.push(...answerBodyBlocks(answer));
  if (answer.note) head.push(plainContext([answer.note]));

  const tail: KnownBlock[] = [];
  if (options.answerId) {
    if (options.shareable && !options.shared)
      tail.push({ type: 'actions', elements: [button(t.share, ACTIONS.share, options.answerId, 'primary')] });
    if (options.shared) tail.push(plainContext([t.sharedNote]));
    tail.push(feedbackBlock(options.answerId));
  }
  return fitBlocks(head, sourceBlocks(answer, options.lang), tail, SLACK_LIMITS.messageBlocks, leftOut(options.lang));
}

export const leftOut = (lang: Lang) => plainContext([strings(lang).leftOut]);

/** A comparison as columns (a section's plain-text fields), when each side fits a field. */
function sideBySide(answer: Answer): KnownBlock | undefined {
  const sides = answer.sides;
  if (!sides || sides.length < 2 || sides.length > SLACK_LIMITS.sectionFields) return undefined;
  const fields = sides.map((s) => slackText(`${s.heading}\n${s.text}`, 'literal'));
  if (fields.some((f) => [...f].length > SLACK_LIMITS.fieldText)) return undefined;
  return { type: 'section', fields: fields.map((text) => ({ type: 'plain_text' as const, text, emoji: false })) };
}

/** The message's `text`: the notification and screen-reader fallback, escaped like any mrkdwn. */
export function answerText(answer: Answer): string {
  return escapedWithin(answer.answer, 300, 'mrkdwn');
}
