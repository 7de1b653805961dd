// Clean: turn a raw page into body lines and metadata lines, by general rules only.
// Noise (HTML, emoji, site chrome, spam) is removed; the body keeps its own script and punctuation,
// so that quotes taken from it stay verbatim.
import { repairGbkMojibake, repairLatin1 } from './mojibake.js';

export type LineKind = 'body' | 'meta';
export type CleanLine = { text: string; kind: LineKind };
export type NoiseCounts = {
  htmlTags: number;
  emoji: number;
  chromeLines: number;
  spamLines: number;
  spamPhrases: number;
  annotationMarks: number;
  mojibakeRepaired: number;
  mojibakeMarked: number;
  /** Pinyin that machine-converted pages put after characters: 認(rèn)真. */
  pinyinAnnotations: number;
  /** Markdown image links and other markup left in a page's text. */
  markup: number;
  /** Spaces inside words or around full-width punctuation (line-wrap and typesetting debris). */
  straySpaces: number;
  /** Terminal colour codes (ESC [31m) and control characters (NUL, BEL, C1 controls) in the text. */
  controlChars: number;
};
export type CleanedFile = { lines: CleanLine[]; noise: NoiseCounts };

export const emptyNoise = (): NoiseCounts => ({
  htmlTags: 0,
  emoji: 0,
  chromeLines: 0,
  spamLines: 0,
  spamPhrases: 0,
  annotationMarks: 0,
  mojibakeRepaired: 0,
  mojibakeMarked: 0,
  pinyinAnnotations: 0,
  markup: 0,
  straySpaces: 0,
  controlChars: 0,
});

// Pictographs, emoji modifiers and joiners, and the symbol blocks that decorate spam; keeps circled
// and dingbat numbers (① ❶), which plans use as list markers.
const EMOJI =
  /(?![\u2460-\u24ff\u2776-\u2793])[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f\u20e3\u{e0020}-\u{e007f}\u2600-\u27bf\u2b00-\u2bff\u{1f000}-\u{1faff}]/gu;

// Labels of a page's metadata block and bylines, in both scripts. Sites pad labels to one width with
// spaces ("标       题:", "索  引  号:"), so spaces between a label's characters are allowed.
const META_LABELS = [
  ...['文章来源', '文章來源', '信息来源', '信息來源', '来源', '來源', '稿源', '发布时间', '發布時間', '发布日期'],
  ...['發布日期', '发表时间', '發表時間', '时间', '時間', '日期', '发文机关', '發文機關', '发证机关', '發證機關'],
  ...['发布机构', '發布機構', '发文机构', '發文機構', '发文单位', '發文單位', '发文字号', '發文字號', '发文编号'],
  ...['發文編號', '文号', '文號', '索引号', '索引號', '学段', '學段', '政策发布日期', '政策發布日期', '成文日期'],
  ...['成文时间', '成文時間', '主题分类', '主題分類', '责任编辑', '責任編輯', '编辑', '編輯', '作者', '记者', '記者'],
  ...['通讯员', '通訊員', '供稿', '摄影', '攝影', '审核', '審核', '公开主体', '公開主體', '公开日期', '公開日期'],
  ...['公开方式', '公開方式', '公开目录', '公開目錄', '概述', '标题', '標題', '组配分类', '組配分類', '信息分类'],
  ...['信息分類', '废止日期', '廢止日期', '有效性', '公文时效', '公文時效', '印发机关', '印發機關', '印发时间'],
  ...['印發時間', '中文名', '文种', '文種', '附件'],
  // A news site's review chain and editor: 一审:…, 二审:…, 三审:…, 责编:….
  ...['一审', '一審', '二审', '二審', '三审', '三審', '初审', '初審', '复审', '複審', '终审', '終審', '责编', '責編'],
];
// Labels long or distinctive enough to be recognised with a space instead of a colon ("索引号 1378…").
const SPACED_LABELS = ['索引号', '索引號', '发布机构', '發布機構', '发文机构', '發文機構', '发布日期', '發布日期'];
const SPACED_LABELS_MORE = ['成文日期', '公开方式', '公開方式', '公开目录', '公開目錄', '发文字号', '發文字號', '标题'];
// 發布 is also written 發佈 in traditional script.
const spread = (labels: string[]) =>
  labels.map((l) => [...l].map((c) => (c === '布' ? '[布佈]' : c)).join('[ \\t\\u3000]*')).join('|');
