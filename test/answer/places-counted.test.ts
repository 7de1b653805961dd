// A how-much question about places in schools (学位, 床位) is counted in 个, even when what they are
// places of (幼儿园) names a kind of site or of people: "1.2万个" is the figure, not "no figure".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { ingestCorpus } from '../../src/index/build.js';
import { loadIndex } from '../../src/index/read.js';
import { tempDir, testConfig } from '../helpers/corpus.js';

describe('a how-much question about school places', () => {
  it('takes a figure with a multiplier and 个 as the places asked for', async () => {
    const corpus = tempDir('plans-places-');
    writeFileSync(
      join(corpus, 'summary.txt'),
      '宁陵县教育局2030年工作总结\n一、工作亮点\n1.新增幼儿园学位1.2万个、中小学学位2.7万个,同比增长33%。\n2.新建学校4所。',
    );
    const dir = tempDir();
    const config = testConfig();
    await ingestCorpus({ corpusDir: corpus, indexDir: dir, config });
    const index = (await loadIndex(dir, config))!;
    const answer = await answerQuestion(index, '宁陵县2030年新增了多少幼儿园学位?', config);
    expect(answer.found).toBe(true);
    expect(answer.answer).not.toContain('没有给出这个数字');
    expect(answer.citations[0].quote).toContain('1.2万个');
  });
});
