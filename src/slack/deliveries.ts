// Slack redelivers an event it thinks was missed (x-slack-retry-num: 1, 2, 3 — after about 0 s,
// 1 min and 5 min). Every event is answered once per event_id: the ids are kept for an hour, so a
// redelivery is acknowledged and skipped, while a retry whose original never arrived is answered.
import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';

export const RETRY_WINDOW_MS = 60 * 60 * 1000;

export function deliveryLog(windowMs = RETRY_WINDOW_MS, now: () => number = Date.now, maxIds = 100_000) {
  const seen = new Map<string, number>();
  return {
    /** True the first time an id is seen within the window; records it. */
    firstTime(id: string): boolean {
      const t = now();
      // Map keeps insertion order: expired ids are at the front.
      for (const [old, at] of seen) {
        if (t - at < windowMs && seen.size < maxIds) break;
        seen.delete(old);
      }
      if (seen.has(id)) return false;
      seen.set(id, t);
      return true;
    },
  };
}
export type DeliveryLog = ReturnType<typeof deliveryLog>;

/** Global middleware: events already handled are dropped (Bolt has acknowledged them by now). */
export function oncePerEvent(log: DeliveryLog): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string' && !log.firstTime(id)) return;
    await next();
  };
}
