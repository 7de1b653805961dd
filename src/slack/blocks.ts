// Block Kit rendering: pure functions from an Answer (and documents) to blocks and views, kept
// within Slack's limits by splitting or truncating with a visible marker.
import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
type View = types.View;
import type { Answer, Citation } from '../answer/model.js';
import type { PlanDocument } from '../ingest/documents.js';
import { SLACK_LIMITS } from './limits.js';

export const ACTIONS = {
  showParagraph: 'show_paragraph',
  share: 'share_answer',
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
} as const;

/** Slack mrkdwn needs only these three escaped. */
export const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const TRUNCATED = '…(truncated)';
export function clip(text: string, max: number, marker = '…'): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - [...marker].length).join('') + marker;
}

/** Splits long text into pieces of at most `max` characters, at line ends where possible. */
export function splitText(text: string, max: number = SLACK_LIMITS.sectionText - 100): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if ([...candidate].length <= max) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    let rest = line;
    while ([...rest].length > max) {
      pieces.push([...rest].slice(0, max).join(''));
      rest = [...rest].slice(max).join('');
    }
    current = rest;
  }
  if (current) pieces.push(current);
  return pieces.length ? pieces : [''];
}

const section = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText, TRUNCATED) },
});
const context = (texts: string[]): KnownBlock => ({
  type: 'context',
  elements: texts
    .slice(0, SLACK_LIMITS.contextElements)
    .map((t) => ({ type: 'mrkdwn', text: clip(t, SLACK_LIMITS.sectionText) })),
});
const button = (text: string, action_id: string, value: string, style?: 'primary' | 'danger') => ({
  type: 'button' as const,
  text: { type: 'plain_text' as const, text: clip(text, SLACK_LIMITS.buttonText), emoji: true },
  action_id,
  value: value.slice(0, SLACK_LIMITS.buttonValue),
  ...(style ? { style } : {}),
});

export function sourceLine(c: Citation): string {
  return `*[${c.n}]* ${escapeMrkdwn(c.title)} · ${escapeMrkdwn(c.place)} · ${c.year} · ${escapeMrkdwn(c.section || '—')}`;
}

/** The value a "Show paragraph" button carries: enough to find the paragraph without server state. */
export const paragraphRef = (c: Citation) =>
  JSON.stringify({ doc: c.doc, ordinal: c.ordinal, start: c.start, end: c.end });

export type AnswerBlockOptions = { restate?: string; answerId?: string; shareable?: boolean; sharedBy?: string };

export function answerBlocks(answer: Answer, options: AnswerBlockOptions = {}): KnownBlock[] {
  const head: KnownBlock[] = [];
  if (options.restate) head.push(context([`*${escapeMrkdwn(clip(options.restate, 300))}*`]));
  const columns = sideBySide(answer);
  // A user id becomes a mention; anything else is not trusted into mrkdwn.
  if (options.sharedBy && /^[UW][A-Z0-9]+$/.test(options.sharedBy))
    head.push(context([`Shared by <@${options.sharedBy}>`]));
  if (columns) head.push(columns);
  else for (const piece of splitText(escapeMrkdwn(answer.answer))) head.push(section(piece));
  if (answer.note) head.push(context([`_${escapeMrkdwn(answer.note)}_`]));

  const sources: KnownBlock[] = [];
  if (answer.citations.length) {
    sources.push({ type: 'divider' });
    for (let i = 0; i < answer.citations.length; i += SLACK_LIMITS.contextElements)
      sources.push(context(answer.citations.slice(i, i + SLACK_LIMITS.contextElements).map(sourceLine)));
    for (let i = 0; i < answer.citations.length; i += 5)
      sources.push({
        type: 'actions',
        elements: answer.citations
          .slice(i, i + 5)
          .map((c) => button(`Show paragraph [${c.n}]`, `${ACTIONS.showParagraph}_${c.n}`, paragraphRef(c))),
      });
  } else if (!answer.found && answer.closest.length) {
    sources.push(
      context([
        `Closest documents: ${answer.closest.map((d) => `${escapeMrkdwn(d.title)} (${escapeMrkdwn(d.place)}, ${d.year})`).join('; ')}`,
      ]),
    );
  }

  const tail: KnownBlock[] = [];
  if (options.answerId) {
    const elements = [
      button('👍 Helpful', ACTIONS.feedbackUp, options.answerId),
      button('👎 Not helpful', ACTIONS.feedbackDown, options.answerId),
    ];
    if (options.shareable) elements.unshift(button('Share in channel', ACTIONS.share, options.answerId, 'primary'));
    tail.push({ type: 'actions', elements });
  }
  return fitBlocks(head, sources, tail, SLACK_LIMITS.messageBlocks);
}