const META_LABEL = new RegExp(`^[-•·*\\s]*(${spread(META_LABELS)})[ \\t\\u3000]*[:：]`);
const META_LABEL_SPACED = new RegExp(
  `^[-•·*\\s]*(${spread([...SPACED_LABELS, ...SPACED_LABELS_MORE, '標題'])})[ \\t\\u3000]+[^\\s:：]`,
);
// The 标题 field of a metadata line. A block may be one line ("索 引 号:… 发布日期:… 标  题:X"): the title
// runs from its label to the next label or the line's end.
const TITLE_FIELD = new RegExp(
  `(?:^[-•·*\\s]*|[ \\t\\u3000])(?:${spread(['标题', '標題'])})[ \\t\\u3000]*[:：]?[ \\t\\u3000]*(.+)$`,
);
const NEXT_FIELD = new RegExp(`[ \\t\\u3000]+(?:${spread(META_LABELS)})[ \\t\\u3000]*[:：]`);

/** The title a metadata line gives, if it has a 标题 field. */
export function metaTitle(line: string): string | undefined {
  const value = line.match(TITLE_FIELD)?.[1];
  const title = value?.split(NEXT_FIELD)[0].trim();
  return title || undefined;
}
// A date on its own line, also in parentheses, run together ("20221月26"), or opening a dateline
// ("2014-03-14   来源:记者站").
const DATE_ONLY =
  /^[-•·*\s]*[(（]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[)）]?(\s+\d{1,2}:\d{2}(:\d{2})?)?$|^\d{4}\d{1,2}月\d{1,2}日?$/;
const DATELINE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s+[^。；，,]{0,60}$/;
// "(此件公开发布)": a notice's publication mark.
const PUBLICATION_MARK = /^[(（]此件[^()（）]{1,8}[)）]$/;
// Template sites open with "下面是小编为大家整理的<page title>,供大家参考。": the page's title, not its text.
const TEMPLATE_INTRO =
  /^(?:下面|以下)是小[编編](?:为|為)大家(?:精心)?(?:整理|收集|搜集|準備|准备)的(.{4,80}?)[,，]\s*(?:供大家参考|供大家參考|仅供参考|僅供參考|希望对|希望對|欢迎|歡迎)/;

// Document-sharing sites introduce the file they show: "《X.docx》由会员分享,可在线阅读,更多相关《X.docx(2页珍藏版)》
// 请在优知文库上搜索。", or list its page images ("X_第1頁", "X_第2頁"): X is the page's title.
const SHARED_FILE_INTRO =
  /^《([^《》]{4,80}?)(?:\.(?:docx?|pdf|pptx?|wps|txt))?》(?:由|是由)(?:会员|會員|用户|用戶|网友|網友)(?:分享|上传|上傳|提供)/i;
const SHARED_PAGE_IMAGE = /^([^《》]{4,80}?)\s*[_＿]\s*第\s*\d{1,3}\s*[页頁]$/;

