// How a question is addressed is not what it asks: a leading @mention, greeting or politeness must
// not change the answer (QA: "@plans-bot …", "你好，…" once got "没有给出这个数字" for answered questions).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { resolveFollowUp } from '../../src/answer/conversation.js';
import type { Answer } from '../../src/answer/model.js';
import type { QaItem } from '../../src/retrieval/evaluate.js';
import { withoutAddress } from '../../src/retrieval/query.js';
import { testConfig } from '../helpers/corpus.js';
import { bundledIndex } from '../helpers/index.js';

const config = testConfig();
const dev = readFileSync('eval/dev-qa.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as QaItem);
const gist = (a: Answer) => ({
  found: a.found,
  evidence: a.evidence,
  answer: a.answer,
  cited: a.citations.map((c) => `${c.doc}@${c.start}-${c.end}`),
});

describe('leading mentions, greetings and politeness', () => {
  it('are taken off before the question is read', () => {
    expect(withoutAddress('@plans-bot 青岛有哪些重点?')).toBe('青岛有哪些重点?');
    expect(withoutAddress('<@U123ABC> 你好，请问青岛有哪些重点?')).toBe('青岛有哪些重点?');
    expect(withoutAddress('@someone-else: Hello! Could you tell me what Qingdao plans?')).toBe('what Qingdao plans?');
    expect(withoutAddress('請問青島有哪些重點?')).toBe('青島有哪些重點?');
    // Words that only start like a greeting stay; a line that is only a greeting keeps it (small talk).
    expect(withoutAddress('High school enrolment in Qingdao?')).toBe('High school enrolment in Qingdao?');
    expect(withoutAddress('@plans-bot hello')).toBe('hello');
    expect(withoutAddress('你好')).toBe('你好');
  });

  it('do not change any answer of the development set', async () => {
    const { index } = await bundledIndex();
    for (const q of dev) {
      const bare = gist(await answerQuestion(index, q.question, config));
      for (const prefix of ['@plans-bot ', '<@U123ABC> ', 'Hello! ', '你好，', '请问', '<@U123ABC> 您好！请问一下，'])
        expect(gist(await answerQuestion(index, `${prefix}${q.question}`, config)), `${prefix}${q.question}`).toEqual(
          bare,
        );
    }
  });

  it('leave a bare greeting small talk, and a follow-up a follow-up', async () => {
    const { index } = await bundledIndex();
    for (const line of ['@plans-bot hello', '<@U123ABC> 你好！', '<@U1> 你好，请问你能做什么?'])
      expect(await answerQuestion(index, line, config), line).toMatchObject({ found: false, evidence: 'off-topic' });
    const previous = { question: '', resolved: '青岛2020年集团化办学有什么安排?', at: 0 };
    expect(resolveFollowUp(index, previous, '<@U123ABC> 那广州呢?')).toBe('广州2020年集团化办学有什么安排?');
    expect(resolveFollowUp(index, previous, '@plans-bot 学前教育有什么安排?')).toBe('@plans-bot 学前教育有什么安排?');
  });
});
