// English questions name Chinese things in pinyin ("Furong schools" for 芙蓉学校) and sometimes count
// two things at once ("disciplines and courses"): both are answered from the sentence that gives them.
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { englishGroups } from '../../src/index/lexicon.js';
import { testConfig } from '../helpers/corpus.js';
import { bundledIndexWith } from '../helpers/index.js';

const config = testConfig();
const PLAN = [
  '株洲市2031年教育工作要点',
  '一、推进基础教育优质均衡',
  '1.扎实推进教育重点项目建设,建设芙蓉学校6所、公办幼儿园21所,实施义务教育薄弱环节改善工程。',
  '2.加强学校安全管理,完善校车监控平台建设,开展防溺水专项教育。',
  '二、推进高等教育内涵发展',
  '3.市属高校8个学科进入全球ESI学科排名前1%,5门课程入选国家级一流本科课程。',
  '4.推进高水平大学建设,支持在株高校建设发展。',
  '5.深化产教融合,3所高职院校入选国家级示范校和骨干校,新增校企合作项目12个。',
].join('\n');

let built: ReturnType<typeof bundledIndexWith> | undefined;
const planIndex = () => (built ??= bundledIndexWith({ 'zhuzhou.txt': PLAN }));

describe('an English question', () => {
  it('finds a thing it names in pinyin, when it writes it as a name', async () => {
    const index = await planIndex();
    const answer = await answerQuestion(index, 'How many Furong schools will Zhuzhou build in 2031?', config);
    expect(answer).toMatchObject({ found: true, evidence: 'direct' });
    expect(answer.answer.split('\n')[0]).toMatch(/^In short: “建设芙蓉学校6所/);
    expect(
      englishGroups(index.lexicon, 'How many Furong schools?').find((g) => g.phrase === 'furong')?.targets,
    ).toEqual(['芙蓉']);
    // Written in lower case it is an English word, not a name: "long" is never 龙.
    expect(
      englishGroups(index.lexicon, 'how many furong schools?').find((g) => g.phrase === 'furong')?.targets,
    ).toEqual([]);
  });

  it('counting two things is answered by the sentence that gives both, a clause each', async () => {
    const index = await planIndex();
    const answer = await answerQuestion(
      index,
      "How many key disciplines and quality courses did Zhuzhou's municipal universities get into ESI rankings?",
      config,
    );
    expect(answer).toMatchObject({ found: true, evidence: 'direct' });
    expect(answer.answer).toContain('8个学科进入全球ESI学科排名前1%,5门课程入选国家级一流本科课程');
  });

  it('“how many of a place’s things” counts the things, not the place', async () => {
    const index = await planIndex();
    const answer = await answerQuestion(
      index,
      "How many of Zhuzhou's higher vocational colleges were selected as national model and backbone schools?",
      config,
    );
    expect(answer).toMatchObject({ found: true, evidence: 'direct' });
    expect(answer.answer.split('\n')[0]).toMatch(/^In short: “3所高职院校入选国家级示范校和骨干校/);
  });
});
