// Lines that ask nothing of their own: no content term at all ("的", "[1]", "%s%s%n") is never an
// answer found; a bare place ("青岛", "Qingdao", "湘西州", "那广州呢?") is read as that place's
// priorities, or its plans to choose from; a place not indexed names real documents, never "无".
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { testConfig } from '../helpers/corpus.js';
import { bundledIndex } from '../helpers/index.js';

const config = testConfig();

describe('a line with no content term', () => {
  it('is not "found": it gets the reply saying what the bot can do', async () => {
    const { index } = await bundledIndex();
    for (const line of ['的', '[1]', '%s%s%n', '???', '教育工作有哪些?', '“”', '了吗']) {
      const answer = await answerQuestion(index, line, config);
      expect(answer, line).toMatchObject({ found: false, evidence: 'off-topic', citations: [] });
      expect(answer.answer, line).toMatch(/我可以回答|I answer questions/);
    }
  });
});

describe('a bare place', () => {
  it('with one indexed plan is read as that plan’s priorities: its top-level headings, cited', async () => {
    const { index } = await bundledIndex();
    for (const line of ['青岛', 'Qingdao', '湘西州', '青島2020年']) {
      const answer = await answerQuestion(index, line, config);
      expect(answer, line).toMatchObject({ found: true, evidence: 'direct' });
      const place = line.startsWith('湘西') ? '湘西' : '青岛';
      const doc = index.documents.find((d) => d.place === place)!;
      const headings = doc.outline.filter((o) => o.level === 1).map((o) => doc.text.slice(o.start).split('\n')[0]);
      expect(
        answer.citations.map((c) => c.quote),
        line,
      ).toEqual(headings);
      expect(answer.citations.every((c) => doc.text.slice(c.start, c.end) === c.quote)).toBe(true);
    }
    expect((await answerQuestion(index, 'Qingdao', config)).answer).toMatch(/^Priorities of /);
  });

  it('with several plans lists them to choose from, with no previous turn to lean on', async () => {
    const { index } = await bundledIndex();
    const answer = await answerQuestion(index, '那广州呢?', config);
    expect(answer).toMatchObject({ found: false, citations: [] });
    const guangzhou = index.documents.filter((d) => d.place === '广州');
    expect(guangzhou.length).toBeGreaterThan(1);
    for (const d of guangzhou) expect(answer.answer).toContain(d.title);
    expect(answer.answer).not.toContain('无');
  });

  it('not indexed gets the honest "not found", naming documents of its province first, never "none"', async () => {
    const { index } = await bundledIndex();
    for (const line of ['Shenzhen', '深圳', '深圳市']) {
      const answer = await answerQuestion(index, line, config);
      expect(answer, line).toMatchObject({ found: false, citations: [] });
      expect(answer.answer, line).toMatch(/深圳/);
      expect(answer.answer, line).not.toMatch(/：无。|: none\./);
      expect(answer.closest[0]?.place, line).toBe('广州');
    }
  });
});
