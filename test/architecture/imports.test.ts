// The stages import one way: ingest → index → retrieval → answer → slack | cli. Shared helpers
// (src/text, and the modules at src/'s top) import no stage. A stage that reached back into a
// later one would tie them together again (ingest and retrieval once imported each other).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ORDER = ['text', 'ingest', 'index', 'retrieval', 'answer', 'slack', 'cli'] as const;
/** Entry points may import anything. */
const ENTRY_POINTS = new Set(['main.ts']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The stage a file under src/ belongs to: its folder, or 'base' for the modules at the top. */
const stageOf = (file: string) => {
  const [first, ...rest] = relative('src', file).split('/');
  return rest.length ? first : 'base';
};

describe('imports between stages', () => {
  it('point one way: ingest → index → retrieval → answer → slack | cli', () => {
    const violations: string[] = [];
    for (const file of files('src')) {
      const from = stageOf(file);
      if (from === 'types' || ENTRY_POINTS.has(relative('src', file))) continue;
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
        const to = stageOf(join(file, '..', m[1]));
        if (to === from || to === 'types') continue;
        const allowed =
          to === 'base'
            ? true
            : from === 'base'
              ? to === 'text'
              : ORDER.indexOf(to as (typeof ORDER)[number]) < ORDER.indexOf(from as (typeof ORDER)[number]) &&
                !(from === 'cli' && to === 'slack');
        if (!allowed) violations.push(`${relative('src', file)} → ${m[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
