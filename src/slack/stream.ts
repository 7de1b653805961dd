// Streaming an answer into a thread (chat.startStream / appendStream / stopStream through Bolt's
// ChatStreamer): progress first, then only verified text, one sentence or bullet at a time, then
// the sources and feedback buttons. The text comes from an async iterable of verified lines: today
// the lines of an answer whose quotes runCommand has already checked; a model that streams tokens
// can plug in a source that yields each sentence once its quote is verified.
import type { ChatStreamer } from '@slack/web-api';
import type { KnownBlock } from './blocks/kit.js';
import { slackText } from './escape.js';
import { strings, type Lang } from './i18n.js';

export type VerifiedLines = AsyncIterable<string>;

export async function* verifiedLines(lines: string[]): VerifiedLines {
  for (const line of lines) yield line;
}

export async function streamAnswer(
  streamer: ChatStreamer,
  lines: VerifiedLines,
  closing: { blocks: KnownBlock[]; sources: number; lang: Lang },
): Promise<void> {
  const t = strings(closing.lang);
  const task = (status: 'in_progress' | 'complete', details?: string) => ({
    type: 'task_update' as const,
    id: 'search',
    title: slackText(t.taskSearch, 'markdown'),
    status,
    ...(details ? { details: slackText(details, 'markdown') } : {}),
  });
  await streamer.append({ chunks: [task('in_progress')] });
  await streamer.append({ chunks: [task('complete', t.taskFound(closing.sources))] });
  for await (const line of lines) await streamer.append({ markdown_text: line });
  await streamer.stop(closing.blocks.length ? { blocks: closing.blocks } : undefined);
}
