// Block Kit primitives used by every builder: each one takes raw text and escapes it for the field
// it fills (see escape.ts), and clips it to that field's limit with a visible marker.
import type { types } from '@slack/bolt';
import { slackText } from '../escape.js';
import { SLACK_LIMITS } from '../limits.js';

export type KnownBlock = types.KnownBlock;
export type View = types.View;
type RichTextElement = types.RichTextElement;
type RichTextSection = types.RichTextSection;
export type RichTextPart = types.RichTextBlockElement;

export const ACTIONS = {
  showParagraph: 'show_paragraph',
  share: 'share_answer',
  feedback: 'answer_feedback',
  removeUpload: 'remove_upload',
} as const;

const chars = (text: string) => [...text];
export const length = (text: string) => chars(text).length;

export function clip(text: string, max: number, marker = '…'): string {
  const all = chars(text);
  return all.length <= max ? text : all.slice(0, max - length(marker)).join('') + marker;
}

/** Splits long text into pieces of at most `max` characters, at line ends where possible. */
export function splitText(text: string, max: number = SLACK_LIMITS.sectionText - 100): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (length(candidate) <= max) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    let rest = chars(line);
    while (rest.length > max) {
      pieces.push(rest.slice(0, max).join(''));
      rest = rest.slice(max);
    }
    current = rest.join('');
  }
  if (current) pieces.push(current);
  return pieces.length ? pieces : [''];
}

/** Escapes `text` for `target` and keeps the result within `max` characters (never cutting an entity). */
export function escapedWithin(text: string, max: number, target: 'mrkdwn' | 'markdown', marker = '…'): string {
  let raw = text;
  let escaped = slackText(raw, target);
  while (length(escaped) > max) {
    raw = clip(raw, Math.max(length(marker) + 1, length(raw) - (length(escaped) - max) - 1), marker);
    escaped = slackText(raw, target);
  }
  return escaped;
}

/** A section of the bot's own mrkdwn (help, labels): still escaped, so nothing forms a mention. */
export const mrkdwnSection = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: escapedWithin(text, SLACK_LIMITS.sectionText, 'mrkdwn') },
});

/** A section shown literally: document and user text, where `*` or `_` must not restyle anything. */
export const plainSection = (text: string): KnownBlock => ({
  type: 'section',
  text: { type: 'plain_text', text: clip(slackText(text, 'literal') || ' ', SLACK_LIMITS.sectionText), emoji: false },
});

/** A context line of literal texts (each element one piece of user or document text). */
export const plainContext = (texts: string[]): KnownBlock => ({
  type: 'context',
  elements: texts.slice(0, SLACK_LIMITS.contextElements).map((t) => ({
    type: 'plain_text' as const,
    text: clip(slackText(t, 'literal') || ' ', SLACK_LIMITS.sectionText),
    emoji: false,
  })),
});

/** A context line in mrkdwn, built only from the bot's own words and already-escaped parts. */
export const mrkdwnContext = (escapedMrkdwn: string): KnownBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(escapedMrkdwn, SLACK_LIMITS.sectionText) }],
});

export const button = (text: string, action_id: string, value: string, style?: 'primary' | 'danger') => ({
  type: 'button' as const,
  text: { type: 'plain_text' as const, text: clip(slackText(text, 'literal'), SLACK_LIMITS.buttonText), emoji: true },
  action_id,
  value: value.slice(0, SLACK_LIMITS.buttonValue),
  ...(style ? { style } : {}),
});

/** Rich-text pieces: `text` elements are literal in Slack, so a quote keeps every character. */
export const richText = (text: string, style?: { bold?: boolean; italic?: boolean }): RichTextElement => ({
  type: 'text',
  text: slackText(text, 'literal'),
  ...(style ? { style } : {}),
});
export const richSection = (elements: RichTextElement[]): RichTextSection => ({
  type: 'rich_text_section',
  elements,
});
export const richTextBlock = (elements: RichTextPart[]): KnownBlock => ({ type: 'rich_text', elements });

/** Characters of text a rich-text part holds. */
export function richLength(part: RichTextPart): number {
  const inner = 'elements' in part ? (part.elements as Array<RichTextElement | RichTextSection>) : [];
  return inner.reduce(
    (sum, e) =>
      sum +
      ('elements' in e
        ? richLength(e as RichTextPart)
        : 'text' in e && typeof e.text === 'string'
          ? length(e.text)
          : 0),
    0,
  );
}

/** Groups rich-text parts into as few rich_text blocks as fit the per-block text budget. */
export function richTextBlocks(parts: RichTextPart[], budget: number = SLACK_LIMITS.richText): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current: RichTextPart[] = [];
  let used = 0;
  for (const part of parts) {
    const size = richLength(part);
    if (current.length && used + size > budget) {
      blocks.push(richTextBlock(current));
      current = [];
      used = 0;
    }
    current.push(part);
    used += size;
  }
  if (current.length) blocks.push(richTextBlock(current));
  return blocks;
}

/** Keeps head and tail whole; trims the middle, saying (in `marker`) that something was left out. */
export function fitBlocks(
  head: KnownBlock[],
  middle: KnownBlock[],
  tail: KnownBlock[],
  max: number,
  marker: KnownBlock,
): KnownBlock[] {
  if (head.length + middle.length + tail.length <= max) return [...head, ...middle, ...tail];
  const headRoom = Math.max(1, max - tail.length - 1 - Math.min(middle.length, 10));
  const keptHead = head.slice(0, headRoom);
  const keptMiddle = middle.slice(0, Math.max(0, max - tail.length - 1 - keptHead.length));
  return [...keptHead, ...keptMiddle, marker, ...tail];
}
