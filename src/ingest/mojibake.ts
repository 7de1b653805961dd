// Mojibake. Bytes read as Latin-1 / Windows-1252 (UTF-8 or GBK text shown as "æ•™è‚²" or "½ÌÓý") are
// decoded back when that gives clean CJK text (repairLatin1). UTF-8 bytes that a site once decoded as GBK: Such spans are dense with rare characters
// (GBK's level-2 and extension rows), often broken by '?' where a byte pair had no character.
// Where the bytes survive, re-encoding as GBK and decoding as UTF-8 restores the text; where they
// do not, the span is replaced by U+FFFD so that it can never be quoted as clean text.
import iconv from 'iconv-lite';
import { toSimplified, toTraditional } from '../text/script.js';
import { dictionaryWords } from '../text/tokenize.js';

export const GARBLED = '\uFFFD';

const gbkCode = new Map<string, number>();
/** GB2312 (both bytes A1–FE, level 1 leads B0–D7) holds the common characters that nearly all plan text uses. */
function isRareHan(ch: string): boolean {
  if (!isHan(ch)) return false;
  let code = gbkCode.get(ch);
  if (code === undefined) {
    const bytes = iconv.encode(ch, 'gbk');
    code = bytes.length === 2 ? (bytes[0] << 8) | bytes[1] : -1;
    gbkCode.set(ch, code);
  }
  const lead = code >> 8;
  const trail = code & 0xff;
  return code === -1 || lead < 0xb0 || lead > 0xd7 || trail < 0xa1;
}

const isHan = (ch: string | undefined) => ch !== undefined && /\p{Script=Han}/u.test(ch);
// What mojibake leaves between its Han characters: lost bytes ('?'), ASCII read from trail bytes, stray
// marks, and GBK's pinyin letters (ǔ, ā: row A8), which plan text never has once annotations are removed.
const isDebris = (ch: string | undefined) =>
  ch !== undefined && /[?^£¬!;,_A-Za-z\u3100-\u312f\u02c9-\u02d9āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêɑńňǹɡ]/.test(ch);

const STRONG_DEBRIS = /[?A-Za-z\u3100-\u312fāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

export type MojibakeResult = { text: string; repaired: number; marked: number };

// Bytes read as Latin-1 / Windows-1252: UTF-8 ("æ•™è‚²" for 教育) or GBK ("½ÌÓý" for 教育). Such text is
// runs of that range's letters and symbols, C1 controls (bytes 0x80–0x9F that Windows-1252 leaves
// undefined) and U+FFFD (what some decoders put for those bytes instead).
const CP1252_SPECIALS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const CP1252_SPECIAL_BYTES = [
  0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96,
  0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
];
const byteOfSpecial = new Map([...CP1252_SPECIALS].map((ch, i) => [ch, CP1252_SPECIAL_BYTES[i]]));
/** The bytes Windows-1252 does not define: a decoder shows them as C1 controls, or as U+FFFD. */
const UNDEFINED_CP1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
const HIGH = `\\u0080-\\u00ff${CP1252_SPECIALS}`;
// UTF-8 of CJK text: lead bytes E0–EF (à–ï), each with two continuation bytes.
const UTF8_AS_LATIN1_RUN = new RegExp(`[\\u00c0-\\u00ff][${HIGH}\\uFFFD]{2,}`, 'g');
// GBK: a lead byte 81–FE and a trail byte 40–FE (a common character's are both A1–FE: ¡–þ). Three
// characters at least, to begin with; once a line has such a run, the shorter ones between its digits
// (2022Äê5ÔÂ) are read the same way.
const GBK_PAIR = `[\\u0081-\\u00fe${CP1252_SPECIALS}][\\u0040-\\u007e${HIGH}]`;
// A run starts where the high bytes do, so that its pairs are the characters' (ASCII can be a trail byte).
const GBK_AS_LATIN1_RUN = new RegExp(`(?<![${HIGH}])(?:${GBK_PAIR}){3,}`, 'g');
const GBK_AS_LATIN1_SHORT_RUN = new RegExp(`(?<![${HIGH}])(?:${GBK_PAIR})+`, 'g');

/** The bytes a run of Latin-1 / Windows-1252 characters came from; U+FFFD is an unknown byte (-1). */
function bytesOf(run: string): number[] {
  return [...run].map((ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? code : (byteOfSpecial.get(ch) ?? -1);
  });
}

/** CJK text: Han characters, CJK and full-width punctuation, and the general punctuation Chinese uses. */
const CJK_CHAR = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2010-\u2027\u2030-\u203b]/u;
/**
 * Whether re-decoded bytes are Chinese text: mostly CJK (at least 60% of the characters, the rest an
 * emoji or a symbol), some Han, and the Han characters nearly all common ones (a wrong re-decoding
 * lands among rare characters).
 */
