// @mentions in channels: answered in the thread; later mentions in the thread are follow-ups.
import type { App } from '@slack/bolt';
import type { BotContext } from '../context.js';
import { channelAllowed } from '../guardrails.js';
import { stripMentions } from '../reply.js';
import { answerInConversation } from './conversation.js';

export function register(app: App, ctx: BotContext): void {
  app.event('app_mention', async ({ event, client, context }) => {
    // Slack re-sends an event it thinks was missed; the first delivery is already being answered.
    if (context.retryNum) return;
    if (!channelAllowed(ctx.config, event.channel)) {
      // Only the asker sees why there is no answer here.
      if (event.user)
        await client.chat.postEphemeral({
          channel: event.channel,
          user: event.user,
          text: 'plans-bot is not enabled in this channel. Ask me in a direct message instead.',
        });
      return;
    }
    const threadTs = event.thread_ts ?? event.ts;
    await answerInConversation(ctx, client, {
      channel: event.channel,
      threadTs,
      user: event.user ?? 'unknown',
      question: stripMentions(event.text),
      conversationId: `${event.channel}:${threadTs}`,
    });
  });
}
