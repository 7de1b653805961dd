import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/ingest/clean.js';
import { ingestFile, type IngestedFile } from '../../src/ingest/documents.js';
import { loadCorpus } from '../../src/ingest/load.js';
import { GARBLED, repairLatin1, repairMojibake } from '../../src/ingest/mojibake.js';
import { bundledChunks, tempDir } from '../helpers/corpus.js';

const EMOJI = /[\p{Extended_Pictographic}\u200d\ufe0f]/u;

describe('cleaning the bundled corpus', () => {
  it('leaves no emoji, HTML, menu, chrome or spam in any chunk', async () => {
    const chunks = await bundledChunks();
    expect(chunks.length).toBeGreaterThan(100);
    for (const c of chunks) {
      expect(c.text, c.id).not.toMatch(EMOJI);
      expect(c.text, c.id).not.toMatch(/<\/?[a-z][^>]*>/i);
      // Known noise in these files: menus, breadcrumbs, page chrome, share prompts, spam, ad lines.
      expect(c.text, c.id).not.toMatch(
        /當前位置|上一篇|下一篇|相關熱詞|推薦訪問|字体大小|扫一扫|微信扫码|领取福利|毛片|傲世皇朝|SUCAI198|勤學考試網|\[j1\]|2019close\.png/,
      );
      expect(c.text.trim(), c.id).not.toMatch(/^(領導講話|工作總結|心得體會|考試時間|范文大全)$/);
    }
  });

  it('keeps the body verbatim: same script, same punctuation', async () => {
    const chunks = await bundledChunks();
    const all = chunks.map((c) => c.text).join('\n');
    expect(all).toContain('力爭普惠性幼兒園覆蓋率達到90%');
    expect(all).toContain('中职毕业生就业率达97%以上');
    // The spam brand pasted into a sentence is gone; the sentence around it stays.
    expect(all).toContain('全面推進落實省政府《開展“一帶一路”教育行動合作備忘錄》');
  });

  it('marks mojibake that cannot be repaired instead of passing it off as text', async () => {
    const chunks = await bundledChunks();
    const garbled = chunks.filter((c) => c.garbled);
    expect(garbled.length).toBeGreaterThan(0);
    expect(garbled.map((c) => c.text).join('')).not.toMatch(/茖W|螀|皫锩/);
  });
});

