// Split: one file may hold several documents (a year's summary followed by next year's priorities),
// and one document may be spread over a page's headline, a metadata block, an issuing notice
// (关于印发《X》的通知) and the plan itself. A new document starts only where a title names a plan
// other than the one being read, after that plan has text of its own.
import { type CleanLine, metaTitle } from './clean.js';
import { findPlaceMentions } from './places.js';

/**
 * plan: a line naming a plan, notice or meeting above the text; notice: a 关于印发《X》的通知 line; meta: a
 * metadata block's 标题; headline: the page's first title-like line naming no plan; subtitle: ——在…上的报告;
 * caption: a line naming a meeting or plan that comes only after the text has begun (a photo's caption).
 */
export type TitleKind = 'plan' | 'notice' | 'meta' | 'headline' | 'subtitle' | 'caption';
export type TitleLine = { text: string; kind: TitleKind };

export type RawDocument = {
  /** The document's own title as the page gives it (a plan's title line, the plan a notice issues, a headline). */
  title: string | undefined;
  /** Which kind of line the title is: a caption or a headline naming no document is a weak title. */
  titleKind: TitleKind | undefined;
  /** Every title-like line of the document, in page order: headline, notice, metadata 标题, plan title, subtitle. */
  titles: TitleLine[];
  /** Earlier title lines of the same block, e.g. the page title or a 关于印发…的通知 line. */
  otherTitles: string[];
  /** Metadata lines of this document, and of the file's header (which every document in it shares). */
  meta: string[];
  body: string[];
  /** "(第2/3页)": the file is one page of a longer document. */
  partial: boolean;
  /** Column tags taken off the document's title lines (【议题解读】): they still say what kind of text it is. */
  tags: string[];
};

// Words that end a plan's title, in both scripts.
const TYPE_END =
  /(工作要点|工作要點|要点|要點|工作总结|工作總結|总结|總結|规划|規劃|计划|計劃|纲要|綱要|意见|意見|方案|报告|報告|解读|解讀|说明|說明|通知|决定|決定|办法|辦法|细则|細則)$/;
const BARE_TYPE =
  /^(工作)?(要点|要點|总结|總結|规划|規劃|计划|計劃|纲要|綱要|意见|意見|方案|报告|報告|解读|解讀|说明|說明|通知|决定|決定|办法|辦法|细则|細則)$/;
// A page's label over its text (全文, 正文, 摘要): says nothing of which document it is.
const TEXT_LABEL = /^(?:全文|正文|原文|摘要|内容|內容|详情|詳情|阅读全文|閱讀全文|查看全文)[:：]?$/;
// A meeting report's headline: 召开…会, …会议召开, …工作会.
const MEETING =
  /(召开|召開|举行|舉行).{0,40}(会|會)|(会议|會議|大会|大會|工作会|工作會|推进会|推進會|动员会|動員會|总结会|總結會|部署会|部署會|座谈会|座談會|调度会|調度會|务虚会|務虛會)$|(会议|會議|会|會).{0,16}(召开|召開|举行|舉行)$/;
