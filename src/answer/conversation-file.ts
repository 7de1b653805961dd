// Conversations for the CLI, which lives one command at a time: kept in a JSON file, written
// atomically (temp file, then rename).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Turn } from './conversation.js';

export function readTurns(file: string, id: string): Turn[] {
  if (!existsSync(file)) return [];
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Turn[]>)[id] ?? [];
  } catch {
    return [];
  }
}

export function appendTurn(file: string, id: string, turn: Turn, maxTurns: number): void {
  let all: Record<string, Turn[]> = {};
  try {
    if (existsSync(file)) all = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    all = {};
  }
  all[id] = [...(all[id] ?? []), turn].slice(-Math.max(1, maxTurns));
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(all));
  renameSync(tmp, file);
}
