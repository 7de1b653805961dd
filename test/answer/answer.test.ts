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
    expect(cited / answerable).toBeGreaterThanOrEqual(0.92);
    expect(unanswerableNotFound).toBe(3);
    expect(answerableNotFound / answerable).toBeLessThanOrEqual(0.05);
  });

  it('says "not found" for the questions of eval/unanswerable.jsonl, whatever the reason, in each script', async () => {
    const { index } = await bundledIndex();
    const unanswerable = readFileSync('eval/unanswerable.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as QaItem & { why: string });
    const byWhy = new Map<string, { n: number; notFound: number }>();
    for (const q of unanswerable) {
      const answer = await answerQuestion(index, q.question, config);
      expectVerbatim(index, answer);
      const tally = byWhy.get(q.why) ?? { n: 0, notFound: 0 };
      tally.n++;
      if (!answer.found) tally.notFound++;
      byWhy.set(q.why, tally);
    }
    // A figure the plan does not give, and a place or year with no plan: always "not found". A subject
    // the plans do not cover may still get the closest passages under "not said directly" (found),
    // as an everyday paraphrase of a covered subject does: at least 80 % of all are "not found".
    const all = [...byWhy.values()].reduce((a, t) => ({ n: a.n + t.n, notFound: a.notFound + t.notFound }));
    expect(all.notFound / all.n).toBeGreaterThanOrEqual(0.8);
    for (const [why, tally] of byWhy) if (why !== 'topic') expect(tally.notFound / tally.n, why).toBe(1);
  });

  it('never cites the same paragraph twice in one answer', async () => {
    const { index } = await bundledIndex();
    for (const q of qa) {
      const answer = await answerQuestion(index, q.question, config);
      const paragraphs = answer.citations.map((c) => `${c.doc}#${c.ordinal}`);
      expect(new Set(paragraphs).size, q.question).toBe(paragraphs.length);
    }
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
    // One that leans on the previous turn ("呢", or no subject of its own) is; one with its own subject is not.
    expect(ask('集团化办学呢?')).toBe('湘西集团化办学呢?');
    expect(ask('目标是多少?')).toBe('湘西集团化办学目标是多少?');
    expect(ask('学前教育有什么安排?')).toBe('学前教育有什么安排?');
  });

  it('does not read nonsense or a greeting against the previous question', async () => {
    const { index } = await bundledIndex();
    const previous = { question: '', resolved: '深圳2021年教育工作要点有哪些重点?', at: 0 };
    expect(resolveFollowUp(index, previous, 'asdkjh qwe zzz 火星')).toBe('asdkjh qwe zzz 火星');
    expect(resolveFollowUp(index, { ...previous, resolved: '青岛2020年集团化办学有什么安排?' }, '谢谢')).toBe('谢谢');
    const answer = await answerQuestion(index, 'asdkjh qwe zzz 火星', config);
    expect(answer).toMatchObject({ found: false, evidence: 'off-topic', citations: [] });
  });
});

