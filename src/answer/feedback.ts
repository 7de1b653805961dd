// 👍 / 👎 on answers (given in Slack), stored locally as JSON lines with the question, answer and sources.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Answer } from '../answer/model.js';

export type FeedbackRecord = {
  at: string;
  user: string;
  rating: 'up' | 'down';
  question: string;
  answer: string;
  sources: Array<{ n: number; doc: string; title: string; section: string; quote: string }>;
};

export function recordFeedback(
  file: string,
  user: string,
  rating: 'up' | 'down',
  answer: Answer | undefined,
): FeedbackRecord {
  const record: FeedbackRecord = {
    at: new Date().toISOString(),
    user,
    rating,
    question: answer?.question ?? '(answer no longer in memory)',
    answer: answer?.answer ?? '',
    sources: (answer?.citations ?? []).map(({ n, doc, title, section, quote }) => ({ n, doc, title, section, quote })),
  };
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(record)}\n`);
  return record;
}

export function readFeedback(file: string): FeedbackRecord[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FeedbackRecord);
}
