// Small helpers shared by CLI commands: reading JSONL from stdin, printing tables, failing cleanly.
import { createInterface } from 'node:readline';
import { InputError } from '../errors.js';

export async function readJsonLines<T>(input: NodeJS.ReadableStream = process.stdin): Promise<T[]> {
  const out: T[] = [];
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    // A byte-order mark (files saved by Windows Notepad) is not part of the JSON.
    const text = n === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (!text.trim()) continue;
    try {
      out.push(JSON.parse(text) as T);
    } catch {
      throw new InputError(`stdin line ${n} is not JSON`);
    }
  }
  return out;
}

export function table(rows: Array<Record<string, string | number>>): string {
  if (!rows.length) return '';
  const keys = Object.keys(rows[0]);
  // East Asian wide characters take two columns of a terminal; dashes and quotes (—, “) take one.
  const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
  const width = (s: string) => [...s].reduce((w, ch) => w + (wide.test(ch) ? 2 : 1), 0);
  const widths = keys.map((k) => Math.max(width(k), ...rows.map((r) => width(String(r[k])))));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i])).join('  ');
  return [
    line(keys),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(keys.map((k) => String(r[k])))),
  ].join('\n');
}