const NEUTRAL = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe00-\ufe0f\u200d]/u;
function mostlyCjk(text: string): boolean {
  // Emoji and their modifiers say nothing either way (the cleaner removes them); nor does a lost character.
  const chars = [...text].filter((ch) => ch !== GARBLED && !NEUTRAL.test(ch));
  const han = chars.filter((ch) => isHan(ch));
  const cjk = chars.filter((ch) => CJK_CHAR.test(ch)).length;
  // A run of CJK punctuation alone (》。) is no Latin text either.
  if (!han.length) return chars.length > 0 && chars.every((ch) => /[\u3000-\u303f\uff00-\uffef]/.test(ch));
  const rare = rareCount(han);
  return cjk >= chars.length * 0.6 && (han.length < 3 ? rare === 0 : rare <= 1 + han.length * 0.2);
}
// The punctuation Chinese text uses most: 、 rather than 【 for E3 80 ?.
const COMMON_PUNCT = new Set('，。、；：？！“”‘’《》（）—…·');
/** A character Chinese text seldom uses: a rare Han character, or punctuation other than the common. */
const uncommon = (ch: string) => Number(isHan(ch) ? isRareCode(ch.codePointAt(0)!) : !COMMON_PUNCT.has(ch));
const rareCount = (chars: string[]) => chars.filter((ch) => isRareCode(ch.codePointAt(0)!)).length;

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8(bytes: number[]): string | undefined {
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

/** A UTF-8 sequence's length from its lead byte; 0 for a byte that cannot lead one. */
const sequenceLength = (b: number) =>
  b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
const PICTOGRAPH = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe00-\ufe0f\u200d]$/u;

/**
 * A run of UTF-8 read as Windows-1252, decoded back, character by character. A byte the decoder
 * lost (U+FFFD) can only have been one of the five Windows-1252 leaves undefined; of the characters
 * those choices give, the one Chinese text uses more (要 over 覍 for E8 A6 ?, 、 over 【), then in the
 * run's script (要 over 規 in simplified text), then making the fewest words with its neighbours
 * (成都市|教育局 over 戏|都市|教育局) is taken — and where two still tie, the character stays U+FFFD
 * (garbled: never quoted). The run is replaced only when all of it is UTF-8 and it reads as Chinese.
 */
