// @mentions in channels: answered in the thread (later messages in that thread are follow-ups, see
// messages.ts); a mention with a file from an admin adds a plan (uploads.ts).
import type { App } from '@slack/bolt';
import { ask } from '../ask.js';
import type { BotContext } from '../context.js';
import { channelAllowed } from '../guardrails.js';
import { stripMentions, threadHistory } from '../history.js';
import { langOf, strings } from '../i18n.js';
import { threadSurface } from '../surfaces/thread.js';
import { receiveFiles } from '../uploads.js';

export function register(app: App, ctx: BotContext): void {
  app.event('app_mention', async ({ event, client }) => {
    const question = stripMentions(event.text);
    if (!channelAllowed(ctx.config, event.channel)) {
      // Only the asker sees why there is no answer here.
      if (event.user)
        await client.chat.postEphemeral({
          channel: event.channel,
          user: event.user,
          text: strings(langOf(question)).notEnabled,
        });
      return;
    }
    const threadTs = event.thread_ts ?? event.ts;
    const files = (event as { files?: Array<{ id: string }> }).files;
    if (files?.length)
      return receiveFiles(ctx, client, { user: event.user, channel: event.channel, threadTs, files, text: question });
    await ask(
      ctx,
      {
        user: event.user ?? 'unknown',
        text: question,
        conversationId: `${event.channel}:${threadTs}`,
        history: event.thread_ts ? threadHistory(client, event.channel, threadTs, event.ts) : undefined,
        where: 'mention',
      },
      threadSurface(client, { channel: event.channel, threadTs }, () => ctx.threads.mark(event.channel, threadTs)),
    );
  });
}
