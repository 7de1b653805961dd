// A reply in a conversation (a channel thread or a DM): a short note at once — working on it, or
// in line behind others — replaced by the answer when it is ready.
import type { App } from '@slack/bolt';
import type { Surface } from '../ask.js';
import { fallbackText } from '../blocks/text.js';
import { strings } from '../i18n.js';

export function threadSurface(
  client: App['client'],
  where: { channel: string; threadTs?: string },
  onAnswered?: () => void,
): Surface {
  const { channel, threadTs } = where;
  let placeholder: string | undefined;
  const show = async (message: { text: string; blocks?: unknown[] }) => {
    if (placeholder) await client.chat.update({ channel, ts: placeholder, ...message } as never);
    else await client.chat.postMessage({ channel, thread_ts: threadTs, ...message } as never);
  };
  return {
    async progress(ahead, lang) {
      const t = strings(lang);
      const posted = await client.chat.postMessage({
        channel,
        thread_ts: threadTs,
        text: fallbackText(ahead ? t.inLine(ahead) : t.lookingUp),
      });
      placeholder = posted.ts;
    },
    async answer(outcome) {
      await show(outcome.message);
      onAnswered?.();
    },
    note: (message) => show(message),
  };
}
