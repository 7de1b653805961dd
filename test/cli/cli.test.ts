import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/corpus.js';
import { bundledIndex } from '../helpers/index.js';

const QA = 'eval/dev-qa.jsonl';

function plans(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync('node', ['--import', 'tsx', 'src/cli/bin.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the plans CLI, run as a process', () => {
  it('search --json reads JSONL questions on stdin and writes one result line each, in order', async () => {
    const { dir } = await bundledIndex();
    const input = readFileSync(QA, 'utf8');
    const r = plans(['search', '--json', '--k', '3', '--index', dir], input);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const ids = input
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(lines.map((l) => l.id)).toEqual(ids);
    expect(Object.keys(lines[0].results[0])).toEqual(
      expect.arrayContaining(['text', 'doc', 'title', 'region', 'year', 'section', 'score']),
    );
    expect(lines[0].results).toHaveLength(3);
  });

  it('ask --json carries each input id and prints the Answer shape', async () => {
    const { dir } = await bundledIndex();
    const r = plans(
      ['ask', '--json', '--index', dir],
      '{"id":"a1","question":"青岛2020年要建多少个学科教研基地?"}\n{"id":"a2","question":"深圳2021年教育工作要点?"}\n',
    );
    expect(r.code).toBe(0);
    const [a1, a2] = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(a1).toMatchObject({ id: 'a1', found: true, mode: 'extractive' });
    expect(Object.keys(a1.citations[0])).toEqual(['n', 'doc', 'title', 'place', 'year', 'section', 'quote', 'text']);
    expect(a2).toMatchObject({ id: 'a2', found: false });
  });

  it('eval exits non-zero below --min-recall, and docs --json lists documents', async () => {
    const { dir } = await bundledIndex();
    const ok = plans(['eval', '--qa', QA, '--json', '--min-recall', '0.9', '--index', dir]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)['recall@5']).toBeGreaterThanOrEqual(0.9);
    const strict = plans(['eval', '--qa', QA, '--k', '1', '--min-recall', '1', '--index', dir]);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/below --min-recall/);
    const docs = plans(['docs', '--json', '--index', dir])
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(Object.keys(docs[0])).toEqual(['id', 'title', 'place', 'year', 'period', 'type', 'file', 'paragraphs']);
    const [header, , ...rows] = plans(['docs', '--index', dir]).out.trim().split('\n');
    expect(header.split(/\s+/)).toEqual(['id', 'title', 'place', 'years', 'type', 'paragraphs']);
    expect(rows).toHaveLength(docs.length);
    // Columns line up in a terminal: every row's last column starts where the header's does.
    const at = (line: string) => [...line].reduce((w, ch) => w + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const column = at(header.slice(0, header.indexOf('paragraphs')));
    for (const row of rows) expect(at(row.replace(/\d+\s*$/, ''))).toBe(column);
  });

  it('feedback lists what was recorded in Slack', async () => {
    const { recordFeedback } = await import('../../src/answer/feedback.js');
    const { tempDir } = await import('../helpers/corpus.js');
    const file = `${tempDir()}/feedback.jsonl`;
    recordFeedback(file, 'U1', 'down', {
      question: '青岛2020年要建多少个学科教研基地?',
      answer: 'x',
      found: true,
      mode: 'extractive',
      confidence: 1,
      citations: [],
      closest: [],
    });
    const r = plans(['feedback', '--json'], undefined, { FEEDBACK_FILE: file });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.trim())).toMatchObject({
      user: 'U1',
      rating: 'down',
      question: '青岛2020年要建多少个学科教研基地?',
    });
    expect(plans(['feedback'], undefined, { FEEDBACK_FILE: `${file}.none` }).out).toMatch(/No feedback yet/);
  });

  it('gives a clear message, not a stack trace, for a bad argument', async () => {
    const { dir } = await bundledIndex();
    const noGold = join(tempDir(), 'no-gold.jsonl');
    writeFileSync(noGold, '{"id":"x","question":"q"}\n');
    const cases: Array<[string[], RegExp]> = [
      [['eval', '--qa', '/nonexistent.jsonl'], /^plans: Cannot read \/nonexistent\.jsonl/],
      [['eval', '--qa', noGold], /^plans: .*no-gold\.jsonl line 1: "gold"/],
      [['search', '集团化', '--k', '0', '--index', dir], /^error: option '--k <n>' argument '0' is invalid/],
      [['search', '集团化', '--k', 'abc', '--index', dir], /^error: option '--k <n>' argument 'abc' is invalid/],
      [['eval', '--qa', QA, '--min-recall', 'abc'], /^error: option '--min-recall <x>' argument 'abc' is invalid/],
      [['compare', '青岛', '青岛', '--index', dir], /^plans: Compare two different places/],
      [['search', '--index', dir], /^plans: Give a query, or pipe JSONL questions/],
    ];
    for (const [args, message] of cases) {
      const r = plans(args, '');
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err, args.join(' ')).toMatch(message);
    }
  });

  it('reads JSONL saved with a byte-order mark', async () => {
    const { dir } = await bundledIndex();
    const r = plans(
      ['ask', '--json', '--index', dir],
      '\uFEFF{"id":"a","question":"青岛2020年要建多少个学科教研基地?"}\n',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).id).toBe('a');
  });
});