const CHROME: RegExp[] = [
  /^(当前位置|當前位置|您现在的位置|您現在的位置|您当前的位置|您當前的位置|您的位置|所在位置|首页\s*>|首頁\s*>)/,
  /^[>›»]\s*\S/, // the rest of a breadcrumb trail: "> 政务公开 > 政务动态"
  /^(分享|分享到)[:：]?$/,
  /^([一二三四五六七八九十\d]{1,3}[.．、]|[•·●▪■◆◇○►▶*-])$/, // a list marker with nothing after it
  /^(上一篇|下一篇|上一条|下一条|上一條|下一條|上一页|下一页|上一頁|下一頁)/,
  /(分享到|扫一扫|掃一掃|扫码|掃碼|二维码|二維碼|微信扫|微信掃|关注我们|關注我們|在手机打开|在手機打開)/,
  /(字体大小|字體大小|字号[:：]|字號[:：]|关闭窗口|關閉窗口|加入收藏|设为首页|設為首頁|返回顶部|返回頂部|打印本页|打印本頁)/,
  /^(相关文档|相關文檔|相关热词|相關熱詞|相关阅读|相關閱讀|相关链接|相關鏈接|相关文章|相關文章|推荐访问|推薦訪問|推荐阅读|推薦閱讀|热门文章|熱門文章|友情链接|友情鏈接|猜你喜欢|猜你喜歡)/,
  /(阅读次数|閱讀次數|阅读量|閱讀量|浏览量|瀏覽量|浏览次数|瀏覽次數|点击数|點擊數|本文已影响|本文已影響|预计阅读时长|預計閱讀時長|共计\d+个字|共計\d+個字)/,
  /^(网站地图|網站地圖|版权所有|版權所有|copyright|主办单位|主辦單位|承办单位|承辦單位|联系我们|聯繫我們)/i,
  /icp备|icp備|公网安备|公網安備/i,
  /(领取福利|領取福利)/,
  // A site's notice to its visitors (温馨提示:网站改造…), not the page's text.
  /^(温馨提示|溫馨提示|友情提示|網站提示|网站提示)[:：]/,
  // A document-sharing site's buttons and terms around the text it shows (下载文档, 本文档由用户上传…).
  /^(下载文档|下載文檔|收藏\s*分享|网站客服|網站客服)/,
  /^(ID|大小|页数|頁數|格式|文档编号|文檔編號|上传时间|上傳時間)[:：]\s*\S{1,20}$/i,
  // Its keywords, spaced out under the file name: "2023 教育局 上半年 工作情况 总结".
  // (Words or a year only: a table's row has figures.)
  /^(?:(?:\p{Script=Han}{1,6}|(?:19|20)\d{2})[ \u3000]+){3,}\p{Script=Han}{1,6}$/u,
  /(本文[档檔]由用[户戶](?:上[传傳]|提供)|文件下[载載][后後][无無]此[问問]题|文件下載後無此問題|下[载載]前[请請]仔[细細][阅閱][读讀]|付[费費]完成[后後]未能成功下[载載]|版[权權][归歸][属屬]用[户戶])/,
  /^(下载本文档|下載本文檔|文档简介|文檔簡介|文档介绍|文檔介紹)$/,
  /^(已阅读|已閱讀)\d+[页頁]/, // "已閱讀5頁,還剩3頁未讀, 繼續免費閱讀"
  // 本站声明 is chrome; 本网讯 opens a report's first paragraph.
  /^(免责声明|免責聲明|本站(?![讯訊])|本网(?![讯訊])|本網(?![讯訊])|联系客服|聯繫客服|在线客服|在線客服|下载APP|下載APP|登录\s*[|｜/]\s*注册|登錄\s*[|｜/]\s*註冊)/i,
  /\.(png|jpe?g|gif|svg|webp)\b/i,
  /^[\d\s/第页頁共]+$/, // page counters: "221381", "第2/3页"
  /^[-•·*\s]*無具體說明的有效期$|^[-•·*\s]*无具体说明的有效期$/,
];

const SPAM =
  /(黄色|黃色|毛片|一级大片|一級大片|成人视频|成人視頻|\bav\b|av不卡|在线观看|在線觀看|免费视频|免費視頻|博彩|赌场|賭場|娱乐城|娛樂城|六合彩|时时彩|時時彩|百家乐|百家樂|真人视讯|真人視訊|代开发票|代開發票|办证|辦證|裸聊|约炮|約炮|援交|威尼斯人|葡京)/gi;
// A spam brand pasted into a sentence: two characters of brand, a gambling word, a platform word.
const SPAM_PHRASE =
  /\p{Script=Han}{2}(?:皇朝|娱乐|娛樂|博彩|棋牌|彩票)(?:平台|平臺|官网|官網|注册|註冊|登录|登錄)[、，,]?/gu;
// Word-processor comment anchors left in exported text, e.g. "[j1]".
const ANNOTATION = /\[[a-z]{1,2}\d{1,3}\]/g;

const SENTENCE_PUNCT = /[。；;！!？?，,：:]/;

// Markdown image links that pages carry over from their source: ![](https://…/photo.jpg)
const MARKDOWN_IMAGE = /!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)/g;

// Machine-converted pages follow some characters with their pinyin: 認(rèn)真, 動(dòng)態(tài), 社會(huì )主義.
// Only a single lowercase syllable with a tone mark, in parentheses, right after a Han character
// (or after the last letter of a garbled character) is such an annotation; real parentheses stay.
const PINYIN_ANNOTATION =
  /[(（]\s?((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,4}(?:ng|n|r)?)\s?[)）]/g;
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/g;
const HAN = /\p{Script=Han}/u;

