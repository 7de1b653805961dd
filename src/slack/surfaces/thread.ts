// A reply in a conversation (a channel thread or a DM). Most answers are ready in well under a
// second, so the answer is simply posted; only a question still waiting after PLACEHOLDER_MS gets
// a note (working on it, or in line behind others), which the answer then replaces. In a burst
// this keeps the main thread's Web API calls to one per question, leaving it free to acknowledge.
import type { App } from '@slack/bolt';
import type { Surface } from '../ask.js';
import { fallbackText } from '../blocks/text.js';
import { strings } from '../i18n.js';

export const PLACEHOLDER_MS = 1000;

export function threadSurface(
  client: App['client'],
  where: { channel: string; threadTs?: string },
  onAnswered?: () => void,
): Surface {
  const { channel, threadTs } = where;
  let timer: NodeJS.Timeout | undefined;
  let placeholder: Promise<string | undefined> | undefined;
  const show = async (message: { text: string; blocks?: unknown[] }) => {
    clearTimeout(timer);
    const ts = await placeholder;
    if (ts) await client.chat.update({ channel, ts, ...message } as never);
    else await client.chat.postMessage({ channel, thread_ts: threadTs, ...message } as never);
  };
  return {
    async progress(ahead, lang) {
      const t = strings(lang);
      timer = setTimeout(() => {
        placeholder = client.chat
          .postMessage({ channel, thread_ts: threadTs, text: fallbackText(ahead ? t.inLine(ahead) : t.lookingUp) })
          .then((posted) => posted.ts)
          .catch(() => undefined);
      }, PLACEHOLDER_MS);
    },
    async answer(outcome) {
      await show(outcome.message);
      onAnswered?.();
    },
    note: (message) => show(message),
  };
}
