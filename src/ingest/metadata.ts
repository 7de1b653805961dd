// Metadata: what a document is, read from its own text (title lines, 来源/發文機關 lines, the body),
// never from the file name. Anything the text does not say is 'unknown'.
import { toSimplified } from '../text/script.js';
import { allPlaces, findPlaceMentions, placeByCode, type Place, type PlaceLevel } from './places.js';
import { isMeetingTitle, type RawDocument } from './split-documents.js';

export const DOC_TYPES = ['工作要点', '工作总结', '会议报道', '规划', '解读', '报告', 'other'] as const;
export type DocType = (typeof DOC_TYPES)[number];
export const UNKNOWN = 'unknown' as const;

export type DocumentMeta = {
  title: string;
  /** Where the title came from: a title line, or the first sentence of a report that has none. */
  titleSource: 'title-line' | 'first-sentence';
  place: string;
  placeLevel: PlaceLevel | typeof UNKNOWN;
  placeAliases: string[];
  /** Parent divisions' canonical names (e.g. 山东 for 青岛), for questions that name the province. */
  placeParents: string[];
  year: number | typeof UNKNOWN;
  /** The years a plan covers: [year, year] for an annual plan, [2021, 2025] for a 规划 (2021—2025年). */
  years: [number, number] | typeof UNKNOWN;
  type: DocType;
  publishDate: string;
  issuer: string;
  sourceUrl: string;
  partial: boolean;
};

// Meta labels that name who issued a document.
const ISSUER_LABEL =
  /(发文机关|發文機關|发证机关|發證機關|发布机构|發布機構|发文机构|發文機構|发文单位|發文單位|公开主体|公開主體|印发机关|印發機關|落款)(?:[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+)([^\s]+)/;
// Meta labels that name the outlet a page came from: weaker than an issuer (a newspaper, a site).
const SOURCE_LABEL = /(来源|來源|信息来源|信息來源|文章来源|文章來源|稿源)[ \t\u3000]*[:：][ \t\u3000]*([^\s]+)/;

export function readMetadata(doc: RawDocument): DocumentMeta {
  const body = doc.body.join('\n');
  // One conversion per document: the rules below read simplified text; the title keeps its script.
  const simplifiedBody = toSimplified(body);
  // A headline under which a subtitle says what it is (——在…会议上的报告) is a speech's own title.
  const subtitled = doc.titles.some((t) => t.kind === 'subtitle');
  const weak = doc.title !== undefined && !subtitled && weakTitle(doc.title, doc.titleKind);
  const named = !doc.title || weak ? deriveTitle(doc.body, simplifiedBody) : undefined;
  // A weak title gives way only to the meeting or plan the first sentence names (for a caption: the same
  // meeting, in the sentence's own words); a page without a title line takes whatever the sentence gives.
  const derived = !doc.title
    ? named?.text
    : named && named.names !== 'sentence' && (doc.titleKind !== 'caption' || sameMeeting(doc.title, named.text))
      ? named.text
      : undefined;
  const titleLine = derived ? undefined : doc.title;
  const title = titleLine ?? derived ?? UNKNOWN;
  const others = doc.titles.filter((t) => t.text !== titleLine);
  // Titles and metadata lines converted together, once (the conversion keeps lines and lengths).
  const header = toSimplified([title, ...others.map((t) => t.text), ...doc.meta].join('\n')).split('\n');
  const simplifiedTitle = header[0];
  const simplifiedOthers = header.slice(1, 1 + others.length);
  const simplifiedMeta = header.slice(1 + others.length);
  const subtitles = simplifiedOthers.filter((_, i) => others[i].kind === 'subtitle');
  const tags = toSimplified(doc.tags.join('\n'));
  // A title that is only the page's first sentence ("为加快…,根据《湖南省…》《中国教育现代化2035》…") names
  // what it cites, not what it is: its kind, places and years are read as the body's, not as a title's.
  const sentenceTitle = Boolean(derived) && named?.names === 'sentence';
  // A page reporting a plan's issue (named by the plan it reports) explains that plan.
  const type =
    derived && named?.names === 'reported'
      ? '解读'
      : detectType(
          // A headline's closing exclamation (…大会举行!) says nothing of the kind.
          sentenceTitle ? '' : simplifiedTitle.replace(/[!！]+$/, ''),
          subtitles.join('\n'),
          simplifiedBody,
          Boolean(titleLine),
          tags,
        );
  const titles = sentenceTitle ? simplifiedOthers : [simplifiedTitle, ...simplifiedOthers];
  const period = detectPeriod(titles, simplifiedMeta, simplifiedBody, type);
  const issuers = [
    ...simplifiedMeta.map((m) => m.match(ISSUER_LABEL)?.[2]).filter((m): m is string => Boolean(m)),
    ...[simplifiedTitle, ...simplifiedOthers].map((t) => t.match(ISSUER_IN_TITLE)?.[1]).filter(Boolean),
  ] as string[];
  const sources = simplifiedMeta.map((m) => m.match(SOURCE_LABEL)?.[2]).filter((m): m is string => Boolean(m));
  // A title taken from the first sentence: the whole sentence says where (…在兰州召开).
  const firstSentence = derived && !sentenceTitle ? [toSimplified(doc.body[0]?.split(/[。！？]/)[0] ?? '')] : [];
  const place = detectPlace(
    sentenceTitle ? titles : [simplifiedTitle, ...firstSentence, ...simplifiedOthers],
    issuers,
    sources,
    simplifiedBody,
  );
  return {
    title,
    titleSource: titleLine ? 'title-line' : 'first-sentence',
    place: place?.name ?? UNKNOWN,
    placeLevel: place?.level ?? UNKNOWN,
    placeAliases: place?.aliases ?? [],
    placeParents: place ? place.parents.map((c) => placeByCode(c)?.name).filter((n): n is string => Boolean(n)) : [],
    year: period.year,
    years: period.years,
    type,
    publishDate:
      metaValue(
        doc.meta,
        /(政策发布日期|政策發布日期|发布日期|發布日期|成文日期|发布时间|發布時間|时间|時間)\s*[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})/,
        2,
      )?.replace(/[年月/.]/g, '-') ??
      firstDateLine(doc.meta) ??
      UNKNOWN,
    issuer:
      metaValue(doc.meta, ISSUER_LABEL, 2) ??
      [titleLine, ...others.map((t) => t.text)].map((t) => t?.match(ISSUER_IN_TITLE)?.[1]).find(Boolean) ??
      UNKNOWN,
    sourceUrl: metaValue(doc.meta, /(https?:\/\/[^\s)）]+)/, 1) ?? UNKNOWN,
    partial: doc.partial,
  };
}

