// Slack's AI app surface, through Bolt's Assistant: a new thread gets a greeting and prompts made
// from the indexed plans; each message gets a status while the plans are searched, the thread a
// title from the first question, and the cited answer streamed in. Follow-ups in the thread are read
// against its earlier questions. A file an admin drops in the thread adds a plan.
import { Assistant, type App, type AssistantConfig } from '@slack/bolt';
import { ask } from '../ask.js';
import { clip } from '../blocks/kit.js';
import type { BotContext } from '../context.js';
import { slackText } from '../escape.js';
import { stripMentions, threadHistory } from '../history.js';
import { strings } from '../i18n.js';
import { suggestedPrompts } from '../prompts.js';
import { assistantSurface } from '../surfaces/assistant.js';
import { receiveFiles } from '../uploads.js';

/**
 * Thread context (the channel the user is looking at) per thread, in memory. Bolt's default store
 * keeps one context for the whole app, so one user's panel would overwrite another's.
 */
type ContextStore = NonNullable<AssistantConfig['threadContextStore']>;
type ThreadContext = Awaited<ReturnType<ContextStore['get']>>;

function threadContexts(): ContextStore {
  const contexts = new Map<string, ThreadContext>();
  const key = (payload: Record<string, any>) => {
    const thread = payload.assistant_thread ?? payload;
    return `${thread.channel_id ?? thread.channel}:${thread.thread_ts}`;
  };
  return {
    get: async ({ payload }) => contexts.get(key(payload as Record<string, any>)) ?? {},
    save: async ({ payload }) => {
      const p = payload as Record<string, any>;
      if (p.assistant_thread?.context) contexts.set(key(p), p.assistant_thread.context);
      if (contexts.size > 10_000) contexts.delete(contexts.keys().next().value!);
    },
  };
}

type ThreadMessage = {
  channel: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  files?: Array<{ id: string }>;
};

export function register(app: App, ctx: BotContext): void {
  const assistant = new Assistant({
    threadContextStore: threadContexts(),
    threadStarted: async ({ event, say, setSuggestedPrompts, saveThreadContext }) => {
      const { channel_id, thread_ts } = event.assistant_thread;
      // The asker's language is not known yet: greet in both.
      await say(slackText(`${strings('zh-Hans').greeting}\n${strings('en').greeting}`, 'mrkdwn'));
      await saveThreadContext();
      const prompts = suggestedPrompts(ctx.index.documents, ctx.index.chunks);
      if (prompts.length) await setSuggestedPrompts({ title: strings('zh-Hans').promptsTitle, prompts });
      ctx.threads.mark(channel_id, thread_ts);
    },
    threadContextChanged: async ({ saveThreadContext }) => {
      await saveThreadContext();
    },
    userMessage: async ({ message, client, context, say, setStatus, setTitle, sayStream }) => {
      const m = message as ThreadMessage;
      if (m.bot_id || !m.user || m.user === context.botUserId || !m.thread_ts) return;
      if (m.files?.length)
        return receiveFiles(ctx, client, {
          user: m.user,
          channel: m.channel,
          threadTs: m.thread_ts,
          files: m.files,
          text: m.text ?? '',
        });
      const text = stripMentions(m.text ?? '');
      if (!text) return;
      const conversationId = `${m.channel}:${m.thread_ts}`;
      if (!ctx.conversations.turns(conversationId).length) await setTitle(slackText(clip(text, 80), 'mrkdwn'));
      await ask(
        ctx,
        {
          user: m.user,
          text,
          conversationId,
          // Known threads need no history; after a restart the thread's earlier questions are read.
          history: ctx.threads.answered(m.channel, m.thread_ts)
            ? undefined
            : threadHistory(client, m.channel, m.thread_ts, m.ts),
          where: 'assistant',
        },
        assistantSurface({ say, setStatus, sayStream }, () => ctx.threads.mark(m.channel, m.thread_ts!)),
      );
    },
  });
  app.assistant(assistant);
}
