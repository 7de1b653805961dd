// "分哪几个部分?" asks how a document is built. Where the document says so itself ("《规划》主要分为六大
// 部分"), that sentence is the answer; otherwise its top-level headings are.
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { testConfig } from '../helpers/corpus.js';
import { bundledIndexWith } from '../helpers/index.js';

const config = testConfig();
const EXPLAINED = [
  '关于《株洲市教育事业发展“十四五”规划》的政策解读',
  '一、起草背景',
  '为推动全市教育高质量发展,市教育局牵头编制了《规划》。',
  '二、主要内容',
  '《规划》共分为五个部分:第一部分为发展基础,第二部分为总体要求,第三部分为主要任务,第四部分为重点工程,第五部分为保障措施。',
  '三、主要特点',
  '《规划》坚持问题导向,突出补短板、强弱项。',
].join('\n');

let built: ReturnType<typeof bundledIndexWith> | undefined;
const planIndex = () => (built ??= bundledIndexWith({ 'zhuzhou-jiedu.txt': EXPLAINED }));

describe('a question about how a document is built', () => {
  it('is answered by the sentence in which the document says it, however the question words it', async () => {
    const index = await planIndex();
    for (const question of ['株洲的十四五教育规划一共分成几块内容?', '株洲教育规划分哪几个部分?']) {
      const answer = await answerQuestion(index, question, config);
      expect(answer, question).toMatchObject({ found: true, evidence: 'direct' });
      expect(answer.citations[0].quote).toMatch(/^《规划》共分为五个部分:第一部分为发展基础/);
    }
    const english = await answerQuestion(index, 'How many parts does the Zhuzhou education plan have?', config);
    expect(english.answer).toMatch(/^According to the plans:/);
    expect(english.citations[0].quote).toMatch(/^《规划》共分为五个部分/);
  });

  it('about a subject within the document is answered from the subject, not by the document’s outline', async () => {
    const index = await planIndex();
    const answer = await answerQuestion(index, '株洲十四五规划的主要特点包括哪几个部分?', config);
    // Not stated as the answer: at most quoted as related, under "计划中没有直接说明".
    expect(answer.evidence).not.toBe('direct');
  });

  it('is answered by the headings when the document does not say it', async () => {
    const index = await planIndex();
    const answer = await answerQuestion(index, '青岛2020年教育工作要点分哪几个部分?', config);
    expect(answer.found).toBe(true);
    expect(answer.citations.length).toBeGreaterThanOrEqual(3);
    expect(answer.citations.every((c) => c.place === '青岛')).toBe(true);
    expect(answer.citations.map((c) => c.quote).join('')).not.toContain('部分');
  });
});