describe('cleaning synthetic noise', () => {
  it('removes emoji, tags, menus, breadcrumbs, share prompts, counters and spam', () => {
    const raw = [
      '<div class="nav"><ul><li>首页</li><li>新闻</li><li>公告</li><li>政策</li></ul></div>',
      '您现在的位置：首页 > 教育新闻 > 正文',
      '<p>2030年全县教育工作要点</p>',
      '发布时间：2030-01-05 浏览次数：1234',
      '一、推进🚀学前教育普惠发展👩‍🏫',
      '1.新建幼儿园5所。确保普惠率达到95%。<br>',
      '分享到：微信 微博 QQ空间',
      '上一篇：某某新闻',
      '澳门葡京赌场在线注册送彩金 百家乐',
      '12345',
    ].join('\n');
    const cleaned = cleanText(raw, 'html');
    const body = cleaned.lines.filter((l) => l.kind === 'body').map((l) => l.text);
    expect(body).toEqual([
      '2030年全县教育工作要点',
      '一、推进学前教育普惠发展',
      '1.新建幼儿园5所。确保普惠率达到95%。',
    ]);
    expect(cleaned.lines.find((l) => l.kind === 'meta')?.text).toMatch(/^发布时间/);
    expect(cleaned.noise.emoji).toBeGreaterThanOrEqual(3);
    expect(cleaned.noise.spamLines).toBe(1);
  });

  it('repairs UTF-8 that was decoded as GBK when the bytes survive', async () => {
    const iconv = (await import('iconv-lite')).default;
    // A phrase whose UTF-8 bytes all survive a GBK decoding (many lose a byte, which cannot be repaired).
    const survives = (s: string) =>
      iconv.encode(iconv.decode(Buffer.from(s, 'utf8'), 'gbk'), 'gbk').equals(Buffer.from(s, 'utf8'));
    const original = [
      '全面推进教育现代化建设',
      '推进教育现代化',
      '加快建设教育强国',
      '深化教育评价改革',
      '办好人民满意的教育',
      '落实立德树人根本任务',
    ].find(survives)!;
    expect(original).toBeDefined();
    const garbled = iconv.decode(Buffer.from(original, 'utf8'), 'gbk');
    const repaired = repairMojibake(`总体要求：${garbled}。`);
    expect(repaired.text).toBe(`总体要求：${original}。`);
    expect(repaired.repaired).toBe(1);
  });

  it('repairs UTF-8 that was decoded as Latin-1 / Windows-1252', async () => {
    const iconv = (await import('iconv-lite')).default;
    const garbled = iconv.decode(Buffer.from('推进教育现代化', 'utf8'), 'windows-1252');
    expect(repairMojibake(`1.${garbled}。`)).toMatchObject({ text: '1.推进教育现代化。', repaired: 1 });
    expect(repairMojibake('Café and naïve stay as they are.').text).toBe('Café and naïve stay as they are.');
  });

  it('drops promotion lines but keeps plan sentences that mention the same words', () => {
    const cleaned = cleanText(
      '关注公众号，免费领取资料\n1.用好微信公众号，加强家校沟通。\n本站部分文章来源于网络',
      'text',
    );
    expect(cleaned.lines.map((l) => l.text)).toEqual(['1.用好微信公众号，加强家校沟通。']);
  });

  it('leaves ordinary text with a few rare characters alone', () => {
    const line = '加大对泸溪县的支持，推进荔湾区增滘小学建设，巩固控辍保学成果。';
    expect(repairMojibake(line)).toEqual({ text: line, repaired: 0, marked: 0 });
  });
});

describe('text whose bytes were read as Latin-1 / Windows-1252', () => {
  /** A plan as a site that decoded its bytes wrongly served it, saved as UTF-8 and read from a real file. */
  async function ingestSaved(text: string): Promise<IngestedFile> {
    const corpus = tempDir('plans-latin1-');
    writeFileSync(join(corpus, 'plan.txt'), text, 'utf8');
    const { files, problems } = await loadCorpus(corpus, { maxFileBytes: 1 << 24 });
    expect(problems).toEqual([]);
    return ingestFile(files[0]);
  }
  const reading = (r: IngestedFile) => ({
    documents: r.documents.map((d) => [d.title, d.place, d.year, d.type]),
    chunks: r.chunks.map((c) => c.text),
  });
  const original = async (file: string) => {
    const text = readFileSync(`corpus/${file}`, 'utf8');
    return { text, reading: reading(await ingestSaved(text)) };
  };
  // 003: simplified script; 001: traditional; 004: a page with site chrome.
  const PLANS = ['003_68e4817491ed8267.txt', '001_bd21d4014cef2a4c.txt', '004_10dafd72f5573692.txt'];
  const LATIN1_DEBRIS = /[\u00c0-\u00ff][\u0080-\u00ff]/;

  it.each(PLANS)(
    'UTF-8 shown as Windows-1252 (C1 controls kept) reads as the plan, title included: %s',
    async (file) => {
      const plan = await original(file);
      const shown = new TextDecoder('windows-1252').decode(Buffer.from(plan.text, 'utf8'));
      expect(shown.slice(0, 200)).toMatch(LATIN1_DEBRIS);
      expect(reading(await ingestSaved(shown))).toEqual(plan.reading);
    },
  );

  it.each(PLANS.slice(0, 1).concat(PLANS.slice(2)))('GBK shown as Latin-1 reads as the plan: %s', async (file) => {
    const plan = await original(file);
    const shown = iconv.decode(iconv.encode(plan.text, 'gbk'), 'latin1');
    expect(reading(await ingestSaved(shown))).toEqual(plan.reading);
  });

  it.each(PLANS)(
    'UTF-8 shown with its undefined bytes lost (U+FFFD): same title and metadata, the rest repaired or marked: %s',
    async (file) => {
      const plan = await original(file);
      const shown = iconv.decode(Buffer.from(plan.text, 'utf8'), 'windows-1252');
      expect(shown).toContain('\uFFFD');
      const r = await ingestSaved(shown);
      expect(reading(r).documents).toEqual(plan.reading.documents);
      for (const c of r.chunks) {
        expect(c.text, c.id).not.toMatch(LATIN1_DEBRIS);
        // A character that could have been several stays U+FFFD: such a paragraph is never quoted.
        expect(c.garbled, c.id).toBe(c.text.includes(GARBLED));
      }
      const text = r.chunks.map((c) => c.text).join('');
      expect(text.split(GARBLED).length - 1).toBeLessThan(text.length * 0.03);
    },
  );

  it('repairs a metadata block’s 标题 line, which names the document', () => {
    const shown = (s: string) => new TextDecoder('windows-1252').decode(Buffer.from(s, 'utf8'));
    const r = ingestFile({
      file: 'page.txt',
      format: 'text',
      encoding: 'utf-8',
      sha256: 'x',
      text: [
        `标题：${shown('绵竹市教育局2031年教育工作要点')}`,
        '发布时间：2031-02-01',
        '一、总体要求',
        '1.坚持立德树人，办好人民满意的教育。',
      ].join('\n'),
    });
    expect(r.documents.map((d) => [d.title, d.place, d.year, d.type])).toEqual([
      ['绵竹市教育局2031年教育工作要点', '绵竹市', 2031, '工作要点'],
    ]);
  });

  it('leaves Latin text, and every line of the bundled corpus and the evaluation pages, as it is', () => {
    for (const line of ['Café, naïve, Ångström — façade “déjà vu” · 3×4 ±1 ½ µm', 'ÀÉÎÕ Über Straße'])
      expect(repairLatin1(line)).toEqual({ text: line, repaired: 0, marked: 0 });
    for (const dir of ['corpus', 'eval/unseen/docs', 'eval/holdout-pages/docs', 'eval/holdout-pages-2/docs'])
      for (const file of readdirSync(dir))
        for (const line of readFileSync(join(dir, file), 'utf8').split('\n'))
          expect(repairLatin1(line).text, `${dir}/${file}`).toBe(line);
  });
});

