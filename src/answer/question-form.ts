// What shape of answer a question wants: a figure (and in which unit), a list (and how many items),
// or a plan's priorities as a whole. Read from the question's wording only, in Chinese or English.
import { taggedWords } from '../text/tokenize.js';
import type { QueryUnderstanding } from '../retrieval/query.js';
import { readable } from './evidence.js';

/**
 * Units a figure can be counted in; a how-much question names one class of them, or none. `sites`
 * is asked with a measure word for institutions (多少所, 几家) and is answered only in those (80所,
 * never 10个); `places` is asked by the noun alone (多少学校), which plans also count in 个. `area`
 * is asked in square metres or mu.
 */
export type UnitClass = 'percent' | 'money' | 'people' | 'sites' | 'places' | 'area' | 'count';

export type QuestionForm = {
  /**
   * A how-much question; `unit` when its wording says what the figure counts, `counted` the words
   * naming what is counted ("人工智能学校" in 多少所人工智能学校, "support teachers").
   */
  amount?: { unit?: UnitClass; counted?: string };
  /** A question asking for several items; `count` when it says how many (哪六项, three tasks). */
  list?: { count?: number };
  /** Asks for a plan's priorities as a whole: a question with no subject of its own. */
  overview: boolean;
  /** Asks how a document is built: its parts or chapters ("分哪几个部分", "一共分成几块", "how many parts"). */
  structure?: boolean;
  /** Asks who (哪位领导讲话, 谁主持, who spoke): answered by a sentence naming a person by role. */
  who?: boolean;
};

const WHO = /哪位|哪个领导|哪些领导|是谁|谁(?:主持|讲话|出席|作|参加|介绍|宣读)|\bwho\b/i;

const STRUCTURE =
  /(?:哪几|几|多少)(?:个|大)?(?:部分|章|板块|块内容|大块)|(?:how many|what|which)\s+(?:main\s+)?(?:parts|chapters)\b/i;

// 几 asks how many, except in a time expression (那几年, 这几天, 近几年: "those few years") and 几乎.
const AMOUNT =
  /多少|(?<![那这近前头])几(?!乎|点|年级)|比例|比率|覆盖率|占比|百分之|多大|how many|how much|what (?:percentage|share|proportion|number)|\brate\b|\bratio\b|number of/i;
const LIST =
  /哪些|哪几|几个方面|哪[一二三四五六七八九十两\d]+(?:项|个|条|点|类|支|方面|件)|有什么要求|什么要求|什么措施|什么举措|什么机制|\bwhich\b|what are|\blist\b|what (?:measures|steps|requirements|mechanisms|tasks|priorities|areas|problems|goals)/i;

const MEASURE: Array<[RegExp, UnitClass]> = [
  [/^(?:万|亿)?元|^钱|^亿/, 'money'],
  [/^(?:万)?(?:名|人次|人|位)/, 'people'],
  [/^(?:所|家(?!里|庭|长|乡|属|人)|间|座)/, 'sites'],
  [/^(?:万|亿)?(?:平方米|平米|亩|公顷)/, 'area'],
  [/^(?:个|项|次|对|门|批|期|篇|条|台|套|本|场|届|支|类|倍)/, 'count'],
];
const PEOPLE =
  /教师|老师|学生|毕业生|人员|校长|师范生|儿童|幼儿(?!园)|家长|学员|人才|员工|教职工|督学|校医|辅导员|运动员/;
const PLACES = /学校|幼儿园|园所|高校|大学|基地|中心|机构|实验室|食堂|校区|学院|示范校|特色校/;
const MONEY = /经费|资金|投入|钱|拨款|预算|补助|资助金额|费用/;
const PERCENT = /比例|比率|率|占比|百分之|覆盖/;

const EN_PEOPLE =
  /\b(teachers?|students?|graduates?|people|staff|child(?:ren)?|principals?|pupils?|psychologists?|counsell?ors?|doctors?|athletes?|trainees?|persons?)\b/i;
const EN_MONEY = /\b(money|funding|funds?|investment|spending|budget|yuan|rmb|subsid(?:y|ies))\b/i;
const EN_PERCENT = /\b(percent(?:age)?|rate|ratio|proportion|share|coverage)\b/i;

const NUMERAL: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const EN_NUMERAL: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

export function questionForm(query: QueryUnderstanding): QuestionForm {
  const text = query.simplified;
  const english = query.script === 'en';
  if (STRUCTURE.test(text)) return { overview: false, list: {}, structure: true };
  const list = LIST.test(text) ? { count: listCount(text) } : undefined;
  const amount =
    AMOUNT.test(text) && !list
      ? {
          unit: english ? englishUnit(text) : chineseUnit(text),
          counted: english ? englishCounted(text) : chineseCounted(text),
        }
      : undefined;
  const specific = query.terms.filter((t) => !t.generic);
  // Nothing asked beyond the plan itself ("青岛2020年要抓好哪几项重点?", "广州2021年教育工作怎么样?").
  return { amount, list, overview: !amount && specific.length === 0, ...(WHO.test(text) ? { who: true } : {}) };
}

