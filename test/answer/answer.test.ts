import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { comparePlaces } from '../../src/answer/compare.js';
import { conversationStore, resolveFollowUp } from '../../src/answer/conversation.js';
import { answerJson, answerSchema, type Answer } from '../../src/answer/model.js';
import { summarisePlan } from '../../src/answer/summary.js';
import type { QaItem } from '../../src/retrieval/evaluate.js';
import type { PlanIndex } from '../../src/index/store.js';
import { containsVerbatim, lettersAndDigits } from '../../src/text/normalize.js';
import { testConfig } from '../helpers/corpus.js';
import { bundledIndex } from '../helpers/index.js';

const qa = readFileSync('eval/dev-qa.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as QaItem);
const config = testConfig();

function expectVerbatim(index: PlanIndex, answer: Answer) {
  for (const c of answer.citations) {
    const doc = index.docById.get(c.doc)!;
    expect(doc.text.slice(c.start, c.end), `${answer.question} [${c.n}]`).toBe(c.quote);
    expect(containsVerbatim(c.text, c.quote)).toBe(true);
    expect(answer.answer).toContain(`[${c.n}]`);
  }
  // Every “quoted” span of the answer text is verbatim inside the citation it is marked with.
  for (const m of answer.answer.matchAll(/“([^“”]*(?:“[^“”]*”[^“”]*)*)”\s?\[(\d+)\]/g)) {
    const cited = answer.citations.find((c) => c.n === Number(m[2]));
    expect(cited, m[0]).toBeDefined();
    expect(cited!.quote).toContain(m[1]);
  }
}

describe('offline answers on the development set', () => {
  it('cite gold paragraphs, quote verbatim, and say "not found" when the plans do not say', async () => {
    const { index } = await bundledIndex();
    let cited = 0;
    let answerable = 0;
    let answerableNotFound = 0;
    let unanswerableNotFound = 0;
    for (const q of qa) {
      const answer = answerSchema.parse(await answerQuestion(index, q.question, config));
      expect(answer.mode).toBe('extractive');
      expectVerbatim(index, answer);
      if (!q.gold.length) {
        if (!answer.found) unanswerableNotFound++;
        continue;
      }
      answerable++;
      if (!answer.found) answerableNotFound++;
      const texts = answer.citations.map((c) => lettersAndDigits(c.text));
      if (q.gold.every((g) => texts.some((t) => t.includes(lettersAndDigits(g))))) cited++;
    }
    expect(cited / answerable).toBeGreaterThanOrEqual(0.9);
    expect(unanswerableNotFound).toBeGreaterThanOrEqual(2);
    expect(answerableNotFound / answerable).toBeLessThanOrEqual(0.1);
  });

  it('puts the figure first for a how-much question, quoted from its source', async () => {
    const { index } = await bundledIndex();
    const answer = await answerQuestion(index, '青岛2020年要建多少个学科教研基地?', config);
    expect(answer.answer.split('\n')[0]).toBe('简答：“建設200個學科教研基地”[1]');
    const english = await answerQuestion(
      index,
      'What is Xiangxi’s target for the vocational school graduate employment rate?',
      config,
    );
    expect(english.answer.split('\n')[0]).toMatch(/^In short: “[^”]*97%[^”]*”\[1\]$/);
  });

  it('names the closest documents when it does not find an answer, in the asker’s script', async () => {
    const { index } = await bundledIndex();
    const answer = await answerQuestion(index, '深圳2021年教育工作要點有哪些重點?', config);
    expect(answer.found).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(answer.closest.length).toBeGreaterThan(0);
    expect(answer.answer).toContain('沒有找到深圳');
    expect(answerJson(answer)).toMatchObject({ found: false, mode: 'extractive', citations: [] });
  });
});

describe('summaries', () => {
  it('cover every bundled document’s top-level sections in order, each with a citation', async () => {
    const { index } = await bundledIndex();
    for (const doc of index.documents) {
      const answer = await summarisePlan(
        index,
        { place: doc.place === 'unknown' ? 'XX市' : doc.place, year: doc.year as number, type: doc.type },
        config,
      );
      expect(answer.found, doc.id).toBe(true);
      expectVerbatim(index, answer);
      expect(answer.citations.every((c) => c.doc === doc.id)).toBe(true);
      const tops = doc.outline.filter((o) => o.level === 1);
      let at = 0;
      for (const top of tops) {
        const heading = doc.text.slice(top.start).split('\n')[0];
        const line = answer.answer.indexOf(heading, at);
        expect(line, `${doc.id}: ${heading}`).toBeGreaterThanOrEqual(at);
        at = line + heading.length;
        expect(answer.answer.slice(at).match(/^ \[(\d+)\]/), heading).not.toBeNull();
      }
      if (!tops.length) expect(answer.citations.length).toBeGreaterThan(0);
    }
  });

  it('lists what exists when the place or year is ambiguous or missing', async () => {
    const { index } = await bundledIndex();
    const ambiguous = await summarisePlan(index, { place: 'Guangzhou' }, config);
    expect(ambiguous.found).toBe(false);
    expect(ambiguous.answer).toMatch(/2020年市教育工作總結[\s\S]*2021年廣州教育工作要點/);
    const missing = await summarisePlan(index, { place: '青島', year: 2022 }, config);
    expect(missing.found).toBe(false);
    expect(missing.closest.map((d) => d.place)).toEqual(['青岛']);
  });
});

describe('comparisons and follow-ups', () => {
  it('compares two places side by side, each side cited from its own plan', async () => {
    const { index } = await bundledIndex();
    const answer = await comparePlaces(index, { places: ['青岛', '湘西'], topic: '集团化办学' }, config);
    expect(answer.answer.indexOf('【青岛】')).toBeLessThan(answer.answer.indexOf('【湘西】'));
    expectVerbatim(index, answer);
    const [qdPart, xxPart] = answer.answer.split('【湘西】');
    const placeOf = (n: string) => answer.citations.find((c) => c.n === Number(n))!.place;
    for (const m of qdPart.matchAll(/\[(\d+)\]/g)) expect(placeOf(m[1])).toBe('青岛');
    for (const m of xxPart.matchAll(/\[(\d+)\]/g)) expect(placeOf(m[1])).toBe('湘西');
  });

  it('reads "那广州呢?" and "what about 2021?" against the previous question', async () => {
    const { index } = await bundledIndex();
    const store = conversationStore(6);
    const ask = (q: string) => {
      const resolved = resolveFollowUp(index, store.last('t'), q);
      store.add('t', { question: q, resolved, at: 0 });
      return resolved;
    };
    expect(ask('青岛2020年集团化办学有什么安排?')).toBe('青岛2020年集团化办学有什么安排?');
    expect(ask('那广州呢?')).toBe('广州2020年集团化办学有什么安排?');
    expect(ask('what about 2021?')).toBe('广州2021年集团化办学有什么安排?');
    const answer = await answerQuestion(index, store.last('t')!.resolved, config);
    expect(answer.citations.every((c) => c.place === '广州' && c.year === 2021)).toBe(true);
    // A new, complete question is not rewritten.
    expect(ask('湘西州教育督导要建立哪些机制?')).toBe('湘西州教育督导要建立哪些机制?');
  });
});
