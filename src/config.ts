// Every setting in one zod schema, read once from the environment (and `.env` when present).
// `.env.example` documents each one with its default; keep the two in step.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from './errors.js';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));
const commaList = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

export const configSchema = z.object({
  CORPUS_DIR: z.string().default('corpus'),
  INDEX_DIR: z.string().default('embeddings'),
  /** auto: OpenAI embeddings when OpenAI is configured, else offline hashing. */
  EMBEDDER: z.enum(['auto', 'hashing', 'openai']).default('auto'),
  HASH_DIM: z.coerce.number().int().min(64).max(8192).default(1024),
  MAX_FILE_MB: z.coerce.number().positive().default(20),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  OPENAI_CHAT_MODEL: z.string().default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  EMBED_BATCH_SIZE: z.coerce.number().int().positive().default(96),
  EMBED_CONCURRENCY: z.coerce.number().int().positive().default(4),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: z.string().url().default('https://slack.com/api/'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_ALLOWED_CHANNELS: commaList,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  MAX_QUESTION_CHARS: z.coerce.number().int().positive().default(500),
  FEEDBACK_FILE: z.string().default('data/feedback.jsonl'),
  CONVERSATION_TURNS: z.coerce.number().int().min(0).default(6),
  /** Slack user ids who may add plans by sharing a file with the bot. */
  SLACK_ADMIN_USERS: commaList,
  /** Answering threads; unset: one per core beyond the first (at least 1, at most 4); 0: answer on the main thread. */
  SLACK_WORKERS: z.coerce.number().int().min(0).max(32).optional(),
  /** Questions that may wait for an answering thread; past this, askers are told to try again shortly. */
  SLACK_QUEUE_LIMIT: z.coerce.number().int().positive().default(500),
  SHARED_ANSWERS_FILE: z.string().default('data/shared-answers.json'),

  /** Unset: info for the Slack bot, warn for the console and the CLI (their output is for people). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Parses settings from an environment-like object; throws a readable error on bad values. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InputError(`Invalid settings: ${problems}`);
  }
  return parsed.data;
}

/** Slack settings enough to run the bot: a bot token, and an app token (Socket Mode) or a signing secret (HTTP). */
export const slackConfigured = (c: Config) =>
  Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET));
/** What is missing to run in Slack, said for a person ("SLACK_BOT_TOKEN is not set"). */
export function missingSlackSettings(c: Config): string {
  if (!c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) return 'no Slack settings found';
  const missing = [
    ...(c.SLACK_BOT_TOKEN ? [] : ['SLACK_BOT_TOKEN']),
    ...(c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET ? [] : ['SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)']),
  ];
  return `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`;
}
export const llmConfigured = (c: Config) => Boolean(c.OPENAI_API_KEY || c.OPENAI_BASE_URL);
export const embedderKind = (c: Config): 'hashing' | 'openai' =>
  c.EMBEDDER === 'auto' ? (llmConfigured(c) ? 'openai' : 'hashing') : c.EMBEDDER;

let cached: Config | undefined;
/** The process-wide settings: `.env` (if any) under the real environment, read once. */
export function config(): Config {
  if (!cached) {
    if (existsSync('.env')) process.loadEnvFile('.env');
    cached = parseConfig(process.env);
  }
  return cached;
}
