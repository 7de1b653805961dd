// Turns a command result into a Slack message (text fallback + blocks), remembering the answer so
// that its buttons (Share, feedback) can find it again.
import type { CommandResult } from '../answer/dispatch.js';
import { answerBlocks, answerText, clip, textBlocks } from './blocks.js';
import type { BotContext } from './context.js';

export function messageFor(
  ctx: BotContext,
  result: CommandResult,
  options: { restate?: string; shareable?: boolean } = {},
) {
  if (result.kind === 'text')
    return { text: clip(result.text, 3000), blocks: textBlocks(result.text, options.restate) };
  const answerId = ctx.remember({ answer: result.answer, restate: options.restate });
  return { text: answerText(result.answer), blocks: answerBlocks(result.answer, { ...options, answerId }) };
}

/** The question in a mention, without the bot's own <@U…> tag. */
export const stripMentions = (text: string) => text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '').trim();
