// Metadata: what a document is, read from its own text (title lines, 来源/發文機關 lines, the body),
// never from the file name. Anything the text does not say is 'unknown'.
import { toSimplified } from '../text/script.js';
import { findPlaceMentions, placeByCode, type Place, type PlaceLevel } from './places.js';
import type { RawDocument } from './split-documents.js';

export const DOC_TYPES = ['工作要点', '工作总结', '会议报道', '规划', 'other'] as const;
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

export function readMetadata(doc: RawDocument): DocumentMeta {
  const firstSentence = doc.body[0]?.split(/[。！？]/)[0] ?? '';
  const titleLine = doc.title;
  const title = titleLine ?? firstSentence.replace(/^\d{1,2}月\d{1,2}日[,，]?\s*/, '').slice(0, 60);
  const simplifiedTitle = toSimplified(title);
  const simplifiedBody = toSimplified(doc.body.join('\n'));
  const place = detectPlace(simplifiedTitle, simplifiedBody, doc.meta.map(toSimplified));
  return {
    title,
    titleSource: titleLine ? 'title-line' : 'first-sentence',
    place: place?.name ?? UNKNOWN,
    placeLevel: place?.level ?? UNKNOWN,
    placeAliases: place?.aliases ?? [],
    placeParents: place ? place.parents.map((c) => placeByCode(c)?.name).filter((n): n is string => Boolean(n)) : [],
    year: detectYear(simplifiedTitle, simplifiedBody),
    years: detectYears(simplifiedTitle, simplifiedBody),
    type: detectType(simplifiedTitle, simplifiedBody, Boolean(titleLine)),
    publishDate:
      metaValue(
        doc.meta,
        /(政策发布日期|政策發布日期|发布日期|發布日期|成文日期|发布时间|發布時間|时间|時間)\s*[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})/,
        2,
      )?.replace(/[年月/.]/g, '-') ??
      firstDateLine(doc.meta) ??
      UNKNOWN,
    issuer:
      metaValue(
        doc.meta,
        /(发文机关|發文機關|发证机关|發證機關|发布机构|發布機構|发文单位|發文單位|落款)\s*[:：]\s*([^\s]+)/,
        2,
      ) ??
      [titleLine, ...doc.otherTitles].map((t) => t?.match(ISSUER_IN_TITLE)?.[1]).find(Boolean) ??
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
    const m = line.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/);
    if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  }
  return undefined;
}

/** The year the plan is about: the title's year, else the year the opening names most. */
function detectYear(title: string, body: string): number | typeof UNKNOWN {
  const inTitle =
    title.match(/(19|20)\d{2}(?=\s*[-—–~～至到]\s*(19|20)\d{2})/) ??
    title.match(/(19|20)\d{2}(?=年)/) ??
    title.match(/(19|20)\d{2}/);
  if (inTitle) return Number(inTitle[0]);
  const opening = body.slice(0, 400);
  const counts = new Map<number, number>();
  for (const m of opening.matchAll(/((?:19|20)\d{2})年(?!\d)/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : UNKNOWN;
}

/** Whether a plan is about a given year: its own year, or a year inside the period it covers. */
export function coversYear(doc: Pick<DocumentMeta, 'year' | 'years'>, year: number): boolean {
  return doc.years === UNKNOWN ? doc.year === year : doc.years[0] <= year && year <= doc.years[1];
}

/** A period in the title (2021—2025年, 2019-2022年) or a five-year plan (“十四五”), else the single year. */
function detectYears(title: string, body: string): [number, number] | typeof UNKNOWN {
  const range = title.match(/((?:19|20)\d{2})\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年?/);
  if (range && Number(range[2]) >= Number(range[1])) return [Number(range[1]), Number(range[2])];
  const fiveYear = title.match(/“?十([一二三四五六七八九])五”?(?:规划|时期|期间)/);
  if (fiveYear) {
    const n = '一二三四五六七八九'.indexOf(fiveYear[1]) + 11;
    const start = 1951 + (n - 1) * 5;
    return [start, start + 4];
  }
  const year = detectYear(title, body);
  return year === UNKNOWN ? UNKNOWN : [year, year];
}

function detectType(title: string, body: string, hasTitleLine: boolean): DocType {
  if (/要点/.test(title)) return '工作要点';
  if (/总结/.test(title)) return '工作总结';
  if (/规划|计划|纲要/.test(title)) return '规划';
  const opening = body.slice(0, 200);
  if (/会议/.test(title) || (!hasTitleLine && /会议|会上/.test(opening) && /召开|举行|举办/.test(opening)))
    return '会议报道';
  return 'other';
}

// "成都市教育局关于印发…的通知", "浙江省教育厅2022年工作要点": the issuing body opens the title.
const ISSUER_IN_TITLE =
  /^(\p{Script=Han}{2,24}?(?:局|厅|廳|委员会|委員會|政府|办公室|辦公室|委))(?:关于|關於|關于|(?=(?:19|20)\d{2}年))/u;

// 全省 / 我市 / 州委 …: the level of government the document speaks for.
const SCOPE: Array<[PlaceLevel, RegExp]> = [
  ['province', /(全省|我省|省委|省政府)/g],
  ['city', /(全市|我市|市委|市政府)/g],
  ['prefecture', /(全州|我州|州委|州政府)/g],
  ['county', /(全县|我县|县委|县政府|全区|我区|区委|区政府)/g],
];
const ANONYMISED = /(XX|ＸＸ|xx|××|某)(省|市|州|县|区)/;

/**
 * The place a document is from: among places at the level it speaks for (全市 → a city), the one
 * it names most (title and issuing body count more); mentions of a county or city also count for
 * the divisions above it. An anonymised "XX市" is left unknown rather than guessed.
 */
function detectPlace(title: string, body: string, meta: string[]): Place | undefined {
  if (ANONYMISED.test(title) || (body.match(new RegExp(ANONYMISED, 'g'))?.length ?? 0) >= 2) return undefined;
  const scopeCounts = SCOPE.map(([level, re]) => [level, (title + body).match(re)?.length ?? 0] as const).sort(
    (a, b) => b[1] - a[1],
  );
  const scope = scopeCounts[0][1] > 0 ? scopeCounts[0][0] : undefined;
  const scores = new Map<string, { place: Place; score: number }>();
  const add = (place: Place | undefined, weight: number) => {
    if (!place) return;
    const entry = scores.get(place.code) ?? { place, score: 0 };
    entry.score += weight;
    scores.set(place.code, entry);
  };
  const count = (text: string, weight: number) => {
    for (const { place } of findPlaceMentions(text)) {
      add(place, weight);
      for (const parent of place.parents) add(placeByCode(parent), weight * 0.5);
    }
  };
  count(title, 5);
  count(meta.filter((m) => /机关|機關|机构|單位|单位/.test(m)).join('\n'), 5);
  count(body, 1);
  // 全区 speaks for a district (county level) or for an autonomous region (province level).
  const levelOk = (p: Place) =>
    !scope ||
    p.level === scope ||
    (scope === 'prefecture' && p.level === 'city') ||
    (scope === 'city' && p.level === 'prefecture') ||
    (scope === 'county' && p.level === 'province' && /自治区$/.test(p.fullName));
  // Counties are candidates only for a document that speaks for a county (全县); otherwise their
  // mentions count for the city above them.
  const ranked = [...scores.values()]
    .filter((s) => levelOk(s.place) && (s.place.level !== 'county' || scope === 'county'))
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  return best && best.score >= 2 ? best.place : undefined;
}
