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
    expect([doc.place, doc.placeLevel, doc.year, doc.type, doc.issuer]).toEqual([
      '绵阳',
      'city',
      2031,
      '工作要点',
      '绵阳市教育和体育局',
    ]);
    expect(doc.placeAliases).toContain('Mianyang');
    const sections = result.chunks.map((c) => c.sectionPath);
    expect(sections).toContainEqual(['二、推进基础教育优质均衡', '3.扩大学前教育资源']);
    expect(sections).toContainEqual(['二、推进基础教育优质均衡', '3.扩大学前教育资源', '（1）加强城镇小区配套园治理']);
    expect(sections).toContainEqual(['二、推进基础教育优质均衡', '4.深化集团化办学']);
  });
});

describe('documents in other shapes', () => {
  const ingest = (file: string, format: 'text' | 'markdown' | 'html', text: string) =>
    ingestFile({ file, format, encoding: 'utf-8', sha256: 'x', text });

  it('reads a province office’s HTML page: navigation, breadcrumbs and footer gone, one document', () => {
    const html = `<html><head><title>浙江省教育厅2022年工作要点_浙江省教育厅</title><script>var x=1;</script></head><body>
<div class="nav"><a href="/">首页</a> | <a>机构概况</a> | <a>政务公开</a> | <a>办事服务</a></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>
<h1>浙江省教育厅2022年工作要点</h1><p>发布日期：2022-02-15　来源：浙江省教育厅　浏览次数：3021</p>
<p>2022年全省教育工作的总体要求是：加快建设高质量教育体系。</p>
<p><strong>一、坚持党的全面领导</strong></p><p>1.加强政治建设。深入学习贯彻党的二十大精神。</p>
<p><strong>二、推进共同富裕</strong></p><p>2.扩大优质教育资源。新增普惠性幼儿园学位3万个。</p>
<div class="share">分享到：微信 微博</div><div>打印本页 关闭窗口</div><div>版权所有：浙江省教育厅 浙ICP备12345号</div></body></html>`;
    const { documents, chunks } = ingest('page.html', 'html', html);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      title: '浙江省教育厅2022年工作要点',
      place: '浙江',
      placeLevel: 'province',
      year: 2022,
      type: '工作要点',
      publishDate: '2022-02-15',
      issuer: '浙江省教育厅',
    });
    expect(chunks.map((c) => c.text).join('\n')).not.toMatch(/首页|当前位置|分享到|打印|版权所有|var x/);
    expect(chunks.at(-1)!.sectionPath).toEqual(['二、推进共同富裕', '2.扩大优质教育资源']);
  });

  it('reads a notice in Markdown: the issuer from the title, the signature and date out of the body', () => {
    const md =
      '# 成都市教育局关于印发2023年工作要点的通知\n\n各区（市）县教育局：现将《成都市教育局2023年工作要点》印发给你们。\n\n## 一、全面加强党的建设\n\n（一）强化理论武装。组织全市教育系统开展主题教育。\n\n成都市教育局\n2023年2月10日\n';
    const { documents, chunks } = ingest('notice.md', 'markdown', md);
    expect(documents[0]).toMatchObject({
      place: '成都',
      year: 2023,
      type: '工作要点',
      issuer: '成都市教育局',
      publishDate: '2023-02-10',
    });
    expect(chunks.map((c) => c.text)).not.toContain('成都市教育局');
  });

  it('reads a county’s summary in traditional script', () => {
    const text =
      '長沙縣2021年教育工作總結\n2021年，全縣教育系統圍繞縣委縣政府決策部署，完成各項任務。\n一、辦學條件持續改善\n（一）新建學校3所，新增學位4500個。';
    const { documents } = ingest('county.txt', 'text', text);
    expect(documents[0]).toMatchObject({ place: '长沙县', placeLevel: 'county', year: 2021, type: '工作总结' });
    expect(documents[0].placeAliases).toContain('長沙縣');
  });
});

describe('districts and multi-year plans', () => {
  const ingest = (text: string) => ingestFile({ file: 'x.txt', format: 'text', encoding: 'utf-8', sha256: 'x', text });

  it('reads a district’s plan (全区) as county level', () => {
    const { documents } = ingest(
      '海淀区2022年教育工作要点\n2022年，全区教育系统要办好人民满意的教育。海淀区将新增学位3000个。\n一、推进优质均衡\n1.新建学校2所。',
    );
    expect(documents[0]).toMatchObject({ place: '海淀区', placeLevel: 'county', year: 2022, years: [2022, 2022] });
  });

  it('reads the period a 规划 covers', () => {
    const { documents } = ingest(
      '绵阳市“十四五”教育事业发展规划（2021—2025年）\n“十四五”时期，全市教育事业发展的主要目标如下。\n一、发展目标\n1.到2025年，学前教育毛入园率达到95%。',
    );
    expect(documents[0]).toMatchObject({ place: '绵阳', type: '规划', year: 2021, years: [2021, 2025] });
  });
});

describe('other heading styles and metadata labels', () => {
  it('nests 第一部分 > 一、 > （一） > 1. > （1） > ① and reads 文章来源 as metadata', () => {
    const text = [
      '2037年全市教育工作要点',
      '文章来源：某某教育网　阅读量：123',
      '第一部分 总体要求',
      '2037年全市教育工作总体要求如下。',
      '第二部分 重点任务',
      '一、推进基础教育',
      '（一）学前教育',
      '1.扩大普惠资源。新增普惠学位2000个。',
      '（1）加强监管。建立收费监管机制。',
      '①公办园。新建公办园5所。',
    ].join('\n');
    const { documents, chunks } = ingestFile({ file: 'x.txt', format: 'text', encoding: 'utf-8', sha256: 'x', text });
    expect(documents[0].text).not.toContain('文章来源');
    expect(chunks.at(-1)!.sectionPath).toEqual([
      '第二部分 重点任务',
      '一、推进基础教育',
      '（一）学前教育',
      '1.扩大普惠资源',
      '（1）加强监管',
      '①公办园',
    ]);
    expect(chunks[0].sectionPath).toEqual(['第一部分 总体要求']);
  });
});
