// Answers shared in a channel outlive the process: their buttons (Show paragraph, 👍 / 👎) must keep
// working for everyone who sees them. Kept in one JSON file, written whole to a temp file and
// renamed, so a crash never leaves half a file; the newest `max` are kept.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Answer } from '../answer/model.js';
import { logger } from '../log.js';
import type { Lang } from './i18n.js';

export type ShownAnswer = { answer: Answer; restate?: string; lang: Lang };
type SharedRecord = ShownAnswer & { id: string; sharedBy: string; at: string };

export function sharedAnswers(file: string, max = 500) {
  let records: SharedRecord[] = [];
  if (existsSync(file)) {
    try {
      records = JSON.parse(readFileSync(file, 'utf8')) as SharedRecord[];
    } catch (err) {
      logger.warn({ err: (err as Error).message, file }, 'shared answers file unreadable; starting empty');
    }
  }
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    get: (id: string): ShownAnswer | undefined => byId.get(id),
    add(id: string, shown: ShownAnswer, sharedBy: string): void {
      byId.delete(id);
      byId.set(id, { ...shown, id, sharedBy, at: new Date().toISOString() });
      while (byId.size > max) byId.delete(byId.keys().next().value!);
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(tmp, JSON.stringify([...byId.values()]));
      renameSync(tmp, file);
    },
  };
}
export type SharedAnswers = ReturnType<typeof sharedAnswers>;
