// The same paragraph published in two documents (a district reprinting its city's plan) is cited
// once, from the best-ranked document, and its sentence is quoted once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { lettersAndDigits } from '../../src/text/normalize.js';
import { testConfig } from '../helpers/corpus.js';
import { bundledIndexWith } from '../helpers/index.js';

const config = testConfig();

describe('a paragraph found in two documents', () => {
  it('is cited once, and its sentences are not quoted twice', async () => {
    // A real paragraph of the bundled Qingdao plan, reprinted word for word in another document.
    const source = readFileSync('corpus/001_bd21d4014cef2a4c.txt', 'utf8').split('\n');
    const paragraph = source.find((l) => l.includes('學科教研基地') && l.length > 200)!;
    const index = await bundledIndexWith({
      'reprint.txt': [
        '2020年即墨区教育工作要点',
        '一、提升基础教育质量',
        paragraph,
        '二、加强队伍建设',
        '实施教师全员培训。',
      ].join('\n'),
    });
    const both = index.chunks.filter((c) => lettersAndDigits(c.text) === lettersAndDigits(paragraph));
    expect(new Set(both.map((c) => c.docId)).size).toBe(2);
    for (const question of ['2020年要建多少个学科教研基地?', '学科教研基地建设有什么安排?', '幼小衔接有什么安排?']) {
      const answer = await answerQuestion(index, question, config);
      expect(answer.found, question).toBe(true);
      const texts = answer.citations.map((c) => lettersAndDigits(c.text));
      expect(new Set(texts).size, question).toBe(texts.length);
      const quoted = [...answer.answer.matchAll(/“([^”]*)”\[\d+\]/g)].map((m) => lettersAndDigits(m[1]));
      expect(new Set(quoted).size, question).toBe(quoted.length);
      for (const c of answer.citations) expect(index.docById.get(c.doc)!.text.slice(c.start, c.end)).toBe(c.quote);
    }
  });
});
