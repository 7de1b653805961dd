// What every listener needs: the index (swapped when a plan is added), the settings, conversations,
// the rate limiter, the answering threads, and the answers shown (for their buttons).
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { conversationStore, type ConversationStore } from '../answer/conversation.js';
import type { Config } from '../config.js';
import { inProcessAnswerer, workerAnswerer, type Answerer } from './answering/pool.js';
import { deliveryLog, type DeliveryLog } from './deliveries.js';
import { rateLimiter, type RateLimiter } from './guardrails.js';
import type { PlanIndex } from './index-access.js';
import { sharedAnswers, type SharedAnswers, type ShownAnswer } from './shared-answers.js';

export type { ShownAnswer } from './shared-answers.js';

export type BotContext = {
  index: PlanIndex;
  /** The index's directory on disk, which answering threads load from. */
  indexDir: string;
  config: Config;
  conversations: ConversationStore;
  limiter: RateLimiter;
  answerer: Answerer;
  deliveries: DeliveryLog;
  shared: SharedAnswers;
  remember(shown: ShownAnswer, id?: string): string;
  recall(id: string): ShownAnswer | undefined;
  newAnswerId(): string;
  /** Threads the bot has answered in: a reply there is a follow-up without a new mention. */
  threads: { mark(channel: string, ts: string): void; answered(channel: string, ts: string): boolean };
  /** Waits until every request received has been acknowledged: answers go out after acknowledgements. */
  acknowledgementsFirst(): Promise<void>;
  /** Serialises index updates (uploads and removals). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export const defaultWorkers = () => Math.max(1, Math.min(4, availableParallelism() - 1));

export function botContext(
  index: PlanIndex,
  config: Config,
  options: { indexDir?: string; now?: () => number } = {},
): BotContext {
  const now = options.now ?? Date.now;
  const shown = new Map<string, ShownAnswer>();
  const answered = new Map<string, true>();
  let updating: Promise<unknown> = Promise.resolve();
  const indexDir = options.indexDir ?? config.INDEX_DIR;
  const workers = config.SLACK_WORKERS ?? defaultWorkers();
  const ctx: BotContext = {
    index,
    indexDir,
    config,
    conversations: conversationStore(config.CONVERSATION_TURNS),
    limiter: rateLimiter(config.RATE_LIMIT_PER_MINUTE, now),
    answerer:
      workers === 0
        ? inProcessAnswerer(() => ctx.index, config, config.SLACK_QUEUE_LIMIT)
        : workerAnswerer({ size: workers, indexDir, config, queueLimit: config.SLACK_QUEUE_LIMIT }),
    deliveries: deliveryLog(undefined, now),
    shared: sharedAnswers(config.SHARED_ANSWERS_FILE),
    newAnswerId: () => randomBytes(6).toString('hex'),
    remember(answer, id = ctx.newAnswerId()) {
      shown.set(id, answer);
      // Bounded: the oldest answers are forgotten first (shared ones stay in the shared file).
      if (shown.size > 1000) shown.delete(shown.keys().next().value!);
      return id;
    },
    recall: (id) => shown.get(id) ?? ctx.shared.get(id),
    threads: {
      mark(channel, ts) {
        answered.set(`${channel}:${ts}`, true);
        if (answered.size > 10_000) answered.delete(answered.keys().next().value!);
      },
      answered: (channel, ts) => answered.has(`${channel}:${ts}`),
    },
    acknowledgementsFirst: () => Promise.resolve(),
    exclusive<T>(work: () => Promise<T>): Promise<T> {
      const run = updating.then(work, work);
      updating = run.catch(() => {});
      return run;
    },
    close: () => ctx.answerer.close(),
  };
  return ctx;
}