describe('control characters and terminal escapes', () => {
  it('are removed from titles and paragraphs read from a real file; tabs and line breaks keep their meaning', async () => {
    const corpus = tempDir('plans-controls-');
    const lines = [
      '\x1b[1;31m绵竹市教育局2031年教育工作要点\x1b[0m\x07',
      '发布时间：2031-02-01\x00',
      '一、总体要求\x1b]0;terminal title\x07',
      '1.坚持立德树人，\x1b[32m办好人民满意的教育\x1b[m。\x0b2.新建学校\x003所，\x1b[2K新增学位1800个。',
      '\x0c3.加强教师队伍建设\x08，培训教师\x85\x9b3000人次。\u20284.培训\t校长200人。&#7;',
    ];
    writeFileSync(join(corpus, 'plan.txt'), lines.join('\n'));
    writeFileSync(join(corpus, 'page.html'), `<p>${lines.join('</p><p>')}&#1114112;&#xD800;</p>`);
    const { files, problems } = await loadCorpus(corpus, { maxFileBytes: 1 << 24 });
    expect(problems).toEqual([]);
    expect(files).toHaveLength(2);
    for (const file of files) {
      const r = ingestFile(file);
      expect(
        r.documents.map((d) => [d.title, d.place, d.year, d.type]),
        file.file,
      ).toEqual([['绵竹市教育局2031年教育工作要点', '绵竹市', 2031, '工作要点']]);
      expect(
        r.chunks.map((c) => c.text),
        file.file,
      ).toEqual([
        '1.坚持立德树人，办好人民满意的教育。',
        '2.新建学校3所，新增学位1800个。',
        '3.加强教师队伍建设，培训教师3000人次。',
        '4.培训\t校长200人。',
      ]);
      expect(r.documents[0].text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
      expect(r.noise.controlChars, file.file).toBeGreaterThan(5);
    }
  });
});
