// Guardrails for the Slack surfaces: channel allowlist, a per-user rate limit on questions, a cap on
// question length, and failures shown as a friendly message with a reference id (details only in
// the log, never tokens).
import type { Config } from '../config.js';
import { logFailure } from '../failures.js';
import { strings, type Lang } from './i18n.js';

export function channelAllowed(config: Config, channel: string | undefined): boolean {
  if (!config.SLACK_ALLOWED_CHANNELS.length || !channel) return true;
  // Direct messages are always allowed; the allowlist is about shared channels.
  return channel.startsWith('D') || config.SLACK_ALLOWED_CHANNELS.includes(channel);
}

/** A sliding one-minute window per user; `now` is injectable for tests. */
export function rateLimiter(perMinute: number, now: () => number = Date.now) {
  const seen = new Map<string, number[]>();
  return {
    /** Seconds to wait, or 0 when the user may ask now (and the ask is counted). */
    take(user: string): number {
      const t = now();
      const recent = (seen.get(user) ?? []).filter((at) => t - at < 60_000);
      if (recent.length >= perMinute) {
        seen.set(user, recent);
        return Math.ceil((60_000 - (t - recent[0])) / 1000);
      }
      recent.push(t);
      seen.set(user, recent);
      return 0;
    },
  };
}
export type RateLimiter = ReturnType<typeof rateLimiter>;

export type Refusal = { refused: true; message: string } | { refused: false };

export function checkQuestion(
  config: Config,
  limiter: RateLimiter,
  user: string,
  question: string,
  lang: Lang = 'en',
): Refusal {
  const t = strings(lang);
  const length = [...question].length;
  if (length > config.MAX_QUESTION_CHARS)
    return { refused: true, message: t.tooLong(length, config.MAX_QUESTION_CHARS) };
  const wait = limiter.take(user);
  if (wait) return { refused: true, message: t.rateLimited(config.RATE_LIMIT_PER_MINUTE, wait) };
  return { refused: false };
}

/** Logs the failure under a short reference and returns what the user sees. */
export function friendlyFailure(err: unknown, where: string, lang: Lang = 'en'): string {
  return strings(lang).failure(logFailure(err, `slack ${where}`));
}
