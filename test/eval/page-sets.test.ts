// The sets of real pages (eval/unseen/, and the holdouts that have questions): real plan pages from places outside
// corpus/, their metadata as a clerk would file them, and questions whose gold strings must occur verbatim in the saved pages — read, on the
// machine-converted pages, without the pinyin their converter put after characters (認(rèn)真): that is noise the
// project removes, so a gold string keeping it could never be cited.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const readJsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const TYPES = ['工作要点', '工作总结', '规划', '会议报道', '解读', '报告', 'other'];
const LEVELS = ['province', 'city', 'prefecture', 'county'];
const KINDS = ['fact', 'number', 'list', 'paraphrase', 'filtered', 'cross-doc', 'unanswerable'];
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];

describe.each(['eval/unseen', 'eval/holdout-pages-3', 'eval/holdout-pages-4'])('%s', (dir) => {
  const docsDir = join(dir, 'docs');
  const meta = readJsonl(join(dir, 'meta.jsonl'));
  const qa = readJsonl(join(dir, 'qa.jsonl'));
  /** A page's text without pinyin annotations: one toned syllable in parentheses right after a Han character. */
  const docText = (file: string) =>
    readFileSync(join(docsDir, file), 'utf8').replace(
      /(?<=\p{Script=Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/gu,
      '',
    );

describe('metadata', () => {
  it('files every saved page, and every filed page exists', () => {
    const files = new Set(meta.map((m) => m.file as string));
    for (const f of files) expect(existsSync(join(docsDir, f)), f).toBe(true);
    expect(readdirSync(docsDir).filter((f) => f.endsWith('.txt')).sort()).toEqual([...files].sort());
  });

  it('has valid fields on every line', () => {
    for (const m of meta) {
      const where = String(m.file);
      expect(typeof m.title, where).toBe('string');
      expect((m.title as string).length, where).toBeGreaterThan(0);
      expect(typeof m.place, where).toBe('string');
      expect(LEVELS, where).toContain(m.level);
      // A municipality (天津) is a city with no parent.
      if (m.level === 'province') expect(m.parent, where).toBeUndefined();
      else if (m.level !== 'city' || m.parent !== undefined) expect(typeof m.parent, where).toBe('string');
      expect(TYPES, where).toContain(m.type);
      expect(Number.isInteger(m.year), where).toBe(true);
      const [first, last] = m.period as number[];
      expect(first, where).toBe(m.year);
      expect(last, where).toBeGreaterThanOrEqual(first);
      expect(last - first, where).toBeLessThan(10);
    }
  });
});

describe('questions', () => {
  it('have unique ids and valid fields', () => {
    const ids = qa.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of qa) {
      const where = String(q.id);
      expect(typeof q.question, where).toBe('string');
      expect(KINDS, where).toContain(q.kind);
      expect(LANGS, where).toContain(q.lang);
      expect(Array.isArray(q.gold), where).toBe(true);
      const gold = q.gold as string[];
      if (q.kind === 'unanswerable') {
        expect(gold, where).toEqual([]);
        expect(q.doc, where).toBe('');
      } else {
        expect(gold.length, where).toBeGreaterThan(0);
      }
      if (q.kind === 'cross-doc') expect((q.doc as string).split(',').length, where).toBe(gold.length);
    }
  });

  it('name documents that exist', () => {
    for (const q of qa) {
      if (!q.doc) continue;
      for (const f of (q.doc as string).split(',')) expect(existsSync(join(docsDir, f)), `${q.id}: ${f}`).toBe(true);
    }
  });

  it('have gold strings that occur verbatim in their documents (pinyin annotations aside)', () => {
    for (const q of qa) {
      const gold = q.gold as string[];
      const docs = (q.doc as string).split(',');
      gold.forEach((g, i) => {
        const file = docs.length === gold.length ? docs[i] : docs[0];
        expect(docText(file).includes(g), `${q.id}: ${g} not in ${file}`).toBe(true);
      });
    }
  });
});
});
