// The short answer to a how-much question gives the figure in the unit the question asks in (所 is
// answered in 所, not 个), and of the year it names rather than of another year or a period (十三五).
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { clauseYearFits } from '../../src/answer/figure.js';
import { testConfig } from '../helpers/corpus.js';
import { bundledIndex, bundledIndexWith } from '../helpers/index.js';

const config = testConfig();
const shortAnswer = (text: string) => text.split('\n')[0];

describe('the figure of a how-much question', () => {
  it('is in the measure word the question counts in', async () => {
    const { index } = await bundledIndex();
    // The plan's 10个…教育集团 is a count of groups; its 80所中小学、幼儿园 is the schools.
    const schools = await answerQuestion(index, '青岛2020年新建多少所学校?', config);
    expect(schools).toMatchObject({ found: true, evidence: 'direct' });
    expect(shortAnswer(schools.answer)).toMatch(/^简答：“[^”]*\d+所[^”]*”\[1\]$/);
    expect(shortAnswer(schools.answer)).not.toMatch(/個|个/);
    // A question counting in 个 is still answered in 个.
    const bases = await answerQuestion(index, '青岛2020年要建多少个学科教研基地?', config);
    expect(shortAnswer(bases.answer)).toBe('简答：“建設200個學科教研基地”[1]');
  });

  it('is the one said of the year asked, not of another year or of a five-year period', async () => {
    const index = await bundledIndexWith({
      'plan.txt': [
        '芜湖市“十四五”教育事业发展规划',
        '一、发展基础',
        '“十三五”期间，全市新建幼儿园64所，新增学位2.1万个，学前三年毛入园率达到90%。',
        '二、发展目标',
        '到2025年，全市新建幼儿园120所，新增学位3.6万个，学前三年毛入园率达到95%。',
        '三、保障措施',
        '加强学前教育经费保障，完善幼儿园建设规划，到2022年，新建幼儿园40所，比2020年增加10所。',
      ].join('\n'),
    });
    const target = await answerQuestion(index, '芜湖到2025年要新建多少所幼儿园?', config);
    expect(target.found).toBe(true);
    expect(shortAnswer(target.answer)).toMatch(/^简答：“全市新建幼儿园120所”\[\d\]$/);
    const rate = await answerQuestion(index, '芜湖2025年学前三年毛入园率要达到多少?', config);
    expect(shortAnswer(rate.answer)).toMatch(/^简答：“学前三年毛入园率达到95%”\[\d\]$/);
    const y2022 = await answerQuestion(index, '芜湖2022年要新建多少所幼儿园?', config);
    expect(shortAnswer(y2022.answer)).toMatch(/^简答：“新建幼儿园40所”\[\d\]$/);
  });

  it('reads the year of each clause from the clause or the clauses before it', () => {
    const s = '“十三五”期间，新建幼儿园64所；到2025年，新建幼儿园120所，比2020年增加10所，全市2021—2025年累计投入5亿元';
    expect(clauseYearFits(s, [2025])).toEqual([0, 0, 2, 2, 0, 0]);
    expect(clauseYearFits(s, [])).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
