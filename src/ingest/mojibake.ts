// Mojibake: UTF-8 bytes that a site once decoded as GBK. Such spans are dense with rare characters
// (GBK's level-2 and extension rows), often broken by '?' where a byte pair had no character.
// Where the bytes survive, re-encoding as GBK and decoding as UTF-8 restores the text; where they
// do not, the span is replaced by U+FFFD so that it can never be quoted as clean text.
import iconv from 'iconv-lite';
import { toSimplified } from '../text/script.js';

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

// UTF-8 read as Latin-1 / Windows-1252 ("æ•™è‚²" for 教育): runs of that range's letters and symbols.
const LATIN1_RUN =
  /[\u00c0-\u00ff][\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}/g;

function repairLatin1(line: string): MojibakeResult {
  let repaired = 0;
  const text = line.replace(LATIN1_RUN, (run) => {
    try {
      const decoded = new TextDecoder('utf-8', { fatal: true }).decode(iconv.encode(run, 'windows-1252'));
      if (!/\p{Script=Han}/u.test(decoded)) return run;
      repaired++;
      return decoded;
    } catch {
      return run;
    }
  });
  return { text, repaired, marked: 0 };
}

export function repairMojibake(input: string): MojibakeResult {
  const latin = repairLatin1(input);
  const result = repairGbkMojibake(latin.text);
  return { text: result.text, repaired: result.repaired + latin.repaired, marked: result.marked };
}

function repairGbkMojibake(line: string): MojibakeResult {
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