export function removePinyinAnnotations(text: string, noise: NoiseCounts = emptyNoise()): string {
  if (!/[(（]\s?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\s?[)）]/.test(text)) return text;
  return text.replace(PINYIN_ANNOTATION, (match, syllable: string, offset: number) => {
    if (syllable.match(TONE_MARK)?.length !== 1) return match;
    const before = text[offset - 1] ?? '';
    const afterGarbled = /[A-Za-z?\uFFFD]/.test(before) && HAN.test(text[offset - 2] ?? '');
    if (!HAN.test(before) && before !== '\uFFFD' && !afterGarbled) return match;
    noise.pinyinAnnotations++;
    return '';
  });
}

const CJK_PUNCT = /[、，。；：？！“”‘’《》（）【】〔〕—…]/;
/**
 * Spaces that only typesetting put there: inside a word broken at a line end ("学前教 育"), and around
 * full-width punctuation ("社會 、 實現"). Only in sentences (a heading "深化改革 突破创新" keeps its
 * spaces), and never inside 《》 or “” (a quoted title may separate its phrases with spaces).
 */
export function removeStraySpaces(line: string, noise: NoiseCounts = emptyNoise()): string {
  if (!/[ \u3000\u00a0]/.test(line) || line.length < 30 || !/[。，,；]/.test(line)) return line;
  const isHan = (c: string | undefined) => c !== undefined && HAN.test(c);
  const isCjk = (c: string | undefined) => isHan(c) || (c !== undefined && CJK_PUNCT.test(c));
  let out = '';
  let quoted = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '《' || c === '“') quoted++;
    else if ((c === '》' || c === '”') && quoted > 0) quoted--;
    if (quoted === 0 && (c === ' ' || c === '\u3000' || c === '\u00a0')) {
      let j = i;
      while (j + 1 < line.length && /[ \u3000\u00a0]/.test(line[j + 1])) j++;
      const prev = out[out.length - 1];
      const next = line[j + 1];
      const stray =
        (isCjk(prev) && isCjk(next)) ||
        (isCjk(prev) && /[,;:]/.test(next ?? '')) ||
        (/[,;:]/.test(prev ?? '') && isHan(next));
      if (stray) {
        noise.straySpaces++;
        i = j;
        continue;
      }
    }
    out += c;
  }
  return out;
}