const HEADING_START =
  /^(第[一二三四五六七八九十]+(部分|章|篇)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;
const PAGE_MARK = /[（(]\s*第\s*\d+\s*\/\s*\d+\s*[页頁]\s*[）)]/;
const YEARISH = /(19|20)\d{2}|十[一二三四五六七八九]五|第十[一二三四五六七八九][个個]五年/;
const NOTICE = /(印发|印發|转发|轉發|发布|發布|颁发|頒發).{0,80}通知$/;

const COLUMN_TAG = /^【([^【】]{1,12})】\s*/;
// The trail starts at the site's home (首页); its items are short labels (政务服务) or section names (教育新闻),
// or two labels run together where a PDF's reading took out the space between Chinese words (政務服務國土規劃).
const BREADCRUMB_TRAIL =
  /^(?:首页|首頁|主页|主頁|网站首页|網站首頁)(?:[ \t\u3000]+(?:\p{Script=Han}{1,8}|\p{Script=Han}{1,6}(?:新闻|新聞|动态|動態|公开|公開|中心|专题|專題|资讯|資訊)))+[ \t\u3000]+(?=\S.{5,})/u;

/** The column tag of a title line (议题解读 of 【议题解读】关于《…》), which normalizeTitle takes off. */
export function columnTag(text: string): string | undefined {
  return text.replace(PAGE_MARK, '').trim().replace(BREADCRUMB_TRAIL, '').match(COLUMN_TAG)?.[1];
}

/** A title with the page's decorations taken off: column tags, site suffixes, 《》 around the whole line. */
export function normalizeTitle(text: string): string {
  // 2023年…工作总结.docx: a document-sharing site lists the file by its name.
  let t = text
    .replace(PAGE_MARK, '')
    .trim()
    .replace(/\.(?:docx?|pdf|wps|txt)$/i, '');
  // 首页 政务服务 教育动态 …: a breadcrumb trail separated by spaces only, on the headline's own line.
  t = t.replace(BREADCRUMB_TRAIL, '');
  // 【专题】… and 迈向新征程|…: a column's tag before the headline.
  t = t.replace(COLUMN_TAG, '');
  const tag = t.match(/^([^|｜《》]{1,10})[|｜]\s*(.{6,})$/);
  if (tag) t = tag[2];
  // 河南:鲁山县召开…: a province or city named before a colon, as a region tag over the headline.
  const region = t.match(/^(\p{Script=Han}{2,5})[:：]\s*(.{6,})$/u);
  if (region && findPlaceMentions(region[1]).some((m) => m.index === 0 && m.alias.length === region[1].length))
    t = region[2];
  // …-利来app, …_浙江省教育厅: the site's name after the title.
  const suffix = t.match(/^(.{6,}?)\s*[-_–|｜]\s*([^-_–|｜《》“”\d()（）]{1,20})$/);
  if (suffix && endsLikeTitle(suffix[1]) && !endsLikeTitle(suffix[2])) t = suffix[1];
  // 贛發〔2019〕21號《…》: a document number before the title in brackets.
  const numbered = t.match(/^[\p{Script=Han}]{1,10}[〔［[(（]\d{4}[〕］\])）]\s*\d{1,4}\s*[号號]\s*《([^《》]+)》$/u);
  if (numbered) t = numbered[1];
  const wrapped = t.match(/^《([^《》]+)》$/);
  if (wrapped) t = wrapped[1];
  // …工作要点(2022年), …规划【精选】: a year the title already gives, or a site's label, in brackets.
  const trailing = t.match(/^(.+?)\s*[(（【]([^()（）【】]{1,10})[)）】]$/);
  if (
    trailing &&
    endsLikeTitle(trailing[1]) &&
    ((/^(19|20)\d{2}年?度?$/.test(trailing[2]) && trailing[1].includes(trailing[2].slice(0, 4))) ||
      /(精选|精選|范文|範文|推荐|推薦|最新|全文|完整版|word|docx)/i.test(trailing[2]))
  )
    t = trailing[1];
  return t.trim();
}

function endsLikeTitle(text: string): boolean {
  // A plan's name may end in brackets: (2021—2025年), (试行); a 解读 ends in 》.
  const core = text
    .replace(/\s*[(（][^()（）]{1,16}[)）]$/, '')
    .replace(/^.*《([^《》]+)》$/, '$1')
    .trim();
  return (TYPE_END.test(core) && !BARE_TYPE.test(core)) || MEETING.test(text);
}

/** A line that names a plan, a notice or a meeting: short, not a sentence, ending in a plan word. */
export function isPlanTitle(text: string): boolean {
  const t = normalizeTitle(text);
  return (
    t.length >= 4 &&
    t.length <= 80 &&
    !/[。；！？!?:：]$/.test(t) &&
    !/[。；]/.test(t.replace(/《[^》]*》/g, '')) &&
    !HEADING_START.test(t) &&
    endsLikeTitle(t)
  );
}

/** The old rule, kept for callers: a title line with a year. */
export function isTitleLine(text: string): boolean {
  return isPlanTitle(text) && YEARISH.test(text);
}

/** The plan a notice issues: 关于印发《X》的通知 → X. */
export function issuedPlan(text: string): string | undefined {
  const bracketed = text.match(/《([^《》]{4,80})》/);
  // A name in 《》 is one phrase: a space inside it is the page's line wrapping (教育事业 发展规划).
  if (bracketed)
    return normalizeTitle(bracketed[1].replace(/(?<=[\p{Script=Han}”"])[ \t\u3000]+(?=\p{Script=Han})/gu, ''));
  const bare = text.match(/(?:印发|印發)(.{4,80}?)的?通知$/);
  return bare ? normalizeTitle(bare[1]) : undefined;
}

// The sentence of an issuing notice: "现将《X》印发给你们,请结合实际认真贯彻落实。"
const NOTICE_SENTENCE =
  /(印发给你们|印發給你們|现印发|現印發|现将.{0,80}印发|現將.{0,80}印發|已经.{0,40}(同意|审议通过)|已經.{0,40}(同意|審議通過))/;
// "各市人民政府,省政府有关部门:" / "同志们:": whom a notice or speech addresses.
const ADDRESSEE =
  /^(?:[^。；]{0,80}(?:各[^。；]{0,60}|同志们|同志們|同志)|[^。；]{2,80}(?:局|政府|单位|單位|部门|部門|学校|學校|委员会|委員會|委|办|辦|院|所|中心|幼儿园|幼兒園))[)）]?[:：]$/;
// A closing (or opening) signature: the issuing body's name on its own line.
const SIGNATURE =
  /^[\p{Script=Han}（）()、 \u3000]{2,40}(局|厅|廳|委员会|委員會|政府|办公室|辦公室|委|工委|中心|公署)$/u;
// 鲁政教督委〔2024〕1号, also in brackets: (皖政[2001]85號).
const DOC_NUMBER = /^[(（]?[\p{Script=Han}]{1,12}[〔［[(（]\d{4}[〕］\])）]\s*\d{1,4}\s*[号號][)）]?$/u;
const SUBTITLE = /^(——|──|--|—|－－)\s*\S.{2,60}$/;
const CONTENTS = /^(?:目[ \t\u3000]*[录錄]|contents)$/i;
// A table of contents entry's page number: "一、主要成绩 6", "(一)指导思想……15".
const PAGE_NUMBER = /(?:[ \t\u3000.…·]+)\d{1,3}$/;
const BYLINE =
  /^[\p{Script=Han}、，,()（）]{2,40}(局长|局長|厅长|廳長|书记|書記|主任|县长|縣長|市长|市長|区长|區長|旗长|旗長|部长|部長|校长|校長|主席|记者|記者|通讯员|通訊員)[ \u3000]+\p{Script=Han}{2,4}$/u;
// Site sections and banners: 首页, 教育新闻, 本市动态, …信息公开网.
const SECTION_NAME =
  /(首页|首頁|新闻|新聞|动态|動態|公告|要闻|要聞|资讯|資訊|栏目|欄目|专题|專題|导航|導航|公开|公開)$|(网|網|网站|網站|门户|門戶)(\s|$)/;
const JIEDU_FIRST = /^(一、)?(起草|编制|編制|出台|制定|修订|修訂)(背景|过程|過程|依据|依據|说明|說明|情况|情況)/;

// A title-like phrase, a space, then the text: a title and its first paragraph on one line.
const TITLE_RUN_ON = /^([^\s，,。；;:：]{6,60})[ \t\u3000]+(\S.*)$/;

// What opens a plan's text: its first part or item (一、, 1., (一)) or its year.
const TEXT_OPENING =
  /^(?:[一二三四五六七八九十]{1,3}、|\d{1,2}\s*[.．、]|[(（][一二三四五六七八九十\d]{1,3}[)）]|(?:19|20)\d{2}年)/;

/** "房县教育局2024年工作要点1.全面坚持…": the title the page already gave, run on into the text with no space. */
function titleRunningOn(text: string, titles: { text: string }[]): [string, string] | undefined {
  const title = titles.find((t) => text.startsWith(t.text) && TEXT_OPENING.test(text.slice(t.text.length)));
  return title ? [title.text, text.slice(title.text.length)] : undefined;
}

function isSentence(text: string): boolean {
  return /[。；;！!？?]/.test(text) || (text.length >= 60 && /[，,]/.test(text));
}

/** A line's first sentence (with its 。) and the rest, when there is a rest. */
function splitFirstSentence(text: string): [string, string] {
  const end = text.search(/[。！？]/);
  return end < 0 ? [text, ''] : [text.slice(0, end + 1), text.slice(end + 1)];
}

function headlineLike(text: string): boolean {
  return (
    text.length >= 8 &&
    text.length <= 60 &&
    !/[。；！？!?，,：:]$/.test(text) &&
    !/[。；]/.test(text) &&
    !HEADING_START.test(text) &&
    !SECTION_NAME.test(text) &&
    !JIEDU_FIRST.test(text)
  );
}

/** Two titles name the same plan: one contains the other, or both give the same year and kind of plan. */
export function samePlan(a: string, b: string): boolean {
  const key = (s: string) => s.replace(/[《》“”"'‘’\s（）()]/g, '');
  const ka = key(a);
  const kb = key(b);
  if (!ka || !kb) return false;
  if (ka.includes(kb) || kb.includes(ka)) return true;
  const year = (s: string) => s.match(/(19|20)\d{2}/)?.[0];
  const kind = (s: string) => s.match(TYPE_END)?.[0]?.slice(-2);
  return Boolean(year(ka)) && year(ka) === year(kb) && Boolean(kind(ka)) && kind(ka) === kind(kb);
}

// A line that cannot end a title: it stops at a word that joins it to the next line (关于实施 / 《…》的意见).
const CONNECTIVE_END = /(关于|關於|關于|实施|實施|印发|印發|转发|轉發|贯彻|貫徹|落实|落實|的|和|与|與|及|暨)$/;

/**
 * Title lines the page broke in two ("关于印发《2023年…履行" / "教育职责评价报告》的通知", "…人民政府关于实施" /
 * "《…》的意见"), joined.
 */
function joinBrokenTitles(lines: CleanLine[]): CleanLine[] {
  const out: CleanLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (line.kind === 'body' && next?.kind === 'body' && line.text.length <= 60 && next.text.length <= 60) {
      const joined = line.text + next.text;
      const open = (line.text.match(/《/g)?.length ?? 0) > (line.text.match(/》/g)?.length ?? 0);
      const connective = CONNECTIVE_END.test(line.text);
      const completes =
        !open &&
        line.text.length <= 40 &&
        next.text.length <= (connective ? 40 : 24) &&
        !/[。；，,:：、]/.test(line.text + next.text) &&
        !HEADING_START.test(line.text) &&
        !HEADING_START.test(next.text) &&
        !isPlanTitle(line.text) &&
        (YEARISH.test(line.text) || connective) &&
        isPlanTitle(joined);
      if ((open && isPlanTitle(joined)) || completes) {
        out.push({ text: joined, kind: 'body' });
        i++;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * A short line whose bracket the page broke onto the next line ("华声在线9月11日讯(通讯员" / "张三)9月8日上午,…"):
 * a dateline's reporters, joined to the sentence they open, so the dateline is read as one.
 */
function joinBrokenBrackets(lines: CleanLine[]): CleanLine[] {
  const out: CleanLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    const opens = (t: string) => (t.match(/[(（]/g)?.length ?? 0) - (t.match(/[)）]/g)?.length ?? 0);
    const close = next?.text.search(/[)）]/) ?? -1;
    if (
      line.kind === 'body' &&
      next?.kind === 'body' &&
      line.text.length <= 40 &&
      opens(line.text) === 1 &&
      /[(（][^()（）]{0,20}$/.test(line.text) &&
      close >= 0 &&
      close <= 20 &&
      !/[(（。；，,]/.test(next.text.slice(0, close))
    ) {
      out.push({ text: line.text + next.text, kind: 'body' });
      i++;
      continue;
    }
    out.push(line);
  }
  return out;
}

type Draft = RawDocument & { substantive: boolean; issued?: string };

export function splitDocuments(input: CleanLine[]): RawDocument[] {
  const lines = joinBrokenTitles(joinBrokenBrackets(input));
  const docs: Draft[] = [];
  const fileMeta: string[] = [];
  let pendingMeta: string[] = [];
  let current: Draft | undefined;
  const startDocument = (): Draft => {
    const doc: Draft = {
      title: undefined,
      titleKind: undefined,
      titles: [],
      otherTitles: [],
      meta: [...fileMeta, ...pendingMeta],
      body: [],
      partial: false,
      tags: [],
      substantive: false,
    };
    pendingMeta = [];
    docs.push(doc);
    return doc;
  };
  const doc = () => current ?? (current = startDocument());
  const addMeta = (text: string) => {
    // Before any document, a line is the file's header (shared by every document of the file).
    if (!current) fileMeta.push(text);
    // After a plan's text, metadata belongs to what follows: the next document, if one starts.
    else if (current.substantive) pendingMeta.push(text);
    else {
      if (docs.length === 1) fileMeta.push(text);
      current.meta.push(text);
    }
  };
  const flushMeta = () => {
    if (current && pendingMeta.length) current.meta.push(...pendingMeta);
    pendingMeta = [];
  };
  /** The plan a document is about so far: its own title line, else the plan its notice issues. */
  const planOf = (d: Draft) =>
    d.titles.filter((t) => t.kind === 'plan' || t.kind === 'caption').at(-1)?.text ?? d.issued;

  // Right after a 关于印发 notice's title, its addressee and sentence belong to it, not to the plan's text.
  let afterNotice = false;
  // A table of contents (目录, then headings with page numbers) lists the plan's headings: its lines are
  // the document's text, never its title ("“十四五”时期发展规划 14" is a part of the plan, not the plan).
  // It ends at the first sentence, or where its first entry comes again as the text's own heading.
  let contents: { first?: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind !== 'meta' && CONTENTS.test(line.text)) contents = {};
    else if (contents) {
      const entry = line.text.replace(PAGE_NUMBER, '').trim();
      const again = contents.first !== undefined && entry === contents.first && entry === line.text.trim();
      if (isSentence(line.text) || again) contents = undefined;
      else contents.first ??= entry;
    }
    if (contents && line.kind !== 'meta') {
      flushMeta();
      doc().body.push(line.text);
      continue;
    }
    if (line.kind === 'meta') {
      const title = metaTitle(line.text);
      // A headline read as a sentence (表彰先进!…大会举行!) that the metadata block below names as the title:
      // it was the title after all, not the first line of the text.
      const headline = current?.body.length === 1 ? current.body[0] : undefined;
      if (title && headline && normalizeTitle(headline) === normalizeTitle(title)) {
        current!.body.pop();
        current!.substantive = false;
      }
      addMeta(line.text);
      if (title && !current?.substantive) {
        doc().titles.push({ text: normalizeTitle(title), kind: 'meta' });
        addTag(doc(), title);
      }
      continue;
    }
    const text = line.text;
    // A line of symbols only ("+", "|", "***") says nothing: neither a title nor text.
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    const header = !current?.substantive;
    const nextLine = lines[i + 1];

    if (header && current && current.titles.length > 0 && SUBTITLE.test(text)) {
      current.titles.push({ text: text.replace(/^[—─\-－]+\s*/, ''), kind: 'subtitle' });
      continue;
    }
    if (isPlanTitle(text)) {
      const title = normalizeTitle(text);
      const notice = NOTICE.test(title);
      const name = notice ? (issuedPlan(title) ?? title) : title;
      let d = current;
      if (d?.substantive && (d.titles.length > 0 || d.issued)) {
        const plan = planOf(d);
        if (!(plan && samePlan(plan, name))) {
          // After a plan's own text, only a title with a year (or a five-year plan) starts another.
          if (YEARISH.test(title)) d = current = startDocument();
          else {
            flushMeta();
            d.body.push(text);
            continue;
          }
        }
      }
      // A title line after the text has begun, in a document without one: a caption, not a headline.
      // (After a headline and an introduction, the plan's own title line is still the plan's: 全文如下 …)
      const caption =
        Boolean(d?.substantive) && !notice && !d?.issued && Boolean(d?.titles.every((t) => t.kind === 'caption'));
      d ??= doc();
      flushMeta();
      if (PAGE_MARK.test(text)) d.partial = true;
      if (notice) d.issued ??= name;
      d.titles.push({ text: title, kind: notice ? 'notice' : caption ? 'caption' : 'plan' });
      addTag(d, text);
      afterNotice = notice;
      continue;
    }
    const noticePart = header || afterNotice;
    if (noticePart && NOTICE_SENTENCE.test(text) && text.length <= 200) {
      const d = doc();
      d.issued ??= issuedPlan(text);
      d.meta.push(`通知：${text}`);
      continue;
    }
    if (noticePart && ADDRESSEE.test(text)) {
      doc().meta.push(`主送：${text}`);
      continue;
    }
    if (DOC_NUMBER.test(text)) {
      addMeta(`文号：${text}`);
      continue;
    }
    // "附件", "通知", "意見": a bare label over the part that follows.
    if (/^附件\s*\d*$/.test(text) || BARE_TYPE.test(text) || TEXT_LABEL.test(text)) continue;
    if (
      SIGNATURE.test(text) &&
      (noticePart || nextLine?.kind === 'meta' || (nextLine !== undefined && isPlanTitle(nextLine.text)))
    ) {
      addMeta(`落款：${text}`);
      continue;
    }
    if (header && BYLINE.test(text)) {
      doc().meta.push(`作者：${text}`);
      continue;
    }
    if (header && text.length <= 30 && SECTION_NAME.test(text) && !/[。；，,]/.test(text)) continue;
    if (header && !current?.titles.some((t) => t.kind === 'plan' || t.kind === 'headline') && headlineLike(text)) {
      // A headline: the page's first title-like line, followed by its dateline, byline or subtitle.
      const after = lines.slice(i + 1, i + 3);
      const followed = i === 0 || after.some((l) => l.kind === 'meta' || SUBTITLE.test(l.text) || BYLINE.test(l.text));
      if (followed) {
        doc().titles.push({ text: normalizeTitle(text), kind: 'headline' });
        addTag(doc(), text);
        continue;
      }
    }
    // "2023年…工作状况总结 2023年上半年,博兴县…": the document's own title run together with its first
    // paragraph on one line, as converted Word files come: the title is the plan's, the rest its text.
    const spaced = header ? text.match(TITLE_RUN_ON) : null;
    const runOn = spaced ? [spaced[1], spaced[2]] : header ? titleRunningOn(text, current?.titles ?? []) : undefined;
    if (runOn && isPlanTitle(runOn[0]) && isSentence(runOn[1])) {
      const d = doc();
      flushMeta();
      d.titles.push({ text: normalizeTitle(runOn[0]), kind: 'plan' });
      addTag(d, runOn[0]);
      d.body.push(runOn[1]);
      d.substantive = true;
      afterNotice = false;
      continue;
    }
    const d = doc();
    flushMeta();
    d.body.push(text);
    // A notice sentence run together with the plan's text on one long line ("《X》已经市政府同意,现印发给你们。
    // 二〇一一年八月十六日X制定…"): it names the plan all the same; the line stays text, as the page gives it.
    const [opening, rest] = splitFirstSentence(text);
    if (noticePart && rest && NOTICE_SENTENCE.test(opening) && opening.length <= 200 && issuedPlan(opening)) {
      d.issued ??= issuedPlan(opening);
      d.meta.push(`通知：${opening}`);
      if (isSentence(rest) && !NOTICE_SENTENCE.test(rest)) {
        d.substantive = true;
        afterNotice = false;
      }
      continue;
    }
    if (isSentence(text) && !NOTICE_SENTENCE.test(text)) {
      d.substantive = true;
      afterNotice = false;
    }
  }
  flushMeta();
  for (const d of docs) finish(d);
  return docs.filter((d) => d.body.length > 0).map(({ substantive: _s, issued: _i, ...d }) => d);
}

function addTag(d: RawDocument, line: string): void {
  const tag = columnTag(line);
  if (tag && !d.tags.includes(tag)) d.tags.push(tag);
}

/** A title that names a meeting (…会议召开, 召开…会), not a plan: a report's headline or a photo's caption. */
export function isMeetingTitle(text: string): boolean {
  return MEETING.test(text) && !TYPE_END.test(text.replace(/\s*[(（][^()（）]{1,16}[)）]$/, ''));
}

/**
 * The title a document goes by: its plan's own title line (the last above its text: a notice's plan, a
 * headline's plan), else the plan its notice issues, else the page's headline, else a caption. A meeting
 * report has no title line of its own below its headline: its top headline wins over the captions under it.
 */
function finish(d: Draft): void {
  moveSignature(d);
  const plans = d.titles.filter((t) => t.kind === 'plan');
  const last = plans.at(-1);
  const top = plans[0];
  const plan = top && last && isMeetingTitle(top.text) && isMeetingTitle(last.text) ? top : last;
  const meta = d.titles.find((t) => t.kind === 'meta')?.text;
  const metaPlan = meta && NOTICE.test(meta) ? issuedPlan(meta) : meta;
  const headline = d.titles.find((t) => t.kind === 'headline')?.text;
  const caption = d.titles.find((t) => t.kind === 'caption')?.text;
  const [title, kind]: [string | undefined, TitleKind | undefined] = plan
    ? [plan.text, plan.kind]
    : d.issued
      ? [d.issued, 'notice']
      : metaPlan
        ? [metaPlan, 'meta']
        : headline
          ? [headline, 'headline']
          : caption
            ? [caption, 'caption']
            : [undefined, undefined];
  d.title = title;
  d.titleKind = kind;
  d.otherTitles = d.titles.map((t) => t.text).filter((t) => t !== d.title);
}

// A closing signature line ("成都市教育局", followed by the date) names the issuer; it is not plan text.
function moveSignature(doc: RawDocument): void {
  const last = doc.body[doc.body.length - 1];
  if (doc.body.length > 1 && last && SIGNATURE.test(last)) {
    doc.body.pop();
    doc.meta.push(`落款：${last}`);
  }
}
