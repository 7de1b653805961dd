// Some questions ask for a shape of answer beyond their words: "哪位领导讲话?" is answered by the sentence naming a
// person by role, "哪五个方面?" by the clause listing exactly five items — not by the sentence that merely names the
// occasion or the subject best.
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { testConfig } from '../helpers/corpus.js';
import { bundledIndexWith } from '../helpers/index.js';

const config = testConfig();
const REPORT = [
  '桐乡市2031年教育工作会议召开',
  '3月10日,桐乡市庆祝第47个教师节暨2031年教育工作表彰大会召开。市领导王明、李华及各相关单位负责人参加会议。',
  '会议强调,全市教育系统要以立德树人为根本,以凝聚人心、完善人格、开发人力、培育人才、造福人民为工作目标,办好人民满意的教育。',
  '市政府副市长李华在会上讲话时要求,要切实增强做好教育工作的责任感和紧迫感。',
].join('\n');

let built: ReturnType<typeof bundledIndexWith> | undefined;
const reportIndex = () => (built ??= bundledIndexWith({ 'tongxiang.txt': REPORT }));

describe('a question asking for a shape of answer', () => {
  it('"who spoke" is answered by the sentence naming a person by role', async () => {
    const answer = await answerQuestion(await reportIndex(), '桐乡教师节表彰大会上是哪位市领导讲话?', config);
    expect(answer.found).toBe(true);
    expect(answer.citations[0].quote).toContain('副市长李华在会上讲话');
  });

  it('"which five" is answered by the clause listing five items', async () => {
    const answer = await answerQuestion(await reportIndex(), '桐乡教育系统提出的工作目标包括哪五个方面?', config);
    expect(answer.citations.map((c) => c.quote).join('')).toContain('凝聚人心、完善人格、开发人力、培育人才、造福人民');
  });
});