function metaValue(meta: string[], re: RegExp, group: number): string | undefined {
  for (const line of meta) {
    const m = line.match(re);
    if (m?.[group]) return m[group];
  }
  return undefined;
}

function firstDateLine(meta: string[]): string | undefined {
  for (const line of meta) {
    const m = line.match(/^[(（]?(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/);
    if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Title of a page that has no title line

// "本报讯", "红网3月29日讯(通讯员 …)", then the day: a report's dateline, before what it reports.
const LEADING_DATE =
  /^(?:(?:本[报報]讯|本[网網]讯|[^\s，,。]{0,12}?\d{1,2}月\d{1,2}日[讯訊])(?:\s*[(（][^()（）]{0,40}[)）])?)?\s*(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?[,，\s]*/;
const MEETING_WORD = '(?:会议|會議|大会|大會|会|會)';
// "眉县召开2023年…动员会": who held it, then the meeting, up to the last 会 of the clause.
// ("我市召开了…": the particle is not the meeting's.)
const HELD = new RegExp(`^(.{0,20}?)(?:召开|召開|举行|舉行)了?(.*${MEETING_WORD})`);
// "2022年全省教育工作会议以视频会议形式在郑州召开": the meeting, then where and how.
const WAS_HELD = new RegExp(`^(.+?${MEETING_WORD})(?:以|在|于|於|.{0,2}(?:召开|召開|举行|舉行))`);
const HELD_AT_END = new RegExp(`${MEETING_WORD}(?:召开|召開|举行|舉行)\\s*$`);
const JIEDU_OPENING = /^(一、)?(起草|编制|出台|制定|修订)(背景|过程|依据|说明|情况)|^(一、)?(政策背景|决策依据)/;

// Words that say what kind of document or event a line names: a headline without any of them
// ("某县教育体育局(某县教育体育局局长)") is a site's label, not the document's title.
const DOCUMENT_KIND =
  /(会|會|要点|要點|总结|總結|规划|規劃|计划|計劃|纲要|綱要|意见|意見|方案|报告|報告|解读|解讀|说明|說明|通知|决定|決定|办法|辦法|细则|細則|讲话|講話|发言|發言|公报|公報|问答|問答|答记者问|答記者問|答问|答問)/;

/** A title that a sentence naming the meeting or plan should replace: a caption, or a label naming no document. */
function weakTitle(title: string, kind: RawDocument['titleKind']): boolean {
  return kind === 'caption' || (kind === 'headline' && !DOCUMENT_KIND.test(title));
}

// Who held a meeting, how, and the year: what differs between a report's caption and its first sentence.
const MEETING_FRAME =
  /(召开|召開|举行|舉行|隆重|胜利|勝利|顺利|順利|全[省市州盟县縣区區旗]|我[省市州盟县縣区區旗]|(?:19|20)\d{2}年度?|\s)/g;

/** Two names of the same meeting: with the place, the frame words and the year taken off, one holds the other. */
function sameMeeting(a: string, b: string): boolean {
  if (!isMeetingTitle(a) || !isMeetingTitle(b)) return false;
  const core = (s: string) => {
    const t = toSimplified(s);
    let out = '';
    let at = 0;
    for (const m of findPlaceMentions(t)) {
      if (m.index < at) continue;
      out += t.slice(at, m.index);
      at = m.index + m.alias.length;
    }
    return (out + t.slice(at)).replace(MEETING_FRAME, '');
  };
  const [ca, cb] = [core(a), core(b)];
  return ca.length >= 4 && cb.length >= 4 && (ca.includes(cb) || cb.includes(ca));
}

type Derived = { text: string; names: 'meeting' | 'plan' | 'reported' | 'sentence' };
// "日前,济宁市政府正式印发《济宁市“十四五”教育事业发展规划》": a report of a plan's issue, named by that plan.
const REPORTED_PLAN =
  /(?:印发|印發|出台|颁布|頒布|发布|發布)了?《([^《》]{4,60}(?:规划|規劃|要点|要點|纲要|綱要|计划|計劃|意见|意見|方案))》/;

// 日前, 近日, 2月21日, 21日上午: a clause that says only when.
const TIME_ONLY =
  /^(?:日前|近日|近期|最近|昨天|昨日|今天|今日|(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}日)(?:上午|下午|晚上|晚)?$/;
// 为/为了/围绕/根据…: a clause that says what for, before the sentence says what happened.
const PURPOSE = /^(?:为了|为|為了|為|围绕|圍繞|根据|根據|按照|依据|依據)/;
// A plan's name ending in its kind, then the running text of its first sentence (为全面落实…, 根据…).
const PLAN_NAME_RUN_ON =
  /^([^《》“”,，]{4,60}?(?:规划|規劃|纲要|綱要|工作要点|工作要點|工作总结|工作總結|工作计划|工作計劃|报告|報告))(?=为|為|根据|根據|依据|依據|按照|围绕|圍繞|是|近年来|近年來|(?:19|20)\d{2}年)/;
const YEARISH_TITLE = /(19|20)\d{2}|十[一二三四五六七八九]五|第十[一二三四五六七八九][个個]五年/;

/** The meeting a clause reports: 某县召开…会 (with the place that held it), …会议召开, …会议在某地召开. */
function meetingIn(clause: string): Derived | undefined {
  const held = clause.match(HELD);
  if (held && held[2].length >= 4) {
    const holder = held[1].trim();
    const mentions = holder ? findPlaceMentions(holder) : [];
    const byPlace = mentions.length === 1 && mentions[0].index === 0 && mentions[0].alias.length === holder.length;
    return { text: byPlace ? clause.trim() : held[2].trim(), names: 'meeting' };
  }
  // "…会议召开" ending the clause is the report's own headline form; "…会议在郑州召开" is named up to 会议.
  if (HELD_AT_END.test(clause) && clause.trim().length >= 8) return { text: clause.trim(), names: 'meeting' };
  const was = clause.match(WAS_HELD);
  if (was && was[1].length >= 6) return { text: was[1].trim(), names: 'meeting' };
  return undefined;
}

/**
 * A page without a title line: a meeting report is named by the meeting its first sentence reports
 * (with the place that held it, when a place did); an explanation (起草背景…) by the plan it explains;
 * anything else by its first sentence.
 */
function deriveTitle(body: string[], simplifiedBody: string): Derived | undefined {
  const first = body[0] ?? '';
  const sentences = first.split(/[。！？]/);
  const sentence = sentences[0].replace(LEADING_DATE, '');
  // A literary opening ("律回春晖渐,万象始更新。") says nothing of the meeting: the next sentence does.
  const leads = /\d/.test(sentence) || sentence.length > 20 ? [sentence] : [sentence, sentences[1] ?? ''];
  for (const s of leads) {
    // An unreadable character (a lost 。 among mojibake) ends a clause too: no name runs through it.
    // A clause that only says when (日前, 2月21日) is passed over: the meeting is in the next one.
    const clauses = s
      .split(/[,，;；\uFFFD]/)
      .map((c) => c.replace(LEADING_DATE, '').trim())
      .filter((c) => c.length > 0 && !TIME_ONLY.test(c));
    // "为统筹部署…工作,切实推动…,2月21日,某区召开…工作会": after a purpose clause, the clause naming the meeting.
    const candidates = PURPOSE.test(clauses[0] ?? '') ? clauses : clauses.slice(0, 1);
    for (const c of candidates) {
      const meeting = meetingIn(c);
      if (meeting) return meeting;
    }
  }
  const reported = sentence.match(REPORTED_PLAN);
  if (reported && !JIEDU_OPENING.test(simplifiedBody.slice(0, 40))) return { text: reported[1], names: 'reported' };
  const clause =
    sentence
      .split(/[,，;；\uFFFD]/)
      .map((c) => c.replace(LEADING_DATE, '').trim())
      .filter((c) => c.length > 0 && !TIME_ONLY.test(c))[0] ?? '';
  // "某市教育事业发展第十二个五年规划为全面落实…": a plan's name run into its first sentence ends at its kind.
  const plan = clause.match(PLAN_NAME_RUN_ON);
  if (plan && (YEARISH_TITLE.test(plan[1]) || findPlaceMentions(plan[1]).some((m) => m.index === 0)))
    return { text: plan[1], names: 'plan' };
  const opening = simplifiedBody.slice(0, 40);
  if (JIEDU_OPENING.test(opening)) {
    const head = body.slice(0, 4).join('\n');
    for (const m of head.matchAll(/《([^《》]{4,60})》/g))
      if (/(规划|規劃|要点|要點|意见|意見|方案|纲要|綱要|计划|計劃)$/.test(m[1])) return { text: m[1], names: 'plan' };
  }
  return sentence ? { text: sentence.slice(0, 60), names: 'sentence' } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Type

const MEETING_TITLE =
  /(召开|举行).{0,40}会|(会议|大会|工作会|推进会|动员会|总结会|部署会|座谈会|调度会|务虚会|会)(召开|举行)?$|(会议|会).{0,16}(召开|举行)$/;
const NOT_A_MEETING = /(社会|委员会|学会|协会|基金会|理事会|联合会|工会)$/;

function detectType(title: string, subtitles: string, body: string, hasTitleLine: boolean, tags = ''): DocType {
  const opening = body.slice(0, 200);
  const explains = JIEDU_OPENING.test(body.slice(0, 40));
  // 解读, 政策问答, and any 说明 of a plan (起草说明, 编制说明, 编制有关解释说明); also when only the title's
  // column tag says so (【议题解读】关于《…规划》).
  if (/解读|起草说明|编制说明|政策问答|说明$/.test(title) || /解读/.test(tags)) return '解读';
  // 答记者问, and a press conference's questions and answers (新闻发布会答问) or a 新闻发布会 on a plan.
  if (/答记者问|答问|问答|回答记者/.test(title) || (/发布会/.test(title) && PLAN_WORD.test(title))) return '解读';
  if (/(会议|会)上的(工作)?报告/.test(title + subtitles)) return '报告';
  if (MEETING_TITLE.test(title) && (!NOT_A_MEETING.test(title) || /召开|举行/.test(title))) return '会议报道';
  // "2016年全州教育工作会议强调", "…工作会议报道": a headline reporting a meeting, or what it said.
  if (/(?:会议|大会|工作会)(?:强调|要求|指出|提出|明确|部署|报道|纪实|综述|侧记)/.test(title)) return '会议报道';
  if (/要点/.test(title)) return explains ? '解读' : '工作要点';
  if (/总结/.test(title)) return '工作总结';
  // A whole year's 完成情况 (重点工作目标任务1-12月完成情况, 全年工作落实情况) reviews that year: a summary.
  if (yearEndReview(title)) return '工作总结';
  if (/报告/.test(title)) return '报告';
  // A year's 工作意见 (2031年教育工作意见, 关于2031年教育工作的意见) sets that year's work, as 工作要点 do;
  // an 实施意见 or 指导意见 of a policy stays an 意见.
  if (yearlyOpinion(title)) return explains ? '解读' : '工作要点';
  // A year's or a school year's 工作计划 (2023—2024学年度工作计划) is a yearly plan, like a 工作要点.
  if (yearlyPlan(title)) return explains ? '解读' : '工作要点';
  // "黟县教育局邀请人大代表、政协委员共谋教育事业发展规划": a news headline about a plan, over a report of the
  // meeting that discussed it, is a meeting report.
  if (NEWS_VERB.test(title) && /召开|举行/.test(opening) && /会/.test(opening)) return '会议报道';
  if (/规划|计划|纲要/.test(title)) return explains ? '解读' : '规划';
  if (explains) return '解读';
  if (!hasTitleLine && /会议|会上/.test(opening) && /召开|举行|举办/.test(opening)) return '会议报道';
  // A page that lost its title still says what it is where a plan says why it was made: "…,制定本规划。"
  if (!hasTitleLine && /(?:制定|编制|制订)本规划/.test(opening)) return '规划';
  // …or where a year's work points set out the year's course: "2025年是…。全市教育工作的总体思路是:…"
  if (!hasTitleLine && /^(?:19|20)\d{2}年是.{0,200}?教育工作的?总体(?:思路|要求)/.test(opening)) return '工作要点';
  return 'other';
}

const PLAN_WORD = /要点|规划|计划|纲要|方案|意见|《/;
const NEWS_VERB = /邀请|共谋|共商|问计|听取|征求|研讨|座谈|调研/;

/** The 完成情况 of one whole year's work: a year named, and no part of it (上半年, 一季度, 1-6月). */
function yearEndReview(title: string): boolean {
  if (!/(完成情况|落实情况|执行情况|推进情况|进展情况)$/.test(title)) return false;
  if (!/(?:19|20)\d{2}年/.test(title) || YEAR_RANGE.test(title) || FIVE_YEAR.test(title)) return false;
  const months = title.match(/1\s*[-—–~～至到]\s*(\d{1,2})\s*月/);
  if (months) return Number(months[1]) === 12;
  return !/上半年|下半年|季度|\d{1,2}月/.test(title);
}

/** A 工作意见 for one year: its work for that year, not a policy's 实施意见 or 指导意见. */
function yearlyOpinion(title: string): boolean {
  if (!/工作意见$|^关于.{0,20}(?:19|20)\d{2}年度?.{0,20}工作的意见$/.test(title)) return false;
  if (/(实施|指导|若干)(工作)?意见$/.test(title)) return false;
  const years = title.match(/(?:19|20)\d{2}(?=年)/g) ?? [];
  return years.length === 1 && !YEAR_RANGE.test(title) && !FIVE_YEAR.test(title);
}

/**
 * A 工作计划 for one year, school year or term: not a multi-year one (2021—2025年, 三年行动计划, 十四五).
 * A range of two consecutive years is a school year (2023—2024学年度).
 */
function yearlyPlan(title: string): boolean {
  if (!/工作计划$/.test(title.replace(/\s*[(（][^()（）]{1,16}[)）]$/, ''))) return false;
  const range = title.match(YEAR_RANGE);
  if (range && Number(range[2]) - Number(range[1]) > 1) return false;
  return !FIVE_YEAR.test(title) && !/[两二三四五六七八九十]年|五年/.test(title);
}

// ---------------------------------------------------------------------------------------------
// Year and period

const YEAR_RANGE = /((?:19|20)\d{2})\s*年?\s*(?:[-—–~～至到－]|——)+\s*((?:19|20)\d{2})/;
const FIVE_YEAR = /十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年|“十五”|十五(?:规划|计划|期间|时期)/;
// “十五”期间, 十四五时期: the term of a five-year plan, in the text of a document issued during it.
const FIVE_YEAR_TERM = /十([一二三四五六七八九])?五[”"]?(?:期间|时期)/g;
// Two parts of one title, each with its year, joined by 和/及/暨/与/、: 2021年工作总结和2022年工作计划.
const TWO_YEARS = /((?:19|20)\d{2})\s*年[^，,。；、和及暨与]{0,30}(?:和|及|暨|与|以及|、|并)\s*((?:19|20)\d{2})\s*年/;
const DOC_NUMBER_YEAR = /[〔［[(（]((?:19|20)\d{2})[〕］\])）]\s*\d{1,4}\s*号/;

/** The years of the n-th five-year plan: the 3rd began in 1966, every one since five years after the last. */
export function fiveYearPlan(n: number): [number, number] {
  const start = 1966 + 5 * (n - 3);
  return [start, start + 4];
}

function fiveYearIn(text: string): [number, number] | undefined {
  const m = text.match(FIVE_YEAR);
  if (!m) return undefined;
  const digit = m[1] ?? m[2];
  return fiveYearPlan(digit ? 10 + '一二三四五六七八九'.indexOf(digit) + 1 : 10);
}

type Period = { year: number | typeof UNKNOWN; years: [number, number] | typeof UNKNOWN };

/**
 * A title of two parts with a year each (2021年工作总结和2022年工作计划) covers both years: its period is
 * [2021, 2022], so that a question about either year finds it, and its year is the first, as for every
 * period (year is always years[0]; the type stays that of the first part, 工作总结).
 *
 * The year a document is about, and the years it covers: a period its titles give (2021—2025年,
 * 2023—2024学年度, 十四五), else the year they give (annual: [y, y]); else the year of its document number,
 * else the year its opening names most. A plan or 意见 with one year runs to the nearest target year its
 * text sets (到2020年) within five years; a 远景 target (2035) is never its period.
 */
function detectPeriod(titles: string[], meta: string[], body: string, type: DocType): Period {
  const annual = (year: number): Period => {
    const multiYear = type === '规划' || (type === 'other' && /(意见|方案|计划|纲要|规划|决定)$/.test(titles[0] ?? ''));
    if (!multiYear) return { year, years: [year, year] };
    let end = year;
    for (const m of body.matchAll(/到((?:19|20)\d{2})年/g)) {
      const target = Number(m[1]);
      if (target > year && target - year <= 5) {
        end = target;
        break;
      }
    }
    // No target year: the five-year plan whose tasks it sets (“十五”期间…的任务), if it was issued within it.
    if (end === year)
      for (const m of body.matchAll(FIVE_YEAR_TERM)) {
        const [start, last] = fiveYearPlan(m[1] ? 10 + '一二三四五六七八九'.indexOf(m[1]) + 1 : 10);
        if (start <= year && year < last) {
          end = last;
          break;
        }
      }
    return { year, years: [year, end] };
  };
  // A meeting is about the year it is held, even when it discusses a plan's term (“十四五”规划编制座谈会):
  // the plan's years give only its first year, as a last resort.
  const meeting = type === '会议报道';
  let planStart: number | undefined;
  for (const title of titles) {
    const range = title.match(YEAR_RANGE);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (meeting && b - a > 1) planStart ??= a;
      else if (b > a && b - a <= 10) return { year: a, years: [a, b] };
    }
    // 2021年工作总结和2022年工作计划: a year's summary and the next year's plan, one document about both.
    const two = title.match(TWO_YEARS);
    if (two) {
      const [a, b] = [Number(two[1]), Number(two[2])];
      if (b > a && b - a <= 2) return { year: a, years: [a, b] };
    }
    const schoolYear = title.match(/((?:19|20)\d{2})\s*学年/);
    if (schoolYear) return { year: Number(schoolYear[1]), years: [Number(schoolYear[1]), Number(schoolYear[1]) + 1] };
    const fiveYear = fiveYearIn(title);
    if (fiveYear && meeting) planStart ??= fiveYear[0];
    else if (fiveYear) return { year: fiveYear[0], years: fiveYear };
    const year = title
      .replace(DOC_NUMBER_YEAR, '')
      .replace(meeting ? YEAR_RANGE : /$^/, '')
      .match(/(?<!\d)((?:19|20)\d{2})(?!\d)/);
    if (year) return annual(Number(year[1]));
    // 庆祝第二十九个教师节: Teachers' Day was first kept in 1985.
    const teachersDay = title.match(/第([一二三四五六七八九十]{1,3}|\d{1,2})[个個]?教师节/);
    const nth = teachersDay ? chineseNumber(teachersDay[1]) : undefined;
    if (nth) return annual(1984 + nth);
  }
  for (const line of [...titles, ...meta]) {
    const m = line.match(DOC_NUMBER_YEAR);
    if (m) return annual(Number(m[1]));
  }
  const opening = body.slice(0, 400);
  // A 规划 without a title to say its term is made for the latest five-year plan its opening names
  // (“十三五”期间…成果, then the “十四五” tasks), never for the year of a target it cites (2035).
  if (type === '规划') {
    const terms = [...opening.matchAll(new RegExp(FIVE_YEAR, 'g'))].map((m) => fiveYearIn(m[0])!);
    const latest = terms.sort((a, b) => b[0] - a[0])[0];
    if (latest) return { year: latest[0], years: latest };
  }
  const counts = new Map<number, number>();
  // Years of the documents it cites (《…纲要(2024—2035年)》) are not its own.
  const own = opening.replace(/《[^《》]*》/g, '');
  // Nor is a target year (到2015年打造…): what a text aims at, not when it speaks.
  for (const m of own.matchAll(/(?<![到至])((?:19|20)\d{2})年(?!\d)(?!.{0,6}远景)/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  if (best) return annual(best[0]);
  // Nothing in the text: the page's own date (its dateline, 发布时间) is the year it reports on.
  for (const line of meta) {
    const m = line.match(/(?:^|[:：\s(（])((?:19|20)\d{2})[-/.年]\d{1,2}[-/.月]\d{1,2}/);
    if (m) return annual(Number(m[1]));
  }
  // …or a dateline the page left among its first lines ("基础教育 时间:2021-07-30 15:36 来源:…").
  const dateline = body.slice(0, 300).match(/(?:时间|日期)[:：]\s*((?:19|20)\d{2})[-/.年]\d{1,2}[-/.月]\d{1,2}/);
  if (dateline) return annual(Number(dateline[1]));
  if (planStart) return annual(planStart);
  return { year: UNKNOWN, years: UNKNOWN };
}

/** 29, 二十九, 十五, 四十: a small number in digits or Chinese numerals. */
function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (c: string | undefined) => (c ? '一二三四五六七八九'.indexOf(c) + 1 : 0);
  const m = text.match(/^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/);
  if (!m || (!m[2] && m[1] && m[3])) return undefined;
  const value = m[2] ? (m[1] ? digit(m[1]) : 1) * 10 + digit(m[3]) : digit(m[1] ?? m[3]);
  return value || undefined;
}

/** Whether a plan is about a given year: its own year, or a year inside the period it covers. */
export function coversYear(doc: Pick<DocumentMeta, 'year' | 'years'>, year: number): boolean {
  return doc.years === UNKNOWN ? doc.year === year : doc.years[0] <= year && year <= doc.years[1];
}

// ---------------------------------------------------------------------------------------------
// Place

// "成都市教育局关于印发…的通知", "浙江省教育厅2022年工作要点": the issuing body opens the title.
const ISSUER_IN_TITLE =
  /^(\p{Script=Han}{2,24}?(?:局|厅|廳|委员会|委員會|政府|办公室|辦公室|委))(?:关于|關於|關于|(?=(?:19|20)\d{2}年))/u;

// 全省 / 我市 / 州委 / 市教育局 …: the level of government a text speaks for.
const SCOPE: Array<[PlaceLevel, RegExp]> = [
  ['province', /(全省|我省|省委|省政府|自治区党委|自治区教育厅|(?:^|年|度)省(?=教育|委|政府))/g],
  ['city', /(全市|我市|市委|市政府|(?:^|年|度)市(?=教育|委|政府))/g],
  ['prefecture', /(全州|我州|州委|州政府|全盟|我盟|盟委|行署|(?:^|年|度)州(?=教育|委|政府))/g],
  [
    'county',
    /(全县|我县|县委|县政府|全区|我区|区委|区政府|全旗|我旗|旗委|旗政府|(?:^|年|度)[县区旗](?=教育|委|政府))/g,
  ],
];
const ANONYMISED = /(XX|ＸＸ|xx|××|某)(省|市|州|县|区)/;

function scopeOf(text: string): PlaceLevel | undefined {
  // "位居全省前列", "全国首批": a ranking among others, not the level a document speaks for.
  const voice = text.replace(RANKING, '');
  // On a tie the more specific level: a document cites the levels above it (全省教育大会) more than below.
  const counts = SCOPE.map(([level, re]) => [level, voice.match(re)?.length ?? 0] as const).sort(
    (a, b) => b[1] - a[1] || LEVEL_RANK[b[0]] - LEVEL_RANK[a[0]],
  );
  return counts[0][1] > 0 ? counts[0][0] : undefined;
}
const RANKING = /全[国省市州县区](?=前列|第[一二三四五六七八九十\d]|领先|排名|首位|首批|首个|唯一|率先|同类)/g;

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, city: 1, prefecture: 1, county: 2 };

/** Whether a place can be the one a text speaking at `scope` speaks for. */
function fitsScope(place: Place, scope: PlaceLevel | undefined): boolean {
  if (!scope || place.level === scope) return true;
  if (scope === 'city' || scope === 'prefecture')
    // A 市 or 州 either way; a county-level city (资兴市) speaks of 全市 too, never of 全州.
    return (
      place.level === 'city' ||
      place.level === 'prefecture' ||
      (scope === 'city' && place.level === 'county' && /市$/.test(place.fullName))
    );
  // 全区 speaks for a district (county level) or for an autonomous region (province level).
  if (scope === 'county') return place.level === 'province' && /自治区$/.test(place.fullName);
  return false;
}

/** The division a place belongs to at a level: 兰州 at province level is 甘肃. */
function atScope(place: Place, scope: PlaceLevel | undefined): Place | undefined {
  if (fitsScope(place, scope)) return place;
  if (scope && LEVEL_RANK[place.level] > LEVEL_RANK[scope])
    for (const code of place.parents) {
      const parent = placeByCode(code);
      if (parent && fitsScope(parent, scope)) return parent;
    }
  return undefined;
}

/** Places a text names, those outside 《》 first (a title may cite another place's plan). */
function placesIn(text: string): Place[] {
  const outside = text.replace(/《[^《》]*》/g, (m) => ' '.repeat(m.length));
  const own = findPlaceMentions(outside).map((m) => m.place);
  return own.length ? own : findPlaceMentions(text).map((m) => m.place);
}

/** The most specific of the places a title names (临沂 over 山东 in 山东省临沂市…), in the order named. */
function mostSpecific(places: Place[]): Place | undefined {
  let best: Place | undefined;
  for (const p of places) if (!best || LEVEL_RANK[p.level] > LEVEL_RANK[best.level]) best = p;
  return best;
}

/**
 * The place a document speaks for: the place its title names (at the level the title speaks for:
 * "2020年全省教育工作会议在兰州召开" is 甘肃's), else its issuer's, else the place its body names most
 * at the level it speaks for (全市 → a city); a county's short name ("丹凤教育") only when nothing else
 * is named. An anonymised "XX市" is left unknown rather than guessed.
 */
function detectPlace(titles: string[], issuers: string[], sources: string[], body: string): Place | undefined {
  if (titles.some((t) => ANONYMISED.test(t)) || (body.match(new RegExp(ANONYMISED, 'g'))?.length ?? 0) >= 2)
    return undefined;
  const titleScope = scopeOf(titles.join('\n'));
  const issuerScope = scopeOf(issuers.join('\n'));
  for (const text of [...titles, ...issuers]) {
    const named = mostSpecific(placesIn(text));
    if (!named) continue;
    return (titleScope && atScope(named, titleScope)) || named;
  }
  const scope = titleScope ?? issuerScope ?? scopeOf(body);
  const scores = new Map<string, { place: Place; score: number }>();
  const add = (place: Place | undefined, weight: number) => {
    if (!place) return;
    const entry = scores.get(place.code) ?? { place, score: 0 };
    entry.score += weight;
    scores.set(place.code, entry);
  };
  const count = (text: string, weight: number) => {
    for (const { place } of findPlaceMentions(text)) {
      if (!scope) {
        // Not knowing the level, a county's mention counts for the divisions above it.
        if (place.level !== 'county') add(place, weight);
        else for (const parent of place.parents) add(placeByCode(parent), weight * 0.5);
        continue;
      }
      const fits = atScope(place, scope);
      if (fits === place) add(place, weight);
      else if (fits) add(fits, weight * 0.5);
    }
  };
  count(sources.join('\n'), 2);
  count(body, 1);
  const best = [...scores.values()].sort((a, b) => b.score - a.score)[0];
  if (best) return best.place;
  // "全州教育工作会议在康定召开": the county it was held in, by its short name, says which 州 (or 市) it was.
  const held = countyHeldIn(body);
  if (held) return atScope(held, scope) ?? (scope ? undefined : held);
  if (scope === 'province') return provinceByLiteraryName(body);
  if (scope === 'county' || !scope) return countyByShortName(body);
  // 全市 of a county-level city: "麻城教育" names it.
  if (scope === 'city') {
    const city = countyByShortName(body);
    return city && /市$/.test(city.fullName) ? city : undefined;
  }
  return undefined;
}

/**
 * A province's literary names, as its own documents write them in slogans ("奋力推进新时代治蜀兴川",
 * "走在齐鲁前列"); only those no other province or city shares (not 中原, 江淮, 岭南 or 龙江).
 */
const LITERARY_NAMES: Array<[RegExp, string]> = [
  [/治蜀兴川|兴川/, '四川省'],
  [/齐鲁/, '山东省'],
  [/八闽/, '福建省'],
  [/三晋/, '山西省'],
  [/荆楚/, '湖北省'],
  [/三湘|湖湘/, '湖南省'],
  [/三秦/, '陕西省'],
  [/八桂/, '广西壮族自治区'],
  [/燕赵/, '河北省'],
  [/陇原/, '甘肃省'],
  [/赣鄱/, '江西省'],
  [/七彩云南|彩云之南/, '云南省'],
  [/出彩中原|中原更加出彩/, '河南省'],
];

/**
 * A province's document that names no place (template sites mask names; "我省" speaks for itself) is
 * still the province whose literary name its slogans use — when they use one province's only.
 */
function provinceByLiteraryName(body: string): Place | undefined {
  const named = LITERARY_NAMES.filter(([re]) => re.test(body)).map(([, fullName]) => fullName);
  if (named.length !== 1) return undefined;
  return allPlaces().find((p) => p.level === 'province' && p.fullName === named[0]);
}

let countiesByShortName: Map<string, Place[]> | undefined;

/** The county a meeting was held in, named by its short name ("在康定召开"), when that name is one county's only. */
function countyHeldIn(body: string): Place | undefined {
  countyByShortName('');
  for (const m of body.slice(0, 300).matchAll(/在(\p{Script=Han}{2,3}?)(?:市|县)?(?:召开|举行)/gu)) {
    const places = countiesByShortName!.get(m[1]);
    if (places?.length === 1) return places[0];
  }
  return undefined;
}

/** A county named by its short name ("丹凤教育", "结合临邑实际"), when that short name is one county's only. */
function countyByShortName(body: string): Place | undefined {
  if (!countiesByShortName) {
    countiesByShortName = new Map();
    for (const p of allPlaces()) {
      if (p.level !== 'county') continue;
      const short = p.name.replace(/(县|区|市|旗)$/, '');
      if (short.length < 2 || short === p.name) continue;
      countiesByShortName.set(short, [...(countiesByShortName.get(short) ?? []), p]);
    }
  }
  const counts = new Map<Place, number>();
  // "丹凤教育", and "结合临邑实际" / "符合临邑实际": how a county's own documents name it.
  for (const m of body.matchAll(/(\p{Script=Han}{2,3})(?=教育)|(?:结合|符合|立足)(\p{Script=Han}{2,3}?)实际/gu)) {
    const word = m[1] ?? m[2];
    for (const candidate of [word, word.slice(1)]) {
      const places = countiesByShortName.get(candidate);
      if (places?.length === 1) counts.set(places[0], (counts.get(places[0]) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
