// What every listener needs: the index, the settings, conversations, the rate limiter, and the
// answers recently shown (for the Share / feedback buttons).
import { randomBytes } from 'node:crypto';
import type { Answer } from '../answer/model.js';
import { conversationStore, type ConversationStore } from '../answer/conversation.js';
import type { Config } from '../config.js';
import type { PlanIndex } from '../index/store.js';
import { rateLimiter, type RateLimiter } from './guardrails.js';

export type ShownAnswer = { answer: Answer; restate?: string };

export type BotContext = {
  index: PlanIndex;
  config: Config;
  conversations: ConversationStore;
  limiter: RateLimiter;
  remember(shown: ShownAnswer): string;
  recall(id: string): ShownAnswer | undefined;
};

export function botContext(index: PlanIndex, config: Config, now: () => number = Date.now): BotContext {
  const shown = new Map<string, ShownAnswer>();
  return {
    index,
    config,
    conversations: conversationStore(config.CONVERSATION_TURNS),
    limiter: rateLimiter(config.RATE_LIMIT_PER_MINUTE, now),
    remember(answer) {
      const id = randomBytes(6).toString('hex');
      shown.set(id, answer);
      // Bounded: the oldest answers are forgotten first.
      if (shown.size > 1000) shown.delete(shown.keys().next().value!);
      return id;
    },
    recall: (id) => shown.get(id),
  };
}
