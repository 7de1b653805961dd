import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
    const strict = plans(['eval', '--qa', QA, '--min-recall', '1.01', '--index', dir]);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/below --min-recall/);
    const docs = plans(['docs', '--json', '--index', dir])
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(Object.keys(docs[0])).toEqual(['id', 'title', 'place', 'year', 'period', 'type', 'file', 'paragraphs']);
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

  it('gives a clear message, not a stack trace, for a bad argument', () => {
    const r = plans(['eval', '--qa', '/nonexistent.jsonl']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plans: Cannot read \/nonexistent\.jsonl/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