describe('evidence: direct, related or not found', () => {
  it('quotes a paraphrase that shares few words with the plan, by what its words stand for', async () => {
    const { index } = await bundledIndex();
    // 眼睛 / 度数 are said 近视 in the plans: the sentence is chosen for them, not for shared bigrams.
    const answer = await answerQuestion(index, '青岛2020年对中小学生眼睛度数越来越高有啥措施?', config);
    expect(answer.found).toBe(true);
    expect(answer.evidence).toBe('direct');
    expect(answer.citations[0].quote).toContain('近視防控');
    expectVerbatim(index, answer);
  });

  it('says the plans do not give the figure, and quotes what is closest, when a figure is not given', async () => {
    const { index } = await bundledIndex();
    // The plan gives a share of children in public kindergartens, not a number of new ones (所).
    const answer = await answerQuestion(index, '广州2020年新建了多少所公办幼儿园?', config);
    expect(answer.found).toBe(false);
    expect(answer.evidence).toBe('related');
    expect(answer.answer.split('\n')[0]).toBe('计划中没有给出这个数字；最相关的内容是：');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.answer).not.toMatch(/简答|根据计划文件/);
    expectVerbatim(index, answer);
    const english = await answerQuestion(index, 'How many school psychologists will Qingdao hire in 2020?', config);
    expect(english.found).toBe(false);
    expect(english.answer).toMatch(/^The plans do not give this figure/);
  });

  it('answers with the closest passages, saying they are not a direct statement, when they speak of the subject only in part', async () => {
    const { index } = await bundledIndex();
    // Phones are not in the plan; campus safety and school management are.
    const answer = await answerQuestion(index, '广州2021年对中小学生带手机进校园有什么规定?', config);
    expect(answer).toMatchObject({ found: true, evidence: 'related' });
    expect(answer.answer.split('\n')[0]).toBe('计划中没有直接说明；最相关的内容是：');
    expect(answer.citations.length).toBeGreaterThan(0);
    expectVerbatim(index, answer);
  });

  it('tells a place or year with no plan, and a subject the plans are silent on, from one they cover', async () => {
    const { index } = await bundledIndex();
    const place = await answerQuestion(index, '北京市2020年要新建多少所幼儿园?', config);
    expect(place).toMatchObject({ found: false, evidence: 'none', citations: [] });
    expect(place.answer).toContain('没有找到北京');
    // A name in a place's position that neither the gazetteer nor any plan knows is a place with no plan,
    // not a question any plan with a figure answers; a word there (咱们, 大家) or a topic is not a place.
    const unknown = await answerQuestion(index, '东京2020年新建多少所学校?', config);
    expect(unknown).toMatchObject({ found: false, evidence: 'none', citations: [] });
    expect(unknown.answer).toContain('没有找到东京');
    for (const question of ['咱们2020年新建多少所学校?', '大家2020年新建多少所学校?', '集团化办学2020年有什么安排?'])
      expect((await answerQuestion(index, question, config)).found, question).toBe(true);
    const year = await answerQuestion(index, '青岛2022年的教育工作要点有哪些?', config);
    expect(year).toMatchObject({ found: false, citations: [] });
    const silent = await answerQuestion(index, "What does Qingdao's 2020 plan say about esports?", config);
    expect(silent).toMatchObject({ found: false, evidence: 'none', citations: [] });
    expect(silent.answer).toMatch(/^The indexed plans do not answer this/);
    const covered = await answerQuestion(index, '青岛2020年要创建多少所校园文化建设示范学校?', config);
    expect(covered).toMatchObject({ found: true, evidence: 'direct' });
  });
});

describe('list answers', () => {
  it('gathers the six announced items in order, each cited, after the sentence announcing them', async () => {
    const { index } = await bundledIndex();
    const answer = await answerQuestion(index, '甘肃2020年全省教育重点要抓好哪几项工作?', config);
    expectVerbatim(index, answer);
    const items = answer.answer.split('\n').filter((l) => /^\d+\. “/.test(l));
    expect(items.map((l) => l.match(/“(.)是/)?.[1])).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(answer.answer).toContain('要抓好六項工作');
    for (const line of items) expect(line).toMatch(/\[\d+\]$/);
    expect(new Set(answer.citations.map((c) => c.ordinal)).size).toBe(answer.citations.length);
  });

  it('cites a paragraph holding several items once, and answers a plan-wide question with its headings', async () => {
    const { index } = await bundledIndex();
    const problems = await answerQuestion(index, '广州2020年的教育工作还存在哪些问题?', config);
    expectVerbatim(index, problems);
    expect(problems.citations).toHaveLength(1);
    expect(problems.answer.split('\n').filter((l) => /^\d+\. “.*”\[1\]$/.test(l))).toHaveLength(5);
    const priorities = await answerQuestion(index, '青岛2020年要抓好哪几项重点?', config);
    expectVerbatim(index, priorities);
    const doc = index.documents.find((d) => d.place === '青岛')!;
    const headings = doc.outline.filter((o) => o.level === 1).map((o) => doc.text.slice(o.start).split('\n')[0]);
    expect(priorities.citations.map((c) => c.quote)).toEqual(headings);
  });
});

describe('lines that are not questions about the plans', () => {
  it('answers greetings and nonsense with what the bot can do, in the asker’s language, quoting nothing', async () => {
    const { index } = await bundledIndex();
    for (const [line, language] of [
      ['你好', /我可以回答/],
      ['您好！請問你能做什麼?', /我可以回答/],
      ['hello!', /^I answer questions/],
      ['asdkjh qwe zzz', /^I answer questions/],
      ['今天天气怎么样?', /我可以回答/],
    ] as const) {
      const answer = await answerQuestion(index, line, config);
      expect(answer, line).toMatchObject({ found: false, evidence: 'off-topic', citations: [] });
      expect(answer.answer, line).toMatch(language);
      expect(answer.answer, line).not.toMatch(/根据计划文件|According to the plans/);
    }
  });
});
