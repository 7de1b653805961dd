// A thread's earlier questions, read from Slack when the bot no longer remembers the conversation
// (after a restart), so that a follow-up there is still read against what was asked before.
import type { App } from '@slack/bolt';
import { logger } from '../log.js';

/** The bot's own tag (and any other <@U…>) removed from a message's text. */
export const stripMentions = (text: string) => text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, '').trim();

export function threadHistory(client: App['client'], channel: string, threadTs: string, beforeTs: string) {
  return async (): Promise<string[]> => {
    try {
      const replies = await client.conversations.replies({ channel, ts: threadTs, limit: 50 });
      return (replies.messages ?? [])
        .filter(
          (m) => !m.bot_id && !(m as { subtype?: string }).subtype && m.user && m.text && (!m.ts || m.ts < beforeTs),
        )
        .map((m) => stripMentions(m.text!))
        .filter(Boolean)
        .slice(-10);
    } catch (err) {
      // Without the history the question is still answered, just on its own.
      logger.warn({ err: (err as Error).message }, 'could not read the thread history');
      return [];
    }
  };
}
