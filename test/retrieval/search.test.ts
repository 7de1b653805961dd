import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultJson } from '../../src/cli/actions/search.js';
import { evaluateRuns, type QaItem } from '../../src/retrieval/evaluate.js';
import { IndexMismatchError, loadIndex } from '../../src/index/read.js';
import { searchPlans } from '../../src/retrieval/search.js';
import { tempDir, testConfig } from '../helpers/corpus.js';
import { bundledIndex } from '../helpers/index.js';

const QA = 'eval/dev-qa.jsonl';
const SCORER = 'eval/score.mjs';

describe('hybrid search over the bundled index', () => {
  it('answers a question naming a place from that place’s plan only, for every bundled place', async () => {
    const { index } = await bundledIndex();
    const places = [...new Set(index.documents.map((d) => d.place).filter((p) => p !== 'unknown'))];
    expect(places.length).toBeGreaterThanOrEqual(4);
    for (const place of places) {
      const doc = index.documents.find((d) => d.place === place)!;
      const english = doc.placeAliases.find((a) => /^[A-Z]/.test(a))!;
      for (const question of [
        `${place}智慧教育有什么安排`,
        `${place}集团化办学怎么推进`,
        `${place}教师队伍建设`,
        `What does ${english} plan for teachers?`,
      ]) {
        const { hits } = await searchPlans(index, question, { k: 10 });
        expect(hits.length, question).toBeGreaterThan(0);
        for (const h of hits) expect(h.doc.place, question).toBe(place);
      }
    }
  });

  it('narrows to the year named, and says when a place has no plan for that year', async () => {
    const { index } = await bundledIndex();
    const r2021 = await searchPlans(index, '廣州2021年對外籍人員子女學校有什麼打算?');
    expect(new Set(r2021.hits.map((h) => h.doc.year))).toEqual(new Set([2021]));
    const missing = await searchPlans(index, '青岛2021年学前教育的目标是什么?');
    expect(missing.missingScope).toMatch(/青岛 2021/);
    const elsewhere = await searchPlans(index, '深圳2021年教育工作要点有哪些重点?');
    expect(elsewhere.missingScope).toBe('深圳');
    const answered = await searchPlans(index, '青岛2020年普惠性幼儿园覆盖率要达到多少?');
    expect(answered.missingScope).toBeUndefined();
    expect(answered.confidence).toBeGreaterThan(missing.confidence);
    expect(answered.confidence).toBeGreaterThan(elsewhere.confidence);
  });

  it('finds English questions through the dictionary expansion', async () => {
    const { index } = await bundledIndex();
    const { hits, query } = await searchPlans(
      index,
      'What is Xiangxi’s target for the vocational school graduate employment rate?',
    );
    expect(query.places).toEqual(['湘西']);
    expect(query.expansions).toEqual(expect.arrayContaining(['就业率']));
    expect(hits.slice(0, 3).some((h) => h.chunk.text.includes('就业率'))).toBe(true);
  });

  it('meets the development-set targets and agrees with the reference scorer', async () => {
    const { index } = await bundledIndex();
    const qa = readFileSync(QA, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as QaItem);
    const runs = [];
    for (const q of qa) runs.push(resultJson(q.id, await searchPlans(index, q.question, { k: 10 })));
    const ours = evaluateRuns(
      qa,
      runs.map((r) => ({ id: r.id!, results: r.results })),
      5,
    );
    const runFile = join(tempDir(), 'run.jsonl');
    writeFileSync(runFile, runs.map((r) => JSON.stringify(r)).join('\n'));
    const reference = JSON.parse(
      execFileSync('node', [SCORER, QA, runFile, '--k', '5', '--json'], { encoding: 'utf8' }),
    );
    expect([ours['recall@1'], ours['recall@5'], ours['recall@10'], ours['mrr@10']]).toEqual([
      reference['recall@1'],
      reference['recall@5'],
      reference['recall@10'],
      reference['mrr@10'],
    ]);
    expect(ours['recall@5']).toBeGreaterThanOrEqual(0.9);
    expect(ours['recall@1']).toBeGreaterThanOrEqual(0.7);
    for (const [kind, g] of Object.entries(ours.by_kind)) expect(g.recall, kind).toBeGreaterThanOrEqual(0.75);
  });
});

describe('the index on disk', () => {
  it('survives a restart: loaded again from disk, it gives the same results', async () => {
    const { dir, index } = await bundledIndex();
    const reloaded = (await loadIndex(dir, testConfig()))!;
    for (const q of ['湘西州教育督导要建立哪些机制?', 'How many sister schools did Guangzhou add in 2020?']) {
      const a = (await searchPlans(index, q)).hits.map((h) => h.chunk.id);
      const b = (await searchPlans(reloaded, q)).hits.map((h) => h.chunk.id);
      expect(b).toEqual(a);
    }
  });

  it('refuses to load with another embedder, and says to re-ingest', async () => {
    const { dir } = await bundledIndex();
    await expect(loadIndex(dir, testConfig({ HASH_DIM: '256' }))).rejects.toThrow(IndexMismatchError);
    await expect(loadIndex(dir, testConfig({ OPENAI_API_KEY: 'sk-test' }))).rejects.toThrow(/Re-ingest/);
  });
});

