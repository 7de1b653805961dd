import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/documents.js';
import { bundledCorpus, bundledDocuments } from '../helpers/corpus.js';

describe('documents and metadata of the bundled corpus', () => {
  it('reads place, year and type of every document from its text', async () => {
    const docs = await bundledDocuments();
    const summary = docs.map((d) => [d.file.slice(0, 3), d.place, d.year, d.type]);
    expect(summary).toEqual([
      ['000', '甘肃', 2020, '会议报道'],
      ['001', '青岛', 2020, '工作要点'],
      ['002', '广州', 2020, '工作总结'],
      ['002', '广州', 2021, '工作要点'],
      ['003', '湘西', 2020, '工作要点'],
      ['004', 'unknown', 2023, '工作要点'],
    ]);
  });

  it('splits the Guangzhou file into the 2020 summary and the 2021 priorities', async () => {
    const gz = (await bundledCorpus()).find((f) => f.file.startsWith('002'))!;
    expect(gz.documents.map((d) => [d.title, d.year, d.type])).toEqual([
      ['2020年市教育工作總結', 2020, '工作总结'],
      ['2021年廣州教育工作要點', 2021, '工作要点'],
    ]);
    expect(gz.documents[0].text).not.toContain('2021年是中國共產黨成立100周年');
    expect(gz.documents[1].text.startsWith('2021年是中國共產黨成立100周年')).toBe(true);
  });

  it('reads issuer, date, source and aliases where the text gives them', async () => {
    const qd = (await bundledDocuments()).find((d) => d.place === '青岛')!;
    expect(qd.issuer).toBe('青島市教育局');
    expect(qd.publishDate).toBe('2020-02-27');
    expect(qd.sourceUrl).toMatch(/^http:\/\/edu\.qingdao\.gov\.cn\//);
    expect(qd.placeAliases).toEqual(expect.arrayContaining(['青岛', '青島', 'Qingdao']));
    expect(qd.placeLevel).toBe('city');
    const xx = (await bundledDocuments()).find((d) => d.year === 2023)!;
    expect(xx.place).toBe('unknown');
    expect(xx.partial).toBe(true);
  });

  it('handles a synthetic plan from a place and year that the corpus does not have', () => {
    const text = [
      '关于印发《2031年全市教育工作要点》的通知',
      '来源：https://edu.example.gov.cn/notice/2031.html',
      '发文机关：绵阳市教育和体育局',
      '2031年全市教育工作要点',
      '2031年是绵阳教育高质量发展的关键之年。全市教育工作的总体思路如下。',
      '一、坚持党的全面领导',
      '1.加强理论学习。组织全市教师开展专题学习。',
      '2.夯实基层党建。推动绵阳中小学党组织建设全覆盖。',
      '二、推进基础教育优质均衡',
      '3.扩大学前教育资源。新建幼儿园12所，普惠性幼儿园覆盖率达到92%。',
      '（1）加强城镇小区配套园治理。',
      '4.深化集团化办学。新增教育集团6个。',
    ].join('\n');
    const result = ingestFile({ file: 'whatever-name.txt', format: 'text', encoding: 'utf-8', sha256: 'x', text });
    expect(result.documents).toHaveLength(1);
    const [doc] = result.documents;
    expect([doc.place, doc.placeLevel, doc.year, doc.type, doc.issuer]).toEqual(['绵阳', 'city', 2031, '工作要点', '绵阳市教育和体育局']);
    expect(doc.placeAliases).toContain('Mianyang');
    const sections = result.chunks.map((c) => c.sectionPath);
    expect(sections).toContainEqual(['二、推进基础教育优质均衡', '3.扩大学前教育资源']);
    expect(sections).toContainEqual(['二、推进基础教育优质均衡', '3.扩大学前教育资源', '（1）加强城镇小区配套园治理']);
    expect(sections).toContainEqual(['二、推进基础教育优质均衡', '4.深化集团化办学']);
  });
});
