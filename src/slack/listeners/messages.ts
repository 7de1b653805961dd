// Direct messages: every message a person sends the bot is a question (or a follow-up).
import type { App } from '@slack/bolt';
import type { BotContext } from '../context.js';
import { stripMentions } from '../reply.js';
import { answerInConversation } from './conversation.js';

export function register(app: App, ctx: BotContext): void {
  app.message(async ({ message, client, context }) => {
    if (context.retryNum) return;
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('text' in message) || !message.text) return;
    if ('bot_id' in message && message.bot_id) return;
    await answerInConversation(ctx, client, {
      channel: message.channel,
      threadTs: 'thread_ts' in message ? message.thread_ts : undefined,
      user: 'user' in message && message.user ? message.user : 'unknown',
      question: stripMentions(message.text),
      conversationId: message.channel,
    });
  });
}