describe('a plan that covers several years', () => {
  it('answers a question about a year inside its period', async () => {
    const { cpSync, writeFileSync } = await import('node:fs');
    const { ingestCorpus } = await import('../../src/index/build.js');
    const corpus = tempDir('plans-period-');
    cpSync('corpus', corpus, { recursive: true });
    writeFileSync(
      join(corpus, 'plan.txt'),
      '绵阳市“十四五”教育事业发展规划（2021—2025年）\n“十四五”时期，全市教育事业发展的主要目标如下。绵阳将建设教育强市。\n一、发展目标\n1.学前教育。到2025年，学前教育毛入园率达到95%，新建幼儿园40所。',
    );
    const dir = tempDir();
    await ingestCorpus({ corpusDir: corpus, indexDir: dir, config: testConfig() });
    const index = (await loadIndex(dir, testConfig()))!;
    const result = await searchPlans(index, '绵阳2023年学前教育毛入园率目标是多少?');
    expect(result.missingScope).toBeUndefined();
    expect(result.hits[0].chunk.text).toContain('毛入园率达到95%');
    expect((await searchPlans(index, '绵阳2019年学前教育毛入园率目标是多少?')).missingScope).toBe('绵阳 2019');
  });
});

describe('a small corpus of a city and its districts', () => {
  async function cityAndDistricts() {
    const { ingestCorpus } = await import('../../src/index/build.js');
    const corpus = tempDir('plans-districts-');
    writeFileSync(
      join(corpus, 'a.txt'),
      '梅州市梅县区教育局2023年工作要点\n一、总体要求\n坚持立德树人根本任务，推动全区教育高质量发展。\n二、重点任务\n1.新建学校3所，新增学位2400个。',
    );
    writeFileSync(
      join(corpus, 'b.txt'),
      '广州市黄埔区2022年教育工作要点\n一、主要目标\n1.新增公办学位5000个，新建幼儿园6所。\n2.深化集团化办学，组建教育集团4个。',
    );
    writeFileSync(
      join(corpus, 'c.txt'),
      '广州市2022年教育工作要点\n一、主要目标\n1.全市新增公办学位6万个。\n2.推进智慧教育示范区建设。',
    );
    const dir = tempDir();
    await ingestCorpus({ corpusDir: corpus, indexDir: dir, config: testConfig() });
    return (await loadIndex(dir, testConfig()))!;
  }

  it('reads a city written before its district as where the district is, and a district without its suffix', async () => {
    const index = await cityAndDistricts();
    const places = async (q: string) => {
      const r = await searchPlans(index, q);
      return { missing: r.missingScope, places: [...new Set(r.hits.map((h) => h.doc.place))] };
    };
    expect(await places('梅州梅县2023年新建几所学校?')).toEqual({ missing: undefined, places: ['梅县区'] });
    expect(await places('广州黄埔新增多少公办学位?')).toEqual({ missing: undefined, places: ['黄埔区'] });
    expect(await places('广州市黄埔区新增多少公办学位?')).toEqual({ missing: undefined, places: ['黄埔区'] });
    expect((await places('广州和黄埔区各新增多少公办学位?')).places.sort()).toEqual(['广州', '黄埔区']);
    expect((await places('梅州新建几所学校?')).missing).toBe('梅州');
    // Pinyin's apostrophe is no part of the name: Xi'an is 西安, a place with no plan here.
    expect((await places("What are Xi'an's priorities for 2023?")).missing).toBe('西安');
    // In English, by the name English gives a district, with or without "District".
    expect((await places("What is Huangpu's target for public school places?")).places).toEqual(['黄埔区']);
    expect(await places('How many public school places will Huangpu District add?')).toEqual({
      missing: undefined,
      places: ['黄埔区'],
    });
  });

  it('answers for a year from the next year’s work meeting that reviews it, when the place has no plan of that year', async () => {
    const { ingestCorpus } = await import('../../src/index/build.js');
    const corpus = tempDir('plans-review-');
    writeFileSync(
      join(corpus, 'meeting.txt'),
      '宁陵县召开2031年全县教育工作会议\n2月15日，宁陵县召开2031年全县教育工作会议。会议总结了2030年工作：全县教育系统获国家级、省级荣誉32项，新建学校4所。\n会议部署了2031年重点任务。',
    );
    writeFileSync(join(corpus, 'other.txt'), '2030年全市教育工作要点\n一、重点任务\n1.新建学校10所。');
    const dir = tempDir();
    await ingestCorpus({ corpusDir: corpus, indexDir: dir, config: testConfig() });
    const index = (await loadIndex(dir, testConfig()))!;
    const place = index.documents.find((d) => d.type === '会议报道')!.place;
    const result = await searchPlans(index, `${place}2030年获得了多少项国家级、省级荣誉?`);
    expect(result.missingScope).toBeUndefined();
    expect(result.hits[0].chunk.text).toContain('荣誉32项');
    // A year nobody reviews is still missing.
    expect((await searchPlans(index, `${place}2028年获得了多少项荣誉?`)).missingScope).toBe(`${place} 2028`);
  });

  it('ranks paragraphs lexically even when every word of the question is in every paragraph', async () => {
    const { ingestCorpus } = await import('../../src/index/build.js');
    const { bm25Search } = await import('../../src/retrieval/bm25.js');
    const { bigramToken, hanBigrams } = await import('../../src/text/tokenize.js');
    const corpus = tempDir('plans-tiny-');
    writeFileSync(join(corpus, 'a.txt'), '某县2024年教育工作要点\n1.培训教师500人次。\n2.培训教师和校长。');
    const dir = tempDir();
    await ingestCorpus({ corpusDir: corpus, indexDir: dir, config: testConfig() });
    const index = (await loadIndex(dir, testConfig()))!;
    const tokens = hanBigrams('培训教师').map((b) => ({ token: bigramToken(b), weight: 1 }));
    expect(tokens.every(({ token }) => index.postings.frequency(token) === index.postings.size)).toBe(true);
    expect(bm25Search(index.postings, tokens, undefined, 10).length).toBe(index.postings.size);
  });
});
