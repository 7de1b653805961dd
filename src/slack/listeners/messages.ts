// Messages: a direct message is a question (or a follow-up, or a file an admin shares to add a
// plan); in a channel, a reply in a thread the bot has answered is a follow-up without a new
// @mention. Ignored: the bot's own and other bots' messages, edits and other subtypes, and
// messages that mention the bot (app_mention handles those). Threads in the app's DM belong to the
// Assistant (assistant.ts), which sees them first.
import type { App } from '@slack/bolt';
import { ask } from '../ask.js';
import type { BotContext } from '../context.js';
import { channelAllowed } from '../guardrails.js';
import { stripMentions, threadHistory } from '../history.js';
import { threadSurface } from '../surfaces/thread.js';
import { receiveFiles } from '../uploads.js';

type Incoming = {
  channel: string;
  channel_type?: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  files?: Array<{ id: string }>;
};

export function register(app: App, ctx: BotContext): void {
  app.message(async ({ message, client, context }) => {
    const m = message as Incoming;
    if (m.bot_id || !m.user || m.user === context.botUserId) return;
    if (m.subtype !== undefined && m.subtype !== 'file_share') return;
    const text = m.text ?? '';
    if (m.channel_type === 'im') {
      if (m.files?.length)
        return receiveFiles(ctx, client, {
          user: m.user,
          channel: m.channel,
          threadTs: m.thread_ts,
          files: m.files,
          text,
        });
      if (!text.trim()) return;
      return ask(
        ctx,
        { user: m.user, text: stripMentions(text), conversationId: m.channel, where: 'dm' },
        threadSurface(client, { channel: m.channel, threadTs: m.thread_ts }),
      );
    }
    // A channel: only replies in threads the bot answered, without a mention of the bot.
    if (!m.thread_ts || m.thread_ts === m.ts || !ctx.threads.answered(m.channel, m.thread_ts)) return;
    if (context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    if (!channelAllowed(ctx.config, m.channel) || !stripMentions(text)) return;
    await ask(
      ctx,
      {
        user: m.user,
        text: stripMentions(text),
        conversationId: `${m.channel}:${m.thread_ts}`,
        history: threadHistory(client, m.channel, m.thread_ts, m.ts),
        where: 'thread',
      },
      threadSurface(client, { channel: m.channel, threadTs: m.thread_ts }),
    );
  });
}
