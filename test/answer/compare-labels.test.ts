// A comparison whose sides rest on documents of different types or years says so in each heading
// (a 工作要点 beside a 工作总结 was shown unlabelled); sides of the same type and year stay plain.
import { describe, expect, it } from 'vitest';
import { comparePlaces } from '../../src/answer/compare.js';
import { testConfig } from '../helpers/corpus.js';
import { bundledIndex } from '../helpers/index.js';

const config = testConfig();

describe('comparison headings', () => {
  it('name each side’s document type and year when the sides’ documents differ', async () => {
    const { index } = await bundledIndex();
    const mixed = await comparePlaces(index, { places: ['青岛', '广州'], year: 2020, topic: '集团化办学' }, config);
    const docType = (n: number) => index.docById.get(mixed.citations.find((c) => c.n === n)!.doc)!;
    const [qd, gz] = mixed.sides!;
    for (const side of [qd, gz]) {
      const doc = docType(Number(side.text.match(/\[(\d+)\]/)![1]));
      expect(side.heading).toContain(`${doc.year}年${doc.type}`);
    }
    expect(qd.heading).toContain('工作要点');
    expect(gz.heading).toContain('工作总结');
    const english = await comparePlaces(index, { places: ['Qingdao', 'Guangzhou'], topic: 'group schooling' }, config);
    expect(english.found).toBe(true);
    expect(english.sides!.map((s) => s.heading)).toEqual([
      '【Qingdao · 2020 work priorities】',
      '【Guangzhou · 2021 work priorities】',
    ]);
  });

  it('stay plain when both sides rest on documents of the same type and year', async () => {
    const { index } = await bundledIndex();
    const same = await comparePlaces(index, { places: ['青岛', '湘西'], topic: '集团化办学' }, config);
    expect(same.sides!.map((s) => s.heading)).toEqual(['【青岛】', '【湘西】']);
  });
});
