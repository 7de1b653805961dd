// Follow-ups in English keep their own words: a bare place or year takes the previous question with
// its place or year replaced; a question without a subject gets the previous subject added, never
// cut into ("湘西What is … in ?" was a QA finding).
import { describe, expect, it } from 'vitest';
import { conversationStore, resolveFollowUp } from '../../src/answer/conversation.js';
import { runCommand } from '../../src/answer/dispatch.js';
import { testConfig } from '../helpers/corpus.js';
import { bundledIndex } from '../helpers/index.js';

const PREVIOUS = 'What is the vocational graduate employment target in Xiangxi for 2020?';
const turn = (resolved: string) => ({ question: resolved, resolved, at: 0 });

describe('English follow-ups', () => {
  it('put the new place or year into the previous question, word for word', async () => {
    const { index } = await bundledIndex();
    const resolve = (q: string) => resolveFollowUp(index, turn(PREVIOUS), q);
    expect(resolve('what about Qingdao?')).toBe(
      'What is the vocational graduate employment target in Qingdao for 2020?',
    );
    expect(resolve('And in Qingdao?')).toBe('What is the vocational graduate employment target in Qingdao for 2020?');
    expect(resolve('How about 2021?')).toBe('What is the vocational graduate employment target in Xiangxi for 2021?');
  });

  it('add the previous subject and scope to a question without a subject, keeping its words', async () => {
    const { index } = await bundledIndex();
    const resolve = (q: string) => resolveFollowUp(index, turn(PREVIOUS), q);
    const other = resolve('What is the target in Qingdao?');
    expect(other).toBe('What is the target in Qingdao (vocational graduate employment)?');
    expect(other).not.toMatch(/Xiangxi|湘西/);
    expect(resolve('What is the target?')).toBe('What is the target (vocational graduate employment, Xiangxi 2020)?');
    // Its own subject, or a question about a plan as a whole: left as asked.
    expect(resolve('What are Qingdao’s priorities for 2020?')).toBe('What are Qingdao’s priorities for 2020?');
    expect(resolve('How many kindergartens will Qingdao build?')).toBe('How many kindergartens will Qingdao build?');
  });

  it('lean on nothing when the previous line asked nothing', async () => {
    const { index } = await bundledIndex();
    expect(resolveFollowUp(index, turn('???'), '青岛')).toBe('青岛');
    expect(resolveFollowUp(index, turn('谢谢'), 'Qingdao')).toBe('Qingdao');
  });
});

describe('a line with no word of a question', () => {
  it('is not read as a follow-up, and gets the note of what the bot does', async () => {
    const { index } = await bundledIndex();
    const { answerQuestion } = await import('../../src/answer/answer.js');
    const { testConfig } = await import('../helpers/corpus.js');
    const previous = turn('青岛2020年要建多少个学科教研基地?');
    for (const line of ['的', '[1]', '%s%s%n']) {
      expect(resolveFollowUp(index, previous, line)).toBe(line);
      const answer = await answerQuestion(index, resolveFollowUp(index, previous, line), testConfig());
      expect(answer.found, line).toBe(false);
      expect(answer.citations, line).toEqual([]);
    }
    // "那这些呢?" still leans on the previous turn.
    expect(resolveFollowUp(index, previous, '那这些呢?')).not.toBe('那这些呢?');
  });
});

describe('a follow-up in another language than the question before it', () => {
  it('is read against the previous question and answered in its own language', async () => {
    const { index } = await bundledIndex();
    const config = testConfig();
    const store = conversationStore(5);
    const conversation = { store, id: 'c1' };
    await runCommand(index, config, '青岛2020年普惠性幼儿园覆盖率要达到多少?', conversation);
    const english = await runCommand(index, config, 'What about Gansu?', conversation);
    expect(english.kind).toBe('answer');
    if (english.kind !== 'answer') return;
    // Read as the Chinese question about 甘肃, its composed words are English; quotes keep their script.
    expect(english.resolved).toMatch(/Gansu.*普惠性幼儿园/);
    expect(english.answer.answer).toMatch(/^(In short|According to the plans|The plans)/);
    expect(english.answer.answer).not.toMatch(/根据|计划中|简答/);
    expect(english.answer.note).toMatch(/^understood as: /);
    const traditional = await runCommand(index, config, '那廣州呢?', conversation);
    if (traditional.kind !== 'answer') throw new Error('expected an answer');
    expect(traditional.answer.note).toMatch(/^理解[為爲]：[广廣]州2020年普惠性幼儿园/);
    expect(traditional.answer.answer).not.toMatch(/According|根据计划/);
  });
});
