// The rules by which a page is read as documents with a title, place, year/period and type — each on
// small synthetic pages in both scripts, from places and years the corpus does not have.
import { describe, expect, it } from 'vitest';
import { cleanText, removePinyinAnnotations, removeStraySpaces } from '../../src/ingest/clean.js';
import { ingestFile } from '../../src/ingest/documents.js';
import { coversYear, fiveYearPlan } from '../../src/ingest/metadata.js';

const ingest = (text: string, format: 'text' | 'markdown' | 'html' = 'text') =>
  ingestFile({ file: 'page.txt', format, encoding: 'utf-8', sha256: 'x', text });
const allText = (r: ReturnType<typeof ingest>) => r.chunks.map((c) => c.text).join('\n');

describe('one document per titled plan', () => {
  const notice = (zh: 'Hans' | 'Hant') =>
    zh === 'Hans'
      ? [
          '关于印发《绵竹市教育局2031年工作要点》的通知',
          '发布时间:2031-03-01 09:30 信息来源: 绵竹市教育局',
          '各学校、幼儿园,局机关各股室:',
          '现将《绵竹市教育局2031年工作要点》印发给你们,请结合实际认真贯彻落实。',
          '绵竹市教育局',
          '2031年2月28日',
          '绵竹市教育局2031年工作要点',
          '2031年全市教育工作的总体要求是:坚持立德树人,办好人民满意的教育。',
          '一、加强党的建设',
          '1.加强理论学习。组织全市教师开展专题学习。',
        ]
      : [
          '關於印發《綿竹市教育局2031年工作要點》的通知',
          '發布時間:2031-03-01 09:30 信息來源: 綿竹市教育局',
          '各學校、幼兒園,局機關各股室:',
          '現將《綿竹市教育局2031年工作要點》印發給你們,請結合實際認真貫徹落實。',
          '綿竹市教育局',
          '2031年2月28日',
          '綿竹市教育局2031年工作要點',
          '2031年全市教育工作的總體要求是:堅持立德樹人,辦好人民滿意的教育。',
          '一、加強黨的建設',
          '1.加強理論學習。組織全市教師開展專題學習。',
        ];

  it.each(['Hans', 'Hant'] as const)('reads a notice and the plan it issues as one document (%s)', (zh) => {
    const r = ingest(notice(zh).join('\n'));
    expect(r.documents).toHaveLength(1);
    const [doc] = r.documents;
    expect(doc.title).toBe(zh === 'Hans' ? '绵竹市教育局2031年工作要点' : '綿竹市教育局2031年工作要點');
    expect(doc).toMatchObject({
      place: '绵竹市',
      placeLevel: 'county',
      year: 2031,
      years: [2031, 2031],
      type: '工作要点',
    });
    expect(doc.placeParents).toContain('德阳');
    expect(doc.publishDate).toBe('2031-03-01');
    // The notice's addressee, sentence and signature are not the plan's text.
    expect(allText(r)).not.toMatch(/印发给你们|印發給你們|各学校|各學校|^绵竹市教育局$/m);
    expect(r.chunks[0].text.startsWith('2031年全市教育工作的总体要求')).toBe(zh === 'Hans');
  });

  it('titles a notice whose plan title line is missing by the plan it issues', () => {
    const r = ingest(
      [
        '遵义市人民政府办公室关于印发遵义市2031年教育工作要点的通知',
        '各县(市、区)人民政府:',
        '2031年全市教育工作的总体要求是:加快建设高质量教育体系。',
        '一、推进学前教育普及普惠',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({ title: '遵义市2031年教育工作要点', place: '遵义', type: '工作要点' });
  });

  it('reads a notice that starts at its addressee line, the plan title below it', () => {
    const r = ingest(
      [
        '红河县、各乡镇人民政府,县政府各部门:',
        '《红河县“十四五”教育事业发展规划》已经县人民政府常务会议审议通过,现印发给你们,请认真贯彻执行。',
        '红河县人民政府办公室',
        '2022年4月19日',
        '红河县“十四五”教育事业发展规划',
        '“十四五”时期是全县教育高质量发展的关键时期。',
        '一、发展基础',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({ title: '红河县“十四五”教育事业发展规划', place: '红河县', type: '规划' });
    expect(r.documents[0].title).not.toMatch(/:$/);
  });

  it('titles a notice over a table of contents by the plan it issues, never by a part the contents list', () => {
    const r = ingest(
      [
        '包头市人民政府办公室 关于印发《包头市“十五五”教育事业 发展规划》的通知',
        '各区人民政府,市政府各部门:',
        '《包头市“十五五”教育事业发展规划》已经市政府同意,现印发给你们,请认真贯彻落实。',
        '目  录',
        '“十四五”时期发展情况',
        '一、主要成绩 6',
        '“十五五”时期发展规划',
        '一、面临形势 14',
        '“十四五”时期发展情况',
        '“十四五”期间,全市教育事业取得显著成绩,新建学校20所。',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({ title: '包头市“十五五”教育事业发展规划', place: '包头', type: '规划' });
    expect(r.documents[0].years).toEqual([2026, 2030]);
  });

  it('keeps a metadata block with the document below it, not as a document of its own', () => {
    const r = ingest(
      [
        '标       题: 《铜仁市2031年教育工作要点》政策解读',
        '索  引  号: 11520600/2031-00012 发文字号:',
        '发文机构: 铜仁市教育局 信息分类: 政策解读',
        '成文日期: 2031-04-01 00:00:00',
        '《铜仁市2031年教育工作要点》政策解读',
        '作者:教育局 来源:铜仁市教育局 浏览次数: 打印 关闭',
        '近日,铜仁市教育局发布了《铜仁市2031年教育工作要点》,全文分6部分。',
        '第一部分:坚持党对教育工作的全面领导。',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({
      title: '《铜仁市2031年教育工作要点》政策解读',
      place: '铜仁',
      year: 2031,
      type: '解读',
      issuer: '铜仁市教育局',
      publishDate: '2031-04-01',
    });
    expect(allText(r)).not.toMatch(/索\s*引\s*号|标\s*题|作者|浏览次数/);
  });

  it('still splits a file holding two plans, and gives the metadata between them to the second', () => {
    const r = ingest(
      [
        '2031年全市教育工作总结',
        '2031年,全市教育系统完成了各项任务,新建学校3所。',
        '一、办学条件持续改善',
        '发布时间:2032-01-05',
        '2032年全市教育工作要点',
        '2032年,全市教育工作要坚持稳中求进。',
        '一、推进优质均衡',
      ].join('\n'),
    );
    expect(r.documents.map((d) => [d.title, d.year, d.type])).toEqual([
      ['2031年全市教育工作总结', 2031, '工作总结'],
      ['2032年全市教育工作要点', 2032, '工作要点'],
    ]);
    expect(r.documents[1].publishDate).toBe('2032-01-05');
    expect(r.documents[0].publishDate).toBe('unknown');
  });

  it('joins a title the page broke over two lines', () => {
    const r = ingest(
      [
        '2031年对县级人民政府履行',
        '教育职责评价报告',
        '根据有关文件精神,省政府教育督导委员会办公室组织开展了评价。',
        '一、主要做法和成效',
      ].join('\n'),
    );
    expect(r.documents[0]).toMatchObject({ title: '2031年对县级人民政府履行教育职责评价报告', type: '报告' });
  });
});

describe('the title is the document’s own', () => {
  it('is never page chrome, a section name, a byline or a pinyin-annotated tag', () => {
    const r = ingest(
      [
        '首页 教育新闻',
        '本市動(dòng)態(tài)',
        '韓飛',
        '3月2日,遵義市召開2031年全市教育工作會議,市委副書記出席會議並講話。',
        '會議總結了2030年全市教育工作,安排部署了2031年重點任務。',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({
      title: '遵義市召開2031年全市教育工作會議',
      place: '遵义',
      year: 2031,
      type: '会议报道',
    });
  });

  it('names a meeting report without headline by its meeting, with the place that held it', () => {
    const held = ingest('4月4日,我县召开2031年教育工作会。副县长出席会议并讲话。\n会议强调,要推动芮城教育高质量发展。');
    expect(held.documents[0]).toMatchObject({ title: '2031年教育工作会', type: '会议报道', year: 2031 });
    expect(held.documents[0].place).toBe('芮城县');
    const where = ingest('1月22日,2031年全省教育工作会议在太原召开。会议总结了2030年全省教育工作。');
    expect(where.documents[0]).toMatchObject({ title: '2031年全省教育工作会议', place: '山西', type: '会议报道' });
  });

  it('takes the headline over its dateline, subtitle and byline, and the type from the subtitle', () => {
    const r = ingest(
      [
        '深化改革 奋力争先 推动天水教育高质量发展',
        '2031-03-14   来源:记者站     浏览数:',
        '——在2031年全市教育工作会议上的报告',
        '市教育局局长、党委书记 张三',
        '(2031年3月5日)',
        '同志们:',
        '这次会议的主要任务是,总结2030年工作,安排部署2031年全市教育工作任务。',
      ].join('\n'),
    );
    expect(r.documents[0]).toMatchObject({
      title: '深化改革 奋力争先 推动天水教育高质量发展',
      place: '天水',
      year: 2031,
      type: '报告',
    });
    expect(allText(r)).not.toMatch(/张三|同志们|记者站/);
  });

  it('drops column tags and site suffixes from a headline', () => {
    const tag = ingest(
      '迈向新征程|达拉特旗教育局召开2031年全旗教育工作会议\n时间:2031-02-21\n2月19日,教育局召开全旗教育工作会议。',
    );
    expect(tag.documents[0].title).toBe('达拉特旗教育局召开2031年全旗教育工作会议');
    const suffix = ingest(
      '文字解读:《宣威市“十四五”教育事业发展规划》-某某app\n一、编制背景\n“十四五”时期是宣威教育发展的关键时期。',
    );
    expect(suffix.documents[0]).toMatchObject({
      title: '文字解读:《宣威市“十四五”教育事业发展规划》',
      type: '解读',
      years: [2021, 2025],
    });
  });

  it('drops a breadcrumb trail whose labels a PDF ran together', () => {
    const trail = ingest(
      '首頁 政務服務國土規劃 涟源市召開“十四五”教育事業發展規劃編制座談會\n1月27日,涟源市召開座談會,聽取意見建議。',
    );
    expect(trail.documents[0].title).toBe('涟源市召開“十四五”教育事業發展規劃編制座談會');
  });

  it('reads a template site’s “下面是小编为大家整理的…” line as the page title, not as text', () => {
    const r = ingest(
      '下面是小编为大家整理的2031年度教育厅教育工作要点(2031年),供大家参考。\n2031年,全省教育工作的主线是迎接党代会。\n一、加强党的领导',
    );
    expect(r.documents[0]).toMatchObject({ title: '2031年度教育厅教育工作要点', type: '工作要点', year: 2031 });
    expect(allText(r)).not.toContain('小编');
  });
});

describe('the place the document speaks for', () => {
  it('reads a 旗 by its full name, from the title or from the body, with its city', () => {
    const titled = ingest('达拉特旗2031年教育工作要点\n2031年,全旗教育系统要办好人民满意的教育。');
    expect(titled.documents[0]).toMatchObject({ place: '达拉特旗', placeLevel: 'county' });
    expect(titled.documents[0].placeParents).toContain('鄂尔多斯');
    const body = ingest('2031年教育工作要点\n2031年,达拉特旗全旗教育系统要办好人民满意的教育,达拉特旗新建学校2所。');
    expect(body.documents[0].place).toBe('达拉特旗');
  });

  it('reads a county in traditional script, from the title or from the body', () => {
    const titled = ingest('永和縣教育局2031年工作總結\n2031年,全縣教育系統圍繞縣委縣政府決策部署,完成各項任務。');
    expect(titled.documents[0]).toMatchObject({ place: '永和县', placeLevel: 'county', type: '工作总结' });
    expect(titled.documents[0].placeParents).toContain('临汾');
    const body = ingest('2031年教育工作總結\n2031年,平遙縣教育系統堅持立德樹人,全縣新建學校3所。');
    expect(body.documents[0].place).toBe('平遥县');
  });

  it('prefers the city a title names over the province its body cites', () => {
    const r = ingest(
      '遵義市“十四五”教育事業發展規劃\n根據《貴州省“十四五”教育事業發展規劃》,結合貴州省和全省實際,制定本規劃。貴州省教育廳將加強指導。',
    );
    expect(r.documents[0]).toMatchObject({ place: '遵义', placeLevel: 'city' });
  });

  it('files a district under its municipality and keeps an anonymised place unknown', () => {
    const district = ingest('浦口区2031年教育工作要点\n2031年,全区教育系统要推进优质均衡。');
    expect(district.documents[0]).toMatchObject({ place: '浦口区', placeLevel: 'county' });
    expect(district.documents[0].placeParents).toContain('南京');
    const anonymised = ingest('XX市2031年教育工作要点\n2031年,全市教育工作要在XX市委领导下推进。');
    expect(anonymised.documents[0].place).toBe('unknown');
  });

  it('never reads a two-character county out of a word (示范县 is not 范县), and reads a county by "结合X实际"', () => {
    const r = ingest(
      [
        '本报讯 3月15日,我县召开教育工作会议。',
        '会议强调,到2035年打造全省教育工作示范县,建立符合临邑实际的教育体制机制。',
      ].join('\n'),
    );
    expect(r.documents[0]).toMatchObject({ place: '临邑县', placeLevel: 'county', type: '会议报道' });
    // A target year (到2035年) is not the year of the report.
    expect(r.documents[0].year).not.toBe(2035);
    expect(ingest('信阳市新县2031年教育工作要点\n全县教育系统要推进优质均衡。').documents[0].place).toBe('新县');
    expect(ingest('介绍一下新县2031年教育工作要点\n全县教育系统要推进优质均衡。').documents[0].place).toBe('新县');
  });

  it('knows the prefectures their own documents shorten further (克州, 博州, 版纳)', () => {
    const r = ingest(
      '自治州关于推进义务教育一体化发展的实施方案\n发文单位 克州人民政府办公室 发布日期 2031-10-28\n为促进城乡义务教育均衡发展,结合我州实际,制定本实施方案。',
    );
    expect(r.documents[0]).toMatchObject({ place: '克孜勒苏', placeLevel: 'prefecture' });
    expect(ingest('巴州区2031年教育工作要点\n全区教育系统要推进优质均衡。').documents[0].place).toBe('巴州区');
  });

  it('reads the shapes holdout-pages-4 showed, on pages of other places', () => {
    // A symbol line and a site's notice above the headline; a headline ending in 会议报道.
    const notice = ingest(
      '+\n温馨提示:网站进行无障碍改造,若有异常,敬请谅解!\n2031年全州教育工作会议报道\n3月12日,2031年全州教育工作会议在泸定召开,总结2030年工作。',
    );
    expect(notice.documents[0]).toMatchObject({ title: '2031年全州教育工作会议报道', type: '会议报道', place: '甘孜' });
    // A region tag before the headline; a banner by its wing (科右中旗).
    const tagged = ingest(
      '内蒙古:科右中旗召开2031年教育工作会议_新闻\n2月22日,科右中旗召开2031年教育工作会议,部署全年工作。',
    );
    expect(tagged.documents[0]).toMatchObject({ title: '科右中旗召开2031年教育工作会议', place: '科尔沁右翼中旗' });
    // A literary opening before the sentence that names the meeting.
    const literary = ingest(
      '春风化雨暖,万物始复苏。2月3日,桐乡市教育局召开全市2031年职成教工作会,部署新的一年工作。\n会议要求,全面推进职成教高质量发展。',
    );
    expect(literary.documents[0].title).toBe('全市2031年职成教工作会');
    // A news headline about a plan over the report of the meeting that discussed it, dated by its dateline.
    const news = ingest(
      '桐乡市教育局邀请人大代表共谋教育事业发展规划\n基础教育 时间:2031-07-30 15:36 来源:桐乡市教育局\n7月28日,桐乡市教育局召开“十六五”教育事业发展规划征求意见座谈会,听取意见建议。',
    );
    expect(news.documents[0]).toMatchObject({ type: '会议报道', year: 2031, years: [2031, 2031] });
    // A report of a plan's issue, named by the plan it reports.
    const reported = ingest(
      '日前,桐乡市政府正式印发《桐乡市“十六五”教育事业发展规划》(以下简称《规划》),明确了今后五年的目标。\n《规划》提出,到2035年学前教育毛入园率达到98%。',
    );
    expect(reported.documents[0]).toMatchObject({
      title: '桐乡市“十六五”教育事业发展规划',
      type: '解读',
      years: [2031, 2035],
    });
  });

  it('reads a document-sharing page as the one document it shows, without the site’s buttons and terms', () => {
    const r = ingest(
      [
        '分享',
        '2031年县教育局上半年工作情况总结.docx',
        '下载文档',
        'ID:1327813',
        '大小:18.62KB',
        '页数:7页',
        '温馨提示:',
        '1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题,请放心下载。',
        '2. 本文档由用户上传,版权归属用户,汇文网负责整理代发布。',
        '网站客服:3074922707',
        '2031 教育局 上半年 工作情况 总结',
        '2031年上半年,泸定县教育局认真落实各项工作要求,扎实改进工作作风,新建幼儿园3所。',
        '学校 班级 学生 120 教师',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({
      title: '2031年县教育局上半年工作情况总结',
      place: '泸定县',
      type: '工作总结',
    });
    const text = allText(r);
    expect(text).not.toMatch(/下载|本文档由用户上传|ID:|网站客服|2031 教育局 上半年/);
    // A table's row, with figures, is still text.
    expect(text).toContain('学校 班级 学生 120 教师');
  });

  it('reads the file a document-sharing site introduces, and joins the numbered blocks its pages broke into', () => {
    const r = ingest(
      [
        '《泸定县教育局2031年工作要点.docx》由会员分享,可在线阅读,更多相关《泸定县教育局2031年工作要点.docx(2页珍藏版)》请在优知文库上搜索。',
        '1、泸定县教育局2031年工作要点1.全面坚持党对教育工作的领导。加快推动党的组织全覆盖。2 .全面落实立德树人根本任务。培养有理想、有本',
        '2、领、有担当的时代新人。3 .推进各级各类教育高质量发展。',
        '3、全面加强学生心理健康教育。',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({
      title: '泸定县教育局2031年工作要点',
      place: '泸定县',
      year: 2031,
      type: '工作要点',
    });
    const text = allText(r);
    expect(text).toMatch(/^1\.全面坚持党对教育工作的领导/);
    expect(text).toContain('培养有理想、有本领、有担当的时代新人。');
    expect(text).toContain('3 .推进各级各类教育高质量发展。\n全面加强学生心理健康教育。');
    expect(text).not.toMatch(/由会员分享|\n\d、/);

    const images = ingest(
      [
        '泸定縣教育局2031年工作總結_第1頁',
        '泸定縣教育局2031年工作總結_第2頁',
        '已閱讀5頁,還剩3頁未讀, 繼續免費閱讀',
        '下載本文檔',
        '版權說明:本文檔由用戶提供並上傳,收益歸屬內容提供方,若內容存在侵權,請進行舉報或認領',
        '文檔簡介',
        '泸定縣教育局2031年工作總結一、2031年教育工作總結(一)加強黨的建設。全縣教育系統開展黨紀學習教育。',
      ].join('\n'),
    );
    expect(images.documents).toHaveLength(1);
    expect(images.documents[0]).toMatchObject({
      title: '泸定縣教育局2031年工作總結',
      place: '泸定县',
      type: '工作总结',
    });
    expect(allText(images)).toBe('一、2031年教育工作總結(一)加強黨的建設。全縣教育系統開展黨紀學習教育。');
  });

  it('takes a title run together with the first paragraph on one line as the document’s own title', () => {
    const r = ingest(
      [
        '2031年县教育局上半年工作情况总结.docx',
        '2031年县教育体育局上半年工作状况总结 2031年上半年,泸定县教育体育局扎实改进工作作风,新建幼儿园3所。',
        '一、全县教育工作状况',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({
      title: '2031年县教育体育局上半年工作状况总结',
      place: '泸定县',
      type: '工作总结',
    });
    expect(allText(r)).toMatch(/^2031年上半年,泸定县/);
    // A heading and its first sentence on one line are not a title: the phrase names no plan.
    const heading = ingest('2031年泸定县教育工作要点\n一、总体要求 2031年,全县教育系统要坚持立德树人。');
    expect(heading.documents[0].title).toBe('2031年泸定县教育工作要点');
    expect(allText(heading)).toContain('一、总体要求 2031年');
  });

  it('keeps a headline ending in ! when the metadata block below names it as the title, also on one line', () => {
    const r = ingest(
      [
        '无障碍浏览 长者模式',
        '泸定县人民政府',
        '表彰先进!赞颂师者!2031年泸定县教师节表彰大会举行!',
        '索 引 号:1153-/2031-0920002 发文机构:泸定县政府办 发布日期:2031年09月15日 标  题:表彰先进!赞颂师者!2031年泸定县教师节表彰大会举行!',
        '9月11日,我县召开2031年教育发展大会暨教师节庆祝大会,表彰先进集体和个人。',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({
      title: '表彰先进!赞颂师者!2031年泸定县教师节表彰大会举行!',
      place: '泸定县',
      year: 2031,
      type: '会议报道',
    });
    expect(allText(r)).toMatch(/^9月11日/);
  });

  it('reads a meeting by the county it was held in, at the level its report speaks for', () => {
    const page = (headline: string, sentence: string) =>
      ingest(`${headline}\n${sentence}\n会议要求,全面推进教育高质量发展。`);
    const prefecture = page(
      '2031年全州教育工作會議強調',
      '本網訊 3月5日,2031年全州教育工作會議在泸定召開,主要任務是總結2030年全州教育工作,安排部署2031年工作。',
    );
    expect(prefecture.documents[0]).toMatchObject({ place: '甘孜', placeLevel: 'prefecture', type: '会议报道' });
    const county = page('全县教育工作会议召开', '3月5日,全县教育工作会议在泸定召开,总结2030年工作,部署2031年工作。');
    expect(county.documents[0]).toMatchObject({ place: '泸定县', placeLevel: 'county' });
  });

  it('reads a province that names itself only in the literary name of its slogans, in either script', () => {
    const page = (slogan: string) =>
      `2031年教育厅教育工作要点\n2031年是我省教育改革的关键之年。全省教育系统要${slogan},办好人民满意的教育。\n一、加强党的建设\n1.加强理论学习。`;
    expect(ingest(page('奋力谱写新时代八闽教育新篇章')).documents[0]).toMatchObject({
      place: '福建',
      placeLevel: 'province',
    });
    expect(ingest(page('在新時代走在齊魯前列')).documents[0]).toMatchObject({ place: '山东', placeLevel: 'province' });
    // Two provinces' names, or a city's page using one, say nothing of which it is.
    expect(ingest(page('学习八闽和三秦的经验')).documents[0].place).toBe('unknown');
    expect(ingest('2031年全市教育工作要点\n全市教育系统要助力三秦教育发展。').documents[0].place).toBe('unknown');
  });
});

describe('the year, or the period of a multi-year plan', () => {
  it.each([
    [
      '遵义市“十四五”教育事业发展规划',
      '根据《遵义市国民经济和社会发展第十四个五年规划和2035年远景目标纲要》。到2035年,建成教育强市。到2025年,学前教育毛入园率达到95%。',
    ],
    [
      '遵義市“十四五”教育事業發展規劃',
      '根據《遵義市國民經濟和社會發展第十四個五年規劃和2035年遠景目標綱要》。到2035年,建成教育強市。',
    ],
  ])('reads 十四五 as 2021–2025, never the 2035 远景 year: %s', (title, body) => {
    const r = ingest(`${title}\n${body}\n一、发展目标`);
    expect(r.documents[0]).toMatchObject({ year: 2021, years: [2021, 2025], type: '规划' });
  });

  it('reads a plan page that lost its title by what its opening says it is, not by what it cites', () => {
    const r = ingest(
      [
        '全文',
        '為加快教育事業發展,根據《中國教育現代化 2035》《湖南省“十四五”教育事業發展規劃》和《邵陽市國民經濟和社會發展第十四個五年規劃和二○三五年遠景目標綱要》等檔案精神,結合邵陽實際,制定本規劃。',
        '一、發展基礎',
        '“十三五”期間,我市堅持教育優先發展戰略,辦學條件不斷改善。',
        '二、“十四五”發展目標',
        '到2025年,全市學前三年毛入園率達到92%。',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({
      place: '邵阳',
      placeLevel: 'city',
      type: '规划',
      year: 2021,
      years: [2021, 2025],
    });
    expect(r.documents[0].title).not.toBe('全文');
    expect(allText(r)).not.toMatch(/^全文$/m);
  });

  it('reads a work-points page that lost its title by its opening, not by the plans it cites', () => {
    const r = ingest(
      [
        '2031年是“十五五”规划承上启下、“十六五”规划谋篇布局的关键之年。全市教育工作的总体思路是:紧扣《教育强国建设规划纲要(2030—2045年)》,认真落实全省教育大会部署,全力以赴建设教育强市,为加快建设教育强省作出泰州贡献。',
        '一、坚持强党建谋发展',
        '1.持续深化党对教育工作的全面领导。严格落实“第一议题”制度。',
      ].join('\n'),
    );
    expect(r.documents[0]).toMatchObject({
      place: '泰州',
      placeLevel: 'city',
      year: 2031,
      years: [2031, 2031],
      type: '工作要点',
    });
  });

  it('does not take a ranking among a province’s cities for the level a page speaks for', () => {
    const r = ingest(
      '加快建设教育强市 擦亮城市名片\n五年来,泰州教育现代化综合水平始终位居全省前列,为谱写泰州篇章提供坚实支撑。\n学前教育优质普惠发展,新增优质幼儿园98所。',
    );
    expect(r.documents[0]).toMatchObject({ place: '泰州', placeLevel: 'city' });
  });

  it('knows every five-year plan from the 3rd on', () => {
    expect(fiveYearPlan(13)).toEqual([2016, 2020]);
    expect(fiveYearPlan(14)).toEqual([2021, 2025]);
    expect(fiveYearPlan(10)).toEqual([2001, 2005]);
    expect(ingest('宣威市教育事业发展“十三五”规划\n“十三五”期间,全市教育事业持续发展。').documents[0].years).toEqual([
      2016, 2020,
    ]);
  });

  it('reads a 学年度 and a 2031—2035年 range', () => {
    const school = ingest('浦口区2031—2032学年度教育工作要点\n本学年,全区教育工作要推进优质均衡。');
    expect(school.documents[0]).toMatchObject({ year: 2031, years: [2031, 2032], type: '工作要点' });
    const range = ingest('宣威市学前教育发展规划(2031—2035年)\n到2035年,学前教育毛入园率达到98%。');
    expect(range.documents[0]).toMatchObject({ year: 2031, years: [2031, 2035] });
  });

  it.each([
    ['宣威市教育局2030年工作总结和2031年工作计划', '工作总结'],
    ['宣威市教育局2030年工作總結及2031年工作計劃', '工作总结'],
    ['宣威市教育局2030年工作总结暨2031年工作思路', '工作总结'],
  ])('reads a title with two years’ parts as covering both years, found by either: %s', (title, type) => {
    const [doc] = ingest(`${title}\n2030年,全市教育系统认真贯彻落实各项部署。2031年,要推进优质均衡。`).documents;
    expect(doc).toMatchObject({ year: 2030, years: [2030, 2031], type });
    expect([2029, 2030, 2031, 2032].map((y) => coversYear(doc, y))).toEqual([false, true, true, false]);
  });

  it('reads an 实施意见 by its document number, and its period up to the target it sets', () => {
    const r = ingest(
      [
        '中共宣威市委宣威市人民政府关于学前教育深化改革的实施意见',
        '宣发〔2031〕21号',
        '为贯彻落实中央有关文件精神,制定如下实施意见。',
        '二、工作目标',
        '到2033年,全市学前三年毛入园率达到95%。到2050年,全面建成教育强市。',
      ].join('\n'),
    );
    expect(r.documents[0]).toMatchObject({ year: 2031, years: [2031, 2033], type: 'other', place: '宣威市' });
  });
});

describe('found on the holdout pages, as general rules', () => {
  it('keeps a headline that follows an empty metadata label as the headline', () => {
    const r = ingest(
      [
        '发文字号: 成文时间: 2031-04-11',
        '公文时效:',
        '【义务教育】红河县召开2031年县域义务教育优质均衡发展调度会',
        '4月10日,红河县组织召开调度会,副县长出席会议并讲话。',
      ].join('\n'),
    );
    expect(r.documents[0]).toMatchObject({ title: '红河县召开2031年县域义务教育优质均衡发展调度会', type: '会议报道' });
  });

  it('reads a document number in brackets, and a page’s date when the text names no year', () => {
    const numbered = ingest('宣威市人民政府关于加快教育发展的意见\n(宣政[2031]85號)\n为加快教育发展,提出以下意见。');
    expect(numbered.documents[0].year).toBe(2031);
    expect(allText(numbered)).not.toContain('宣政');
    const dated = ingest('红河县教育工作会议召开\n2031-3-7 19:51 上传\n会议总结了全县教育工作,安排部署了重点任务。');
    expect(dated.documents[0].year).toBe(2031);
  });
});

describe('titles by general rules: whose document it is, headline or caption', () => {
  it.each([
    [
      'Hans',
      '宣威市人民政府关于实施《国务院关于教育发展的决定》的意见',
      ['宣威市人民政府关于实施', '《国务院关于教育发展的决定》的意见'],
      '(宣政〔2031〕8号)',
      '为贯彻落实《国务院关于教育发展的决定》,现提出以下实施意见。',
      '“十六五”期间,全市基础教育的主要任务是:巩固普及成果。',
      '关于印发《宣威市2031年教育工作要点》的通知',
      '现将《宣威市2031年教育工作要点》印发给你们,请认真贯彻落实。',
      '宣威市2031年教育工作要点',
    ],
    [
      'Hant',
      '宣威市人民政府關于實施《國務院關于教育發展的決定》的意見',
      ['宣威市人民政府關于實施', '《國務院關于教育發展的決定》的意見'],
      '(宣政〔2031〕8號)',
      '為貫徹落實《國務院關于教育發展的決定》,現提出以下實施意見。',
      '“十六五”期間,全市基礎教育的主要任務是:鞏固普及成果。',
      '關於印發《宣威市2031年教育工作要點》的通知',
      '現將《宣威市2031年教育工作要點》印發給你們,請認真貫徹落實。',
      '宣威市2031年教育工作要點',
    ],
  ])(
    'a 关于实施《X》的意见 is its own document, titled in full even when broken over two lines; a 关于印发《X》的通知 hands its title to X (%s)',
    (_zh, title, broken, number, opening, tasks, notice, issuing, plan) => {
      for (const lines of [
        [title, number],
        [title, number, ...broken],
        [...broken, number],
      ]) {
        const r = ingest([...lines, opening, tasks].join('\n'));
        expect(r.documents).toHaveLength(1);
        // The period of the five-year plan whose tasks it sets, from the year it was issued.
        expect(r.documents[0]).toMatchObject({
          title,
          place: '宣威市',
          year: 2031,
          years: [2031, 2035],
          type: 'other',
        });
      }
      const issued = ingest([notice, issuing, plan, '2031年,全市教育工作要坚持稳中求进。'].join('\n'));
      expect(issued.documents).toHaveLength(1);
      expect(issued.documents[0]).toMatchObject({ title: plan, type: '工作要点', year: 2031 });
    },
  );

  it.each([
    [
      'Hans',
      '红河县教育体育局(红河县教育体育局局长)',
      '某网2月10日讯 2月3日,红河县召开2031年全县教育工作会议。会议安排部署2031年工作。',
      '红河县召开2031年全县教育工作会议',
    ],
    [
      'Hant',
      '紅河縣教育體育局(紅河縣教育體育局局長)',
      '某網2月10日訊 2月3日,紅河縣召開2031年全縣教育工作會議。會議安排部署2031年工作。',
      '紅河縣召開2031年全縣教育工作會議',
    ],
  ])(
    'a headline that names no kind of document loses to the sentence naming the meeting (%s)',
    (_zh, headline, sentence, title) => {
      const r = ingest(`${headline}\n${sentence}\n会议强调,要推动教育高质量发展。`);
      expect(r.documents[0]).toMatchObject({ title, place: '红河县', year: 2031, type: '会议报道' });
      // A headline that does name a document stays: it is the report's own.
      const named = ingest(`红河县教育工作会议召开\n${sentence}`);
      expect(named.documents[0].title).toBe('红河县教育工作会议召开');
      // So does a speech's headline, which its subtitle names.
      const speech = ingest(`奋力争先 推动红河教育高质量发展\n——在2031年全县教育工作会议上的报告\n${sentence}`);
      expect(speech.documents[0]).toMatchObject({ title: '奋力争先 推动红河教育高质量发展', type: '报告' });
    },
  );

  it.each([
    [
      'Hans',
      '【达旗教育】达拉特旗召开2031年教育工作会议',
      '张三',
      '2031年达拉特旗教育会议胜利召开',
      '3月16日上午,2031年全旗教育工作会议在旗一中召开。教育局局长作了讲话。',
      '达拉特旗召开2031年教育工作会议',
    ],
    [
      'Hant',
      '【達旗教育】達拉特旗召開2031年教育工作會議',
      '張三',
      '2031年達拉特旗教育會議勝利召開',
      '3月16日上午,2031年全旗教育工作會議在旗一中召開。教育局局長作了講話。',
      '達拉特旗召開2031年教育工作會議',
    ],
  ])(
    'drops a 【column】 tag and keeps the top headline over a caption below it (%s)',
    (_zh, tagged, author, caption, text, title) => {
      const r = ingest([tagged, author, caption, text, '会议由书记主持。'].join('\n'));
      expect(r.documents).toHaveLength(1);
      expect(r.documents[0]).toMatchObject({ title, place: '达拉特旗', year: 2031, type: '会议报道' });
    },
  );

  it.each([
    [
      'Hans',
      '5月20日,红河县义务教育均衡发展现场推进暨教育工作会议召开。副县长出席会议。',
      '全县义务教育均衡发展现场推进暨教育工作会议召开',
      '红河县义务教育均衡发展现场推进暨教育工作会议召开',
    ],
    [
      'Hant',
      '5月20日,紅河縣義務教育均衡發展現場推進暨教育工作會議召開\uFFFD委常委、副縣長出席會議。',
      '全縣義務教育均衡發展現場推進暨教育工作會議召開',
      '紅河縣義務教育均衡發展現場推進暨教育工作會議召開',
    ],
  ])(
    'a caption below the text loses to the first sentence naming the same meeting, in the sentence’s words (%s)',
    (_zh, sentence, caption, title) => {
      const r = ingest([sentence, '下载附件', caption, '2031-5-21 19:51 上传', '会议强调,要推进优质均衡。'].join('\n'));
      expect(r.documents).toHaveLength(1);
      expect(r.documents[0]).toMatchObject({ title, place: '红河县', type: '会议报道' });
      // Above the text, the same line is the report's headline and keeps its own words.
      const headline = ingest([caption, '2031-5-21 19:51 上传', sentence].join('\n'));
      expect(headline.documents[0].title).toBe(caption);
    },
  );

  it('keeps a caption whose page opens with a sentence about something else', () => {
    const r = ingest(
      [
        '红河县地处云南省南部,辖13个乡镇,总人口30万。',
        '我县召开2031年度履行教育职责督导评估工作汇报会',
        '时间:2032年04月25日',
        '4月24日,我县召开2031年度履行教育职责督导评估工作汇报会。',
      ].join('\n'),
    );
    expect(r.documents[0]).toMatchObject({ title: '我县召开2031年度履行教育职责督导评估工作汇报会', type: '会议报道' });
  });
});

describe('found on holdout-pages-2 after its blind score, as general rules', () => {
  it.each([
    [
      'Hans',
      '红网时刻新闻3月29日讯(通讯员 张三 李四)3月28日上午,红河县召开2031年全县教育工作会议,县委书记出席。',
      '红河县召开2031年全县教育工作会议',
    ],
    [
      'Hant',
      '紅網時刻新聞3月29日訊(通訊員 張三 李四)3月28日上午,紅河縣召開2031年全縣教育工作會議,縣委書記出席。',
      '紅河縣召開2031年全縣教育工作會議',
    ],
  ])('reads past a dateline with its reporters in brackets (%s)', (_zh, sentence, title) => {
    const r = ingest(`${sentence}\n会议强调,要推进优质均衡。`);
    expect(r.documents[0]).toMatchObject({ title, place: '红河县', year: 2031, type: '会议报道' });
  });

  it('keeps a report’s 本网讯 paragraph: it is text, not the site’s chrome', () => {
    const r = ingest(
      '峨山县召开2031年教育工作会议\n发布时间:2031-03-01\n本网讯 2月23日,峨山县召开2031年教育工作会议。\n本站声明:转载请注明出处',
    );
    expect(allText(r)).toBe('本网讯 2月23日,峨山县召开2031年教育工作会议。');
  });

  it.each([
    ['Hans', '峨山县召开2031年教育体育工作会议'],
    ['Hant', '峨山縣召開2031年教育體育工作會議'],
  ])('knows an autonomous county by its everyday name (%s)', (_zh, title) => {
    const r = ingest(`${title}\n2月23日,全县教育系统召开会议,部署2031年工作。`);
    expect(r.documents[0]).toMatchObject({ place: '峨山彝族自治县', placeLevel: 'county' });
    expect(r.documents[0].placeParents).toContain('玉溪');
  });

  it('finds a county-level city that speaks of 全市 by the short name its text uses', () => {
    const r = ingest(
      '1月28日,2031年全市教育工作會議召開,奮力開啟宜都教育現代化新征程。\n會議要求,全市教育工作者要推進教育公平。',
    );
    expect(r.documents[0]).toMatchObject({ title: '2031年全市教育工作會議召開', place: '宜都市', type: '会议报道' });
  });

  it.each([
    ['《宣威市教育事业发展第十六个五年规划(2031—2035)》编制有关解释说明', '解读'],
    ['《宣威市教育事業發展第十六個五年規劃(2031—2035)》編制有關解釋說明', '解读'],
  ])('reads any 说明 of a plan as an explanation: %s', (title, type) => {
    const r = ingest(`${title}\n为科学谋划未来五年的发展蓝图,市教育局牵头编制了规划。`);
    expect(r.documents[0]).toMatchObject({ type, years: [2031, 2035] });
  });

  it.each([
    ['新县庆祝第四十七个教师节暨全县教育工作会议隆重召开', 2031],
    ['新縣慶祝第47個教師節暨全縣教育工作會議隆重召開', 2031],
  ])('dates a 教师节 meeting by the Teachers’ Day it keeps (the first was 1985): %s', (title, year) => {
    const r = ingest(`${title}\n9月7日下午,全县教育工作会议在县会议中心隆重召开。`);
    expect(r.documents[0]).toMatchObject({ year, years: [year, year], type: '会议报道' });
  });
});

describe('found on holdout-pages-3 after its blind score, as general rules', () => {
  it.each([
    [
      'Hans',
      '《宣威市教育事业“十六五”发展规划》已经市政府同意,现印发给你们,请认真组织实施。',
      '宣威市教育事业“十六五”发展规划',
    ],
    [
      'Hant',
      '《宣威市教育事業“十六五”發展規劃》已經市政府同意,現印發給你們,請認真組織實施。',
      '宣威市教育事業“十六五”發展規劃',
    ],
  ])(
    'names a plan by the notice sentence that issues it, run together with the plan on one line (%s)',
    (_zh, notice, title) => {
      const body =
        '二〇三一年三月九日' +
        title +
        '编制并实施教育事业发展规划,是贯彻落实新发展理念的重要举措,是推动教育与经济社会协调发展的必然要求,'.repeat(3) +
        '特制定本规划。';
      const r = ingest(
        `各县(市、区)人民政府,市各委、办、局:\n${notice}${body}\n一、发展基础\n全市教育事业取得长足发展。`,
      );
      expect(r.documents).toHaveLength(1);
      expect(r.documents[0]).toMatchObject({ title, type: '规划', years: [2031, 2035], place: '宣威市' });
      // The line stays text, as the page gives it.
      expect(allText(r)).toContain(`${notice}二〇三一年三月九日`);
    },
  );

  it.each([
    ['宣威市教育事业发展第十六个五年规划', '为全面落实新发展理念,深入实施科教兴市战略,依据有关纲要,特制定本规划。'],
    ['宣威市2031年教育工作要点', '2031年,全市教育系统要以高质量发展为主题,推进优质均衡。'],
    ['宣威市教育事業發展第十六個五年規劃', '為全面落實新發展理念,深入實施科教興市戰略,特制定本規劃。'],
  ])('cuts a title run into its first sentence where the plan’s name ends: %s', (title, sentence) => {
    const r = ingest(`${title}${sentence}一、发展基础\n全市教育事业取得长足发展。`);
    expect(r.documents[0].title).toBe(title);
  });

  it('does not cut a first sentence that only mentions a plan (no place or year opening it)', () => {
    const r = ingest('编制教育规划是一项系统工程,需要广泛听取意见,凝聚各方共识,形成发展合力。\n全市上下要齐心协力。');
    expect(r.documents[0].title).toBe('编制教育规划是一项系统工程,需要广泛听取意见,凝聚各方共识,形成发展合力');
  });

  it.each([
    [
      'Hans',
      '首页 政务服务 教育动态 宣威市召开“十六五”教育事业发展规划编制座谈会',
      '宣威市召开“十六五”教育事业发展规划编制座谈会',
    ],
    [
      'Hant',
      '首頁 政務服務 國土規劃 宣威市召開“十六五”教育事業發展規劃編制座談會',
      '宣威市召開“十六五”教育事業發展規劃編制座談會',
    ],
    ['Hans', '首页 新闻中心 2031年红河县教育工作会议召开', '2031年红河县教育工作会议召开'],
  ])('drops a breadcrumb trail separated by spaces on the headline’s own line (%s)', (_zh, line, title) => {
    const r = ingest(`${line}\n2031-01-28 17:05:13 某某新闻网\n1月27日,会议在市政府召开,与会代表积极建言献策。`);
    expect(r.documents[0].title).toBe(title);
  });

  it('keeps a headline whose phrases are separated by spaces when no home link opens the line', () => {
    const r = ingest('勇担使命 奋勇争先——红河县2031年教育工作会议召开\n2月2日,红河县2031年教育工作会议召开。');
    expect(r.documents[0].title).toBe('勇担使命 奋勇争先——红河县2031年教育工作会议召开');
  });

  it.each([
    [
      '日前,市委教育工委、市教育局召开2031年全市教育工作会议,总结回顾2030年工作,安排部署2031年任务。',
      '2031年全市教育工作会议',
    ],
    ['近日,市教育局召開2031年全市教育工作會議,總結回顧2030年工作。', '2031年全市教育工作會議'],
  ])('passes over a clause that only says when (日前, 近日) to the meeting: %s', (sentence, title) => {
    const r = ingest(`${sentence}\n会议由副局长主持。会议指出,过去一年全市教育系统攻坚克难。`);
    expect(r.documents[0]).toMatchObject({ title, type: '会议报道', year: 2031 });
  });

  it.each([
    [
      'Hans',
      '红网9月11日讯(通讯员',
      '张三)9月8日上午,红河县2031年教育大会在县人民会堂召开。县领导出席会议。',
      '红河县2031年教育大会',
    ],
    [
      'Hant',
      '紅網9月11日訊(通訊員',
      '張三)9月8日上午,紅河縣2031年教育大會在縣人民會堂召開。縣領導出席會議。',
      '紅河縣2031年教育大會',
    ],
  ])('reads a dateline whose reporters’ bracket the page broke across a line (%s)', (_zh, first, second, title) => {
    const r = ingest(`${first}\n${second}\n会议指出,近年来全县教育事业取得长足发展。`);
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({ title, place: '红河县', year: 2031, type: '会议报道' });
  });

  it.each([
    [
      '为统筹部署2031年全区教育体育工作,切实推动全区教育工作稳步向前发展,2月21日,红河县召开2031年中小学春季开学工作会。',
      '红河县召开2031年中小学春季开学工作会',
    ],
    ['為進一步做好新學期工作,3月1日上午,縣教育局召開2031年春季開學工作會議,全體幹部參加。', '2031年春季開學工作會議'],
  ])('prefers the meeting clause after a purpose clause: %s', (sentence, title) => {
    const r = ingest(`${sentence}\n会上,传达学习了上级会议精神。`);
    expect(r.documents[0]).toMatchObject({ title, type: '会议报道', year: 2031 });
  });

  it.each([
    ['市教育局2031年重点工作目标任务1-12月完成情况', '工作总结'],
    ['宣威市教育局2031年全年重点工作完成情况', '工作总结'],
    ['市教育局2031年重点工作目标任务1-6月完成情况', 'other'],
    ['宣威市教育局2031年上半年工作落实情况', 'other'],
  ])('reads a whole year’s 完成情况 as that year’s summary: %s → %s', (title, type) => {
    const r = ingest(`${title}\n一、教育优质均衡发展\n全年新增学位3000个,完成年度目标的100%。`);
    expect(r.documents[0]).toMatchObject({ type, year: 2031, years: [2031, 2031] });
  });

  it.each([
    ['宣威市2031年教育工作意见', '工作要点'],
    ['宣威市2031年教育工作意見', '工作要点'],
    ['关于2031年全市教育工作的意见', '工作要点'],
    ['宣威市关于推进2031年教育强市建设的实施意见', 'other'],
    ['宣威市教育局关于加强中小学教师队伍建设的指导意见', 'other'],
  ])('reads a year’s 工作意见 as that year’s work points, not a policy’s 意见: %s → %s', (title, type) => {
    const r = ingest(`${title}\n2031年,是落实规划的关键之年。全市教育系统要全面贯彻党的教育方针。`);
    expect(r.documents[0].type).toBe(type);
  });

  it.each([
    ['Hans', '【议题解读】关于《宣威市教育事业发展“十六五”规划》', '关于《宣威市教育事业发展“十六五”规划》'],
    ['Hant', '【議題解讀】關於《宣威市教育事業發展“十六五”規劃》', '關於《宣威市教育事業發展“十六五”規劃》'],
  ])('still reads a 解读 when only the title’s column tag says so (%s)', (_zh, line, title) => {
    const r = ingest(`标题: ${line}\n${line}\n一、起草目的\n以人民满意为根本目的,全面打造教育品牌。`);
    expect(r.documents[0]).toMatchObject({ title, type: '解读', years: [2031, 2035] });
  });

  it.each([
    ['宣威市召开“十六五”教育事业发展规划编制座谈会', '2032-01-28 17:05:13 某某新闻网\n', 2032],
    ['宣威市召開“十六五”教育事業發展規劃編制座談會', '', 2031],
    ['宣威市教育事业发展规划(2031—2035年)专家评审会召开', '2030-12-20 09:00 某某新闻网\n', 2030],
  ])('dates a meeting about a plan by the meeting, not by the plan’s term: %s', (title, dateline, year) => {
    const r = ingest(`${title}\n${dateline}27日,会议在市政府召开,与会代表就规划积极建言献策。`);
    expect(r.documents[0]).toMatchObject({ type: '会议报道', year, years: [year, year] });
  });
});

describe('the type', () => {
  it.each([
    ['2031年全县教育工作会议召开', '会议报道'],
    ['市教育局召开2031年度工作总结会', '会议报道'],
    ['红河县召开2031年教育体育工作动员会', '会议报道'],
    ['《宣威市2031年教育工作要点》政策解读', '解读'],
    ['关于《宣威市“十四五”教育事业发展规划》的起草说明', '解读'],
    ['2031年对市级人民政府履行教育职责评价报告', '报告'],
    ['宣威市教育局2031年工作报告', '报告'],
    ['宣威市“十四五”教育事业发展规划', '规划'],
    ['宣威市2031年教育工作要点', '工作要点'],
    ['宣威市教育局2031年工作总结', '工作总结'],
    ['宣威市教育强市建设实施意见', 'other'],
    // A press conference's questions and answers on a plan interpret it, like a 政策解读.
    ['宣威市教育局负责人就《2031年教育工作要点》答记者问', '解读'],
    ['宣威市教育局負責人就《2031年教育工作要點》答記者問', '解读'],
    ['宣威市2031年教育工作要点新闻发布会答问', '解读'],
    ['宣威市教育局召开《2031年教育工作要点》新闻发布会', '解读'],
    // A yearly 工作计划 (a year's, a school year's) is a yearly plan; a multi-year one is a 规划.
    ['宣威市第一中学2031—2032学年度工作计划', '工作要点'],
    ['宣威市第一中學2031—2032學年度工作計劃', '工作要点'],
    ['宣威市教育局2031年工作计划', '工作要点'],
    ['宣威市2031—2035年教育事业发展计划', '规划'],
    ['宣威市学前教育三年行动计划', '规划'],
  ])('%s → %s', (title, type) => {
    expect(ingest(`${title}\n2031年,全市教育系统认真贯彻落实各项部署,取得了新成绩。`).documents[0].type).toBe(type);
  });

  it('reads an explanation without a headline by its opening and the plan it explains', () => {
    const r = ingest(
      [
        '一、起草背景和意義',
        '“十四五”時期(2021—2025年)是全縣教育高質量發展的關鍵時期。《宣威市教育事業發展“十四五”規劃》(以下簡稱《規劃》),根據上級規劃編制。',
        '二、編制過程',
      ].join('\n'),
    );
    expect(r.documents[0]).toMatchObject({
      title: '宣威市教育事業發展“十四五”規劃',
      type: '解读',
      place: '宣威市',
      years: [2021, 2025],
    });
  });
});

describe('noise', () => {
  it('removes pinyin annotations of machine-converted pages and keeps real parentheses', () => {
    const text =
      '認(rèn)真落實(shí)立德樹人根本任務(wù)(2031年),學校(含民辦)要按(a)類執行,社會(huì )主義建設者(按規定)。';
    expect(removePinyinAnnotations(text)).toBe(
      '認真落實立德樹人根本任務(2031年),學校(含民辦)要按(a)類執行,社會主義建設者(按規定)。',
    );
    // Not after a Han character, or not a toned syllable: not an annotation.
    expect(removePinyinAnnotations('Café (é) 和 Wi-Fi(wifi) 与 教育(de)')).toBe('Café (é) 和 Wi-Fi(wifi) 与 教育(de)');
    const r = ingest('2031年全縣教育工作要點\n一、認(rèn)真貫徹落實(shí)黨的教育方針(2031年),辦好人民滿意的教育。');
    expect(allText(r)).toBe('一、認真貫徹落實黨的教育方針(2031年),辦好人民滿意的教育。');
    expect(r.noise.pinyinAnnotations).toBe(2);
  });

  it('removes markdown image links and raw HTML at the top of a page', () => {
    const r = ingest(
      [
        '<legend id="h4sia"></legend><samp id="h4sia"></samp>',
        '  • <input id="h4sia"><address id="h4sia"></address>',
        '    1. <blockquote id="h4sia"><rt id="h4sia"></rt></blockquote>',
        '![](https://img.example.cn/attachment/2031/02-22/ce2c4c66.)',
        '当前位置:首页',
        '> 政务公开 > 政务动态',
        '红河县召开2031年教育工作会议',
        '2月21日,红河县召开2031年教育工作会议,总结2030年工作。',
      ].join('\n'),
    );
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0].title).toBe('红河县召开2031年教育工作会议');
    expect(allText(r)).toBe('2月21日,红河县召开2031年教育工作会议,总结2030年工作。');
  });

  it('removes spaces inside words and around full-width punctuation, but not between a heading’s phrases', () => {
    expect(
      removeStraySpaces('为深入贯彻国家规划,全面提 升教育教学质量,努力办好人 民满意的教育 ,根据规划制定本规划。'),
    ).toBe('为深入贯彻国家规划,全面提升教育教学质量,努力办好人民满意的教育,根据规划制定本规划。');
    expect(removeStraySpaces('是我國在全面建成小康社會 、 實現第 一個百年奮斗目標之后 ,乘勢而上的第 一個五 年。')).toBe(
      '是我國在全面建成小康社會、實現第一個百年奮斗目標之后,乘勢而上的第一個五年。',
    );
    const quoted = '局长作了题为《以立德树人为根本 以教育质量为核心》的讲话,会议由书记主持,全体干部参加了会议。';
    expect(removeStraySpaces(quoted)).toBe(quoted);
    const lines = cleanText('深化改革 突破创新 全面提升教育的整体水平', 'text').lines;
    expect(lines[0].text).toBe('深化改革 突破创新 全面提升教育的整体水平');
  });

  it('drops a news page’s review chain and its list of other stories below the report', () => {
    const r = ingest(
      [
        '2月2日下午,我市召开了2031年全市教育工作会议,会议总结了2030年教育工作。',
        '会议要求,必须始终坚持教育优先发展,为“五个醴陵”建设提供强有力的人才支撑。',
        '一审:赵娟',
        '三审:谷希成',
        '责编:许文婷',
        '来源:醴陵市融媒体中心',
        '市卫健系统党员干部热议全会精神',
        '醴陵:乡镇联动齐发力 织密农村交通“安全网”',
        '相机里的温情!河坪村为60余名留守老人免费拍照留影',
      ].join('\n'),
    );
    expect(r.documents[0]).toMatchObject({ title: '2031年全市教育工作会议', place: '醴陵市', type: '会议报道' });
    expect(allText(r)).toBe(
      '2月2日下午,我市召开了2031年全市教育工作会议,会议总结了2030年教育工作。\n' +
        '会议要求,必须始终坚持教育优先发展,为“五个醴陵”建设提供强有力的人才支撑。',
    );
    // Below a notice's closing block, an attachment with sentences is text.
    const attached = ingest(
      [
        '2031年泸定县教育工作要点',
        '一、总体要求。坚持立德树人。',
        '来源:泸定县教育局',
        '附件',
        '泸定县教育重点项目表',
        '新建幼儿园3所,改扩建学校5所。',
      ].join('\n'),
    );
    expect(allText(attached)).toContain('新建幼儿园3所,改扩建学校5所。');
  });

  it('leaves doubled punctuation as it is: quotes stay verbatim', () => {
    const r = ingest('2031年教育工作要點\n2031年,,我市教育敢為人先、一馬當先,、奮勇爭先,,率先實施改革。');
    expect(allText(r)).toBe('2031年,,我市教育敢為人先、一馬當先,、奮勇爭先,,率先實施改革。');
  });

  it('keeps chunk offsets into the cleaned text', () => {
    const r = ingest(
      '本市動(dòng)態(tài)\n3月14日,眉縣召開2031年全縣教育體(tǐ)育工作會(huì)議,會(huì)議由副縣長主持。\n會(huì)上,表彰了先進單位。',
    );
    const [doc] = r.documents;
    for (const c of r.chunks) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
    expect(doc.text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+ ?\)/);
  });
});
