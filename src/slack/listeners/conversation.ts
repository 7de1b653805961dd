// Answers in a conversation (a channel thread or a DM): a placeholder at once, replaced by the answer.
import type { App } from '@slack/bolt';
import { runCommand } from '../../answer/dispatch.js';
import type { BotContext } from '../context.js';
import { checkQuestion, friendlyFailure } from '../guardrails.js';
import { messageFor } from '../reply.js';

export async function answerInConversation(
  ctx: BotContext,
  client: App['client'],
  args: { channel: string; threadTs?: string; user: string; question: string; conversationId: string },
) {
  const { channel, threadTs, user, question } = args;
  const check = checkQuestion(ctx.config, ctx.limiter, user, question);
  if (check.refused) {
    await client.chat.postMessage({ channel, thread_ts: threadTs, text: check.message });
    return;
  }
  const placeholder = await client.chat.postMessage({
    channel,
    thread_ts: threadTs,
    text: ':eyes: Looking through the plans…',
  });
  try {
    const result = await runCommand(ctx.index, ctx.config, question, {
      store: ctx.conversations,
      id: args.conversationId,
    });
    await client.chat.update({ channel, ts: placeholder.ts!, ...messageFor(ctx, result) });
  } catch (err) {
    await client.chat.update({ channel, ts: placeholder.ts!, text: friendlyFailure(err, 'conversation') });
  }
}