function redecodeUtf8(run: string, inMojibake = false): { text: string; marked: number } | undefined {
  const bytes = bytesOf(run);
  const options: string[][] = [];
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes[i]);
    if (!length || i + length > bytes.length) return undefined;
    const sequence = bytes.slice(i, i + length);
    const unknown = sequence.flatMap((b, k) => (b < 0 ? [k] : []));
    const found: string[] = [];
    for (let n = 0; n < UNDEFINED_CP1252.length ** unknown.length; n++) {
      unknown.forEach((k, j) => (sequence[k] = UNDEFINED_CP1252[Math.floor(n / UNDEFINED_CP1252.length ** j) % 5]));
      const ch = decodeUtf8(sequence);
      if (ch !== undefined) found.push(ch);
    }
    if (!found.length) return undefined;
    options.push(found);
    i += length;
  }
  const sure = options.filter((o) => o.length === 1).map((o) => o[0]);
  const traditional = sure.filter((ch) => toSimplified(ch) !== ch).length;
  const simplified = sure.filter((ch) => toTraditional(ch) !== ch).length;
  const otherScript = (ch: string) =>
    traditional > simplified ? Number(toTraditional(ch) !== ch) : Number(toSimplified(ch) !== ch);
  const chosen: string[] = [];
  let marked = 0;
  options.forEach((found, i) => {
    if (found.length === 1 || found.every((ch) => PICTOGRAPH.test(ch))) return chosen.push(found[0]);
    const right = options.slice(i + 1, i + 4);
    const after = right.slice(
      0,
      Math.max(
        0,
        right.findIndex((o) => o.length > 1),
      ) || right.length,
    );
    const context = (ch: string) => toSimplified(chosen.slice(-3).join('') + ch + after.map((o) => o[0]).join(''));
    const scores = [uncommon, otherScript, (ch: string) => dictionaryWords(context(ch)).length];
    let best = found;
    for (const score of scores) {
      if (best.length <= 1) break;
      const scored = best.map((ch) => [ch, score(ch)] as const);
      const min = Math.min(...scored.map(([, n]) => n));
      best = scored.filter(([, n]) => n === min).map(([ch]) => ch);
    }
    if (best.length !== 1) marked++;
    chosen.push(best.length === 1 ? best[0] : GARBLED);
  });
  const text = chosen.join('');
  // In a line already found to be mojibake, a run of symbols (•, ——) between its words is mojibake too.
  return mostlyCjk(text) || (inMojibake && !/[\p{L}\p{N}]/u.test(text)) ? { text, marked } : undefined;
}

function redecodeGbk(run: string, inMojibake = false): { text: string; marked: number } | undefined {
  const text = iconv.decode(Buffer.from(bytesOf(run)), 'gbk');
  if (text.includes(GARBLED)) return undefined;
  return mostlyCjk(text) || (inMojibake && !/[\p{L}\p{N}]/u.test(text)) ? { text, marked: 0 } : undefined;
}

/**
 * Text whose bytes were read as Latin-1 / Windows-1252, decoded back: UTF-8 first (its structure
 * rarely fits by chance), then GBK. A run is replaced only when the result reads as Chinese; other
 * Latin letters (Café, naïve) stay as they are.
 */
export function repairLatin1(line: string): MojibakeResult {
  if (!/[\u00a1-\u00ff]/.test(line)) return { text: line, repaired: 0, marked: 0 };
  let repaired = 0;
  let marked = 0;
  type Redecode = (run: string, inMojibake: boolean) => { text: string; marked: number } | undefined;
  const fix =
    (redecode: Redecode, inMojibake = false) =>
    (run: string) => {
      const result = redecode(run, inMojibake);
      if (result === undefined) return run;
      repaired++;
      marked += result.marked;
      return result.text;
    };
  // Once a line is found to hold mojibake, its short runs of symbols (•, ——, 2022Äê5ÔÂ) are read the same way.
  let text = line.replace(UTF8_AS_LATIN1_RUN, fix(redecodeUtf8));
  if (repaired) text = text.replace(UTF8_AS_LATIN1_RUN, fix(redecodeUtf8, true));
  const before = repaired;
  text = text.replace(GBK_AS_LATIN1_RUN, fix(redecodeGbk));
  if (repaired > before) text = text.replace(GBK_AS_LATIN1_SHORT_RUN, fix(redecodeGbk, true));
  return { text, repaired, marked };
}

export function repairMojibake(input: string): MojibakeResult {
  const latin = repairLatin1(input);
  const result = repairGbkMojibake(latin.text);
  return { text: result.text, repaired: result.repaired + latin.repaired, marked: result.marked + latin.marked };
}