/** A comparison as two columns (a section's fields), when each side fits a field. */
function sideBySide(answer: Answer): KnownBlock | undefined {
  const sides = answer.sides;
  if (!sides || sides.length < 2 || sides.length > SLACK_LIMITS.sectionFields) return undefined;
  const fields = sides.map((s) => `*${escapeMrkdwn(s.heading)}*\n${escapeMrkdwn(s.text)}`);
  if (fields.some((f) => [...f].length > SLACK_LIMITS.fieldText)) return undefined;
  return { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn' as const, text })) };
}

/** Keeps head and tail whole; trims the middle, saying how much was left out. */
function fitBlocks(head: KnownBlock[], middle: KnownBlock[], tail: KnownBlock[], max: number): KnownBlock[] {
  if (head.length + middle.length + tail.length <= max) return [...head, ...middle, ...tail];
  const marker = context([
    '…more than fits in one Slack message was left out; use `/plans search` or the CLI for the rest.',
  ]);
  const headRoom = Math.max(1, max - tail.length - 1 - Math.min(middle.length, 10));
  const keptHead = head.slice(0, headRoom);
  const keptMiddle = middle.slice(0, Math.max(0, max - tail.length - 1 - keptHead.length));
  return [...keptHead, ...keptMiddle, marker, ...tail];
}

export function answerText(answer: Answer): string {
  return clip(answer.answer, 300);
}

/** The modal for a "Show paragraph" click: the whole paragraph, the quote in bold, and where it sits. */
export function paragraphModal(
  doc: PlanDocument,
  paragraph: { text: string; sectionPath: string[]; ordinal: number; start: number },
  quote?: { start: number; end: number },
): View {
  let body = escapeMrkdwn(paragraph.text);
  if (quote && quote.start >= paragraph.start && quote.end <= paragraph.start + paragraph.text.length) {
    const s = quote.start - paragraph.start;
    const e = quote.end - paragraph.start;
    body = `${escapeMrkdwn(paragraph.text.slice(0, s))}*${escapeMrkdwn(paragraph.text.slice(s, e))}*${escapeMrkdwn(paragraph.text.slice(e))}`;
  }
  const blocks: KnownBlock[] = [
    section(`*${escapeMrkdwn(doc.title)}*`),
    context([
      `${escapeMrkdwn(doc.place)} · ${doc.year} · ${doc.type}${doc.issuer !== 'unknown' ? ` · ${escapeMrkdwn(doc.issuer)}` : ''}${doc.sourceUrl !== 'unknown' ? ` · <${doc.sourceUrl}|source>` : ''}`,
    ]),
    context([`Section: ${escapeMrkdwn(paragraph.sectionPath.join(' > ') || '—')} · paragraph ${paragraph.ordinal}`]),
    ...splitText(body).map(section),
  ];
  return {
    type: 'modal',
    title: { type: 'plain_text', text: clip('Paragraph', SLACK_LIMITS.viewTitle) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: blocks.slice(0, SLACK_LIMITS.modalBlocks),
  };
}

export function homeView(documents: PlanDocument[]): View {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'plans-bot: education plans, with sources' } },
    section(
      'Ask about the indexed plans in simplified or traditional Chinese or in English. Every answer quotes, word for word, the paragraphs it rests on.',
    ),
    section(
      '*How to ask*\n• Mention me in a channel: `@plans-bot 青岛2020年普惠性幼儿园覆盖率要达到多少?` — I answer in the thread, and follow-ups in the thread remember the question.\n• Send me a direct message.\n• `/plans ask …`, `/plans summary 青岛 2020`, `/plans search 集团化办学`, `/plans compare 青岛 湘西 智慧教育`, `/plans docs`, `/plans help`',
    ),
    { type: 'divider' },
    section(`*Indexed plans (${documents.length})*`),
  ];
  const lines = documents.map((d) => `• ${escapeMrkdwn(d.place)} · ${d.year} · ${d.type} — ${escapeMrkdwn(d.title)}`);
  for (const piece of splitText(lines.join('\n'))) blocks.push(section(piece));
  const kept = blocks.slice(0, SLACK_LIMITS.homeBlocks - 1);
  if (blocks.length > kept.length)
    kept.push(context(['…more plans are indexed than fit here; `/plans docs` lists them all.']));
  return { type: 'home', blocks: kept };
}

export function textBlocks(text: string, restate?: string): KnownBlock[] {
  return [
    ...(restate ? [context([`*${escapeMrkdwn(restate)}*`])] : []),
    ...splitText(escapeMrkdwn(text)).map(section),
  ].slice(0, SLACK_LIMITS.messageBlocks);
}