function chineseUnit(text: string): UnitClass | undefined {
  const at = text.search(/多少|几/);
  if (at >= 0) {
    const after = text.slice(at).replace(/^(多少|几)/, '');
    for (const [re, unit] of MEASURE) if (re.test(after)) return unit;
    const noun = after.slice(0, 6);
    // Places in a school (学位, 床位, 岗位) are counted in 个, whoever or whatever they are places of.
    if (/^\p{Script=Han}{0,4}?(?:学位|床位|座位|岗位|学额)/u.test(noun)) return 'count';
    if (MONEY.test(noun)) return 'money';
    if (PEOPLE.test(noun)) return 'people';
    if (PLACES.test(noun)) return 'places';
  }
  if (PERCENT.test(text)) return 'percent';
  if (MONEY.test(text)) return 'money';
  return undefined;
}

function englishUnit(text: string): UnitClass | undefined {
  if (EN_PERCENT.test(text)) return 'percent';
  if (/how much/i.test(text) || EN_MONEY.test(text)) return EN_MONEY.test(text) ? 'money' : undefined;
  const counted = englishCounted(text) ?? '';
  // The head noun decides ("school psychologists" are people); schools may be counted in pairs
  // (姊妹学校21对) or as items, so only people are held to their units.
  const head = counted.trim().split(/\s+/).at(-1) ?? '';
  return EN_PEOPLE.test(head) ? 'people' : 'count';
}

/** What a Chinese how-much question counts: the words after 多少/几 and its measure word. */
function chineseCounted(text: string): string | undefined {
  const m = text.match(
    /(?:多少|几)(?:万|亿)?(?:所|家(?!里|庭|长|乡|属|人)|间|座|名|人次|位|个|项|次|对|门|批|期|篇|条|台|套|本|场|届|支|类)?([^，,。？?！!、；;：:“”"]*)/,
  );
  const phrase = m?.[1].replace(/^(的|了)/, '').trim();
  if (!phrase || !/\p{Script=Han}{2}/u.test(phrase)) return undefined;
  // The noun phrase only: up to a particle, or a verb that ends it ("学校食堂 | 接入了市级平台"); a
  // verb before a noun modifies it (示范学校, 帮扶支教老师).
  const tags = taggedWords(phrase);
  let counted = '';
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i].tag;
    if (counted && (/^(u|y|p|c|d|r|m|q)/.test(t) || (t === 'v' && !/^(n|vn|j|nz|b|x)/.test(tags[i + 1]?.tag ?? ''))))
      break;
    counted += tags[i].word;
  }
  return counted || undefined;
}

/** What an English how-many question counts: the words between "how many" and its verb. */
function englishCounted(text: string): string | undefined {
  const m = text.match(
    /how many\s+(.+?)\s+(?:will|would|does|did|do|are|is|were|was|has|have|had|must|should|can|could|to|in|per)\b/i,
  );
  // "How many of Tianjin's higher vocational colleges …": the thing counted, not whose it is.
  return m?.[1].toLowerCase().replace(/^of\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?/, '');
}

function listCount(text: string): number | undefined {
  const zh = text.match(/哪([一二三四五六七八九十两]|\d+)(?:项|个|条|点|类|支|方面|件)/);
  if (zh) return NUMERAL[zh[1]] ?? Number(zh[1]);
  const en = text.match(
    /\b(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:main\s+|key\s+)?(?:tasks|priorities|items|areas|measures|things|points|requirements)/i,
  );
  if (en) return EN_NUMERAL[en[1].toLowerCase()] ?? Number(en[1]);
  return undefined;
}

/**
 * Whether `sentence` gives a figure in the unit class a how-much question asks for: a number (digits
 * or Chinese numerals) followed by a measure word of that class, or a percentage. Dates and years
 * are not figures. With no unit asked, any figure counts.
 */
export function hasFigure(sentence: string, unit?: UnitClass): boolean {
  const text = readable(sentence).replace(
    /(?:19|20)\d{2}\s*(?:年|—|-|–|届)|\d{1,2}月\d{1,2}日|\d{1,2}月|^\s*[（(]?\d+[.．、)）]/g,
    ' ',
  );
  const number = '(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)(?:\\s*(?:万|亿|余|多))*';
  const percent = new RegExp(`\\d+(?:\\.\\d+)?\\s*[%％]|百分之[一二三四五六七八九十百]+`);
  const money = new RegExp(`${number}\\s*(?:万|亿)?元`);
  const people = new RegExp(`${number}\\s*(?:名|人次|人|位)`);
  const places = new RegExp(`${number}\\s*(?:所|个|家|间|座|园|处)`);
  const sites = new RegExp(`${number}\\s*(?:所|家|间|座|园|处)`);
  const area = new RegExp(`${number}\\s*(?:平方米|平米|亩|公顷)`);
  const any = new RegExp(
    `${number}\\s*(?:所|个|家|间|座|名|人次|人|位|项|次|对|门|批|期|篇|条|台|套|本|场|届|支|类|平方米|亩|倍|元|万元|亿元|课时|学时|天|小时)|\\d+(?:\\.\\d+)?\\s*[%％]`,
  );
  switch (unit) {
    case 'percent':
      return percent.test(text);
    case 'money':
      return money.test(text);
    case 'people':
      return people.test(text);
    case 'places':
      return places.test(text);
    case 'sites':
      return sites.test(text);
    case 'area':
      return area.test(text);
    default:
      return any.test(text) || /\d/.test(text.replace(/\s/g, ''));
  }
}