/** UTF-8 that was read as GBK: repaired where its bytes survive, else marked as garbled (U+FFFD). */
export function repairGbkMojibake(line: string): MojibakeResult {
  if (!line.includes('?') && !/[\u3100-\u312f]/.test(line) && !hasRareCluster(line))
    return { text: line, repaired: 0, marked: 0 };
  const chars = Array.from(line);
  const simplified = Array.from(toSimplified(line));
  if (simplified.length !== chars.length) return { text: line, repaired: 0, marked: 0 };
  const rare = simplified.map(isRareHan);
  const suspicious = (k: number) => k >= 0 && k < chars.length && (rare[k] || isDebris(chars[k]));
  const strongDebris = (k: number) => k < chars.length && STRONG_DEBRIS.test(chars[k] ?? '');
  const rareNear = (k: number) => [k - 2, k - 1, k + 1, k + 2].some((j) => j >= 0 && j < chars.length && rare[j]);
  // A lost byte ('?') beside Han characters, in a garbled neighbourhood: a rare character or other
  // debris next to it. A question mark between ordinary words ("怎么干?自治区") is punctuation.
  const isSeed = (k: number) =>
    (chars[k] === '?' &&
      [k - 2, k - 1, k + 1, k + 2].some((j) => isHan(chars[j])) &&
      (rareNear(k) || isDebris(chars[k + 1]) || isDebris(chars[k - 1]))) ||
    (rare[k] &&
      [k - 2, k - 1, k + 1, k + 2].some(
        (j) => j >= 0 && j < chars.length && (rare[j] || /[?\u3100-\u312f]/.test(chars[j])),
      ));

  const spans: Array<[number, number]> = [];
  for (let i = 0; i < chars.length; i++) {
    if (!isSeed(i)) continue;
    let start = i;
    let end = i + 1;
    // Grow over suspicious characters, bridging one ordinary character when more debris follows it
    // (two when a letter or lost byte follows: "?;窘ǔ梢怨k" is one garbled stretch).
    while (end < chars.length && (suspicious(end) || suspicious(end + 1) || strongDebris(end + 2))) end++;
    while (start > 0 && suspicious(start - 1)) start--;
    const last = spans[spans.length - 1];
    // Spans a few characters apart are one garbled stretch.
    if (last && start - last[1] <= 4) last[1] = end;
    else spans.push([start, end]);
    i = end;
  }
  if (!spans.length) return { text: line, repaired: 0, marked: 0 };
  let out = '';
  let at = 0;
  let repaired = 0;
  let marked = 0;
  for (const [s, e] of spans) {
    out += chars.slice(at, s).join('');
    const fixed = tryRedecode(chars.slice(s, e).join('')) ?? tryRedecode(simplified.slice(s, e).join(''));
    if (fixed) {
      out += fixed;
      repaired++;
    } else {
      out += GARBLED;
      marked++;
    }
    at = e;
  }
  out += chars.slice(at).join('');
  return { text: out, repaired, marked };
}

// Whether a character is rare once simplified, by code point: checked once per character, since
// every line of every file is screened (simplifying each line first cost more than the rest of ingest).
const rareAfterSimplifying = new Map<number, boolean>();
function isRareCode(code: number): boolean {
  let rare = rareAfterSimplifying.get(code);
  if (rare === undefined) {
    const ch = String.fromCodePoint(code);
    rare = isHan(ch) && isRareHan(toSimplified(ch));
    rareAfterSimplifying.set(code, rare);
  }
  return rare;
}

function hasRareCluster(line: string): boolean {
  let lastRare = -10;
  let i = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    // ASCII and CJK punctuation are never Han.
    if (code >= 0x2e80 && isRareCode(code)) {
      if (i - lastRare <= 2) return true;
      lastRare = i;
    }
    i++;
  }
  return false;
}

function tryRedecode(span: string): string | undefined {
  if (span.includes('?')) return undefined;
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(iconv.encode(span, 'gbk'));
    return /^[\p{Script=Han}\p{P}\p{N}]+$/u.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}
