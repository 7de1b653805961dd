// An AI-app thread (Slack's assistant side panel or the app's DM threads): the status line while
// the plans are searched (or the place in line), then the answer streamed into the thread.
import type { SayFn } from '@slack/bolt';
import type { ChatStreamer } from '@slack/web-api';
import type { Surface } from '../ask.js';
import { fallbackText } from '../blocks/text.js';
import { strings } from '../i18n.js';
import { streamAnswer, verifiedLines } from '../stream.js';

type Tools = {
  say: SayFn;
  setStatus: (status: { status: string; loading_messages?: string[] }) => Promise<unknown>;
  sayStream: (args?: { buffer_size?: number }) => ChatStreamer;
};

export function assistantSurface(tools: Tools, onAnswered?: () => void): Surface {
  return {
    async progress(ahead, lang) {
      const t = strings(lang);
      await tools.setStatus({
        status: fallbackText(ahead ? t.inLine(ahead) : t.searching),
        loading_messages: t.loading.map(fallbackText),
      });
    },
    async answer(outcome, lang) {
      if (outcome.result.kind === 'text') await tools.say(outcome.message);
      else
        // buffer_size 1: every verified line is sent as soon as it is ready.
        await streamAnswer(tools.sayStream({ buffer_size: 1 }), verifiedLines(outcome.stream.lines), {
          blocks: outcome.stream.blocks,
          sources: outcome.result.answer.citations.length,
          lang,
        });
      onAnswered?.();
    },
    async note(message) {
      await tools.say(message as never);
    },
  };
}
