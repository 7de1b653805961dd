// 👍 / 👎 on answers (given in Slack), stored locally as JSON lines with the question, answer and sources. A person
// may change their mind: every vote is appended, and reading keeps one per person per answer — the last.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Answer } from './model.js';

export type FeedbackRecord = {
  at: string;
  user: string;
  rating: 'up' | 'down';
  /** The answer voted on; records written before it was kept have none. */
  answerId?: string;
  question: string;
  answer: string;
  sources: Array<{ n: number; doc: string; title: string; section: string; quote: string }>;
};

export function recordFeedback(
  file: string,
  user: string,
  rating: 'up' | 'down',
  answer: Answer | undefined,
  answerId?: string,
): FeedbackRecord {
  const record: FeedbackRecord = {
    at: new Date().toISOString(),
    user,
    rating,
    ...(answerId ? { answerId } : {}),
    question: answer?.question ?? '(answer no longer in memory)',
    answer: answer?.answer ?? '',
    sources: (answer?.citations ?? []).map(({ n, doc, title, section, quote }) => ({ n, doc, title, section, quote })),
  };
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(record)}\n`);
  return record;
}

/** The votes that count: one per person per answer, the last one given. */
export function readFeedback(file: string): FeedbackRecord[] {
  if (!existsSync(file)) return [];
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FeedbackRecord);
  const last = new Map<string, FeedbackRecord>();
  records.forEach((r, i) => {
    const key = r.answerId ? `${r.answerId}\0${r.user}` : `#${i}`;
    last.delete(key);
    last.set(key, r);
  });
  return [...last.values()];
}