// Terminal escape sequences: CSI (ESC [ 31 m, ESC [ 2 K), OSC (ESC ] … BEL, e.g. a window title or a
// link), and the two-character ones (ESC c, ESC 7).
const ANSI_ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|[@-Z\\-_`-~])/g;
// Control characters other than tab and line feed; vertical tab and form feed (Word's manual line and
// page breaks) and the Unicode line and paragraph separators end a line instead.
const C0_CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/g;
const LINE_BREAKS = /[\x0b\x0c\u2028\u2029]/g;
// C1 controls: removed only after the Latin-1 repair, for which they are bytes of mojibake.
const C1_CONTROL = /[\u0080-\u009f]/g;

/** Escape sequences and control characters: noise, never text (a tab and a line break keep their meaning). */
function removeControls(text: string, noise: NoiseCounts): string {
  if (!/[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]/.test(text)) return text;
  return text
    .replace(ANSI_ESCAPE, () => {
      noise.controlChars++;
      return '';
    })
    .replace(LINE_BREAKS, '\n')
    .replace(C0_CONTROL, () => {
      noise.controlChars++;
      return '';
    });
}

export function cleanText(raw: string, format: 'text' | 'markdown' | 'html'): CleanedFile {
  const noise = emptyNoise();
  let text = removeControls(raw.replace(/\r\n?/g, '\n'), noise);
  text = stripHtml(text, noise);
  if (format === 'markdown') text = text.replace(/^#{1,6}\s+/gm, '').replace(/\*\*([^*]+)\*\*/g, '$1');

  text = text.replace(MARKDOWN_IMAGE, () => {
    noise.markup++;
    return '';
  });
  text = removePinyinAnnotations(text, noise);

  const lines: CleanLine[] = [];
  let sharedFile = false;
  for (const rawLine of text.split('\n')) {
    // Bytes read as Latin-1 first: the symbols they show (™ •) are not emoji, and a title or a metadata
    // line is read from the repaired text like any other.
    const latin = repairLatin1(rawLine);
    noise.mojibakeRepaired += latin.repaired;
    noise.mojibakeMarked += latin.marked;
    let line = latin.text.replace(C1_CONTROL, () => {
      noise.controlChars++;
      return '';
    });
    line = line.replace(EMOJI, () => {
      noise.emoji++;
      return '';
    });
    line = line.replace(ANNOTATION, () => {
      noise.annotationMarks++;
      return '';
    });
    line = line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
    if (!line) continue;
    // A label whose value the page put on the next line ("• 索引号:" / "SY0024…") keeps its value.
    const previous = lines[lines.length - 1];
    if (
      previous?.kind === 'meta' &&
      /^[^:：]{1,12}[:：]$/.test(previous.text) &&
      line.length <= 40 &&
      !/[。；]/.test(line) &&
      // …but not a headline that follows an empty label ("公文时效:" / "…召开2025年…调度会").
      !/(要点|要點|总结|總結|规划|規劃|计划|計劃|意见|意見|方案|报告|報告|通知|会议|會議|会|會|解读|解讀)$|召开|召開|举行|舉行/.test(
        line,
      )
    ) {
      previous.text += line;
      continue;
    }
    const intro = line.match(TEMPLATE_INTRO) ?? line.match(SHARED_FILE_INTRO);
    const pageImage = line.match(SHARED_PAGE_IMAGE);
    if (intro || pageImage) {
      sharedFile = true;
      const title = `标题:${(intro ?? pageImage)![1]}`;
      // One title, however many page images repeat it.
      if (!lines.some((l) => l.kind === 'meta' && l.text === title)) lines.push({ text: title, kind: 'meta' });
      continue;
    }
    if (
      META_LABEL.test(line) ||
      META_LABEL_SPACED.test(line) ||
      DATE_ONLY.test(line) ||
      DATELINE.test(line) ||
      PUBLICATION_MARK.test(line)
    ) {
      lines.push({ text: line.replace(/^[-•·*\s]+/, ''), kind: 'meta' });
      continue;
    }
    const spamHits = line.match(SPAM)?.length ?? 0;
    if (spamHits >= 2 || (spamHits === 1 && !/[。！？]/.test(line))) {
      noise.spamLines++;
      continue;
    }
    if (isChrome(line.replace(/^[•·●▪■◆◇○►▶*-]\s*/, '')) || isChrome(line)) {
      noise.chromeLines++;
      continue;
    }
    line = line.replace(SPAM_PHRASE, () => {
      noise.spamPhrases++;
      return '';
    });
    const mojibake = repairGbkMojibake(line);
    noise.mojibakeRepaired += mojibake.repaired;
    noise.mojibakeMarked += mojibake.marked;
    lines.push({ text: removeStraySpaces(mojibake.text, noise), kind: 'body' });
  }
  const kept = dropRelatedLinks(dropMenuRuns(lines, noise), noise);
  return { lines: sharedFile ? joinSharedPages(kept) : kept, noise };
}

/**
 * A document-sharing site shows a file's pages as numbered blocks ("1、房县教育局…", "2、领、有担当的…") that break
 * wherever the page broke, mid-word as often as not. The numbers run 1, 2, 3 …: each is taken off, and a block
 * that continues an unfinished sentence is joined to it. (A plan's own "1、" items follow a finished sentence.)
 */
function joinSharedPages(lines: CleanLine[]): CleanLine[] {
  const out: CleanLine[] = [];
  let next = 1;
  for (const line of lines) {
    const block = line.kind === 'body' ? line.text.match(/^(\d{1,3})、\s*(.+)$/) : null;
    if (!block || Number(block[1]) !== next) {
      out.push(line);
      continue;
    }
    next++;
    const previous = out[out.length - 1];
    const unfinished = previous?.kind === 'body' && !/[。！？；：!?;:”’」』)）]$/.test(previous.text);
    if (Number(block[1]) > 1 && unfinished) previous.text += block[2];
    else out.push({ text: block[2], kind: 'body' });
  }
  return out;
}

function stripHtml(text: string, noise: NoiseCounts): string {
  if (!/<\/?[a-zA-Z][^<>]*>|&[a-z]+;|&#\d+;/.test(text)) return text;
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  noise.htmlTags += count(/<\/?[a-zA-Z!][^<>]*>/g);
  return (
    text
      .replace(/<!--[\s\S]*?-->/g, '')
      // <!DOCTYPE html>, and the conditional marks Word's web pages carry: <![if !supportLists]> … <![endif]>.
      .replace(/<!doctype\b[^<>]*>|<!\[(?:if\b[^<>]*|endif)\]>/gi, '')
      .replace(/<(script|style|noscript|template|xml)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<(br|\/p|\/div|\/li|\/tr|\/h[1-6]|\/section|\/article|p|div|li|tr|h[1-6])\b[^<>]*>/gi, '\n')
      .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#(\d{1,7});/g, (_, n: string) => characterOf(Number(n)))
      .replace(/&#x([0-9a-f]{1,6});/gi, (_, n: string) => characterOf(parseInt(n, 16)))
      .replace(/&amp;/g, '&')
  );
}

/** A numeric character reference's character; nothing for a control character or a code point that does not exist. */
function characterOf(code: number): string {
  const control = (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
  return control || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '' : String.fromCodePoint(code);
}

function isChrome(line: string): boolean {
  if (CHROME.some((re) => re.test(line))) return true;
  // Site banners: a web address on a short line that is not a sentence.
  if (/[a-z0-9-]+\.(com|cn|net|org)\b/i.test(line) && line.length < 60 && !/[。；]/.test(line)) return true;
  // Promotions: short lines that push a WeChat account, a download or a free gift.
  if (
    line.length <= 40 &&
    !/[。；]/.test(line) &&
    /(公众号|公眾號|加微信|微信号|微信號|免费领取|免費領取|免费下载|免費下載|点击下载|點擊下載|立即下载|立即下載)/.test(
      line,
    )
  )
    return true;
  // Navigation bars: short items separated by | or ｜ (首页 | 机构概况 | 政务公开).
  if (
    /[|｜]/.test(line) &&
    line
      .split(/\s*[|｜]\s*/)
      .filter(Boolean)
      .every((item) => item.length <= 8) &&
    !/[。；]/.test(line)
  )
    return true;
  // Menu items: a bullet and a few words.
  if (/^[•·●▪■◆◇○►▶*-]\s*/.test(line) && line.length <= 20 && !SENTENCE_PUNCT.test(line)) return true;
  return false;
}

/**
 * A news page's list of other stories under the report's closing block (来源:…, 责编:…): two or more headlines and
 * nothing else to the end of the page. A tail holding any sentence is text (an attachment after a notice's block).
 */
function dropRelatedLinks(lines: CleanLine[], noise: NoiseCounts): CleanLine[] {
  let lastMeta = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].kind === 'meta') {
      lastMeta = i;
      break;
    }
  }
  const tail = lines.slice(lastMeta + 1);
  const textAbove = lines.slice(0, Math.max(lastMeta, 0)).some((l) => l.kind === 'body' && /[。；]/.test(l.text));
  const headlines = tail.every((l) => l.kind === 'body' && l.text.length <= 50 && !/[。；;]/.test(l.text));
  if (lastMeta < 0 || !textAbove || tail.length < 2 || !headlines) return lines;
  noise.chromeLines += tail.length;
  return lines.slice(0, lastMeta + 1);
}

/** Navigation menus: three or more consecutive short lines that are not sentences or headings. */
function dropMenuRuns(lines: CleanLine[], noise: NoiseCounts): CleanLine[] {
  const isMenuLike = (l: CleanLine) =>
    l.kind === 'body' &&
    l.text.length <= 8 &&
    !SENTENCE_PUNCT.test(l.text) &&
    !/^[一二三四五六七八九十\d]+[、.．]/.test(l.text);
  const keep = lines.map(() => true);
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j < lines.length && isMenuLike(lines[j])) j++;
    if (j - i >= 3) for (let k = i; k < j; k++) keep[k] = false;
    i = Math.max(j, i + 1);
  }
  noise.chromeLines += keep.filter((k) => !k).length;
  return lines.filter((_, i) => keep[i]);
}
