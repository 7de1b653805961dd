// Which encoding a text file is in, decided by which candidate decodes it most cleanly.
// Chinese plan files come as UTF-8, GB18030 (GBK, GB2312) or Big5. A file that is valid UTF-8 is
// UTF-8. Otherwise every candidate decodes the bytes, and each result is scored by what a wrong
// decoding produces: U+FFFD for byte sequences it cannot map, private-use and unassigned code
// points, C1 controls, and Han characters outside the common set (a GB file read as Big5, or the
// reverse, is valid but made of rare characters). The cleanest wins, so a UTF-8 file with a few
// stray bytes stays UTF-8 with those bytes as U+FFFD — which the cleaner treats as garbled and never
// quotes — instead of being read, whole, as Big5.
import iconv from 'iconv-lite';
import { toSimplified } from '../../text/script.js';

const CANDIDATES = ['utf-8', 'gb18030', 'big5'] as const;

export type Decoded = { text: string; encoding: string };

export function decodeText(bytes: Buffer): Decoded {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: iconv.decode(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (!utf8.includes('\uFFFD')) return { text: utf8, encoding: 'utf-8' };
  let best: Decoded & { penalty: number } = { text: utf8, encoding: 'utf-8', penalty: implausibility(utf8) };
  for (const encoding of CANDIDATES.slice(1)) {
    const text = iconv.decode(bytes, encoding);
    const penalty = implausibility(text);
    // Ties go to the earlier candidate (UTF-8 first).
    if (penalty < best.penalty) best = { text, encoding, penalty };
  }
  return { text: best.text, encoding: best.encoding };
}

function byteOrderMark(bytes: Buffer): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

// Code points no correct decoding of a Chinese plan produces.
const IMPOSSIBLE = /[\uFFFD\u0080-\u009F\uE000-\uF8FF\u{F0000}-\u{10FFFF}\p{Cn}]/u;
// Scripts and symbol blocks a wrong decoding scatters through the text (kana, Hangul, Cyrillic,
// Greek, box drawing…): plausible one at a time, suspicious in bulk, so they weigh less.
const UNUSUAL = /[\u0370-\u052F\u2500-\u259F\u3040-\u30FF\u3100-\u312F\uAC00-\uD7AF]/u;
const HAN = /\p{Script=Han}/u;

/**
 * A decoding's penalty per character: impossible code points weigh 1, unusual ones and rare Han
 * characters 0.5. Per character, because the same bytes decode to texts of different lengths.
 */
export function implausibility(text: string): number {
  let penalty = 0;
  let chars = 0;
  for (const ch of text) {
    chars++;
    if (ch.charCodeAt(0) < 0x80) continue;
    if (IMPOSSIBLE.test(ch)) penalty += 1;
    else if (UNUSUAL.test(ch)) penalty += 0.5;
    else if (HAN.test(ch) && !isCommonHan(ch)) penalty += 0.5;
  }
  return chars ? penalty / chars : 0;
}

const common = new Map<string, boolean>();
/**
 * GB2312's level-1 characters (the 3,755 most used), in either script: nearly all of a plan's text.
 * A wrong decoding lands mostly outside them.
 */
function isCommonHan(ch: string): boolean {
  let known = common.get(ch);
  if (known === undefined) {
    const bytes = iconv.encode(toSimplified(ch), 'gb2312');
    known = bytes.length === 2 && bytes[0] >= 0xb0 && bytes[0] <= 0xd7 && bytes[1] >= 0xa1;
    common.set(ch, known);
  }
  return known;
}
