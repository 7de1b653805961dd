// Tokens for lexical search and hashing: words plus character bigrams of every Han run, all from
// the simplified form, so both scripts meet in one vocabulary. Documents are segmented with jieba
// (search mode) at ingest; questions are segmented against the words the corpus itself uses, so
// that answering never waits for jieba's dictionary to load (half a second).
import { createRequire } from 'node:module';
import { callJiebaThread } from './jieba-thread.js';
import { toSimplified } from './script.js';

const STOP = new Set(
  '的 了 和 与 及 等 在 是 有 对 把 将 为 要 年 什么 哪些 多少 怎么 如何 吗 呢 啥 个 这 那 都 也 就 着 被 让 给'.split(
    ' ',
  ),
);
/** The longest word looked for in a question. */
const MAX_WORD = 6;

type Jieba = {
  cut_for_search(text: string, hmm: boolean): string[];
  cut(text: string, hmm: boolean): string[];
  tag(text: string, hmm: boolean): Array<{ word: string; tag: string }>;
};
let jieba: Jieba | undefined;
/**
 * jieba, loaded on first use. When a command has started the jieba thread (jieba-thread.ts), calls
 * go there instead, so that its dictionary loads while the rest of the command starts up.
 */
function loadJieba(): Jieba {
  if (jieba) return jieba;
  if (callJiebaThread('cut', '') !== undefined) {
    return {
      cut: (text, hmm) => (callJiebaThread('cut', text) as string[]) ?? local().cut(text, hmm),
      cut_for_search: (text, hmm) =>
        (callJiebaThread('cut_for_search', text) as string[]) ?? local().cut_for_search(text, hmm),
      tag: (text, hmm) =>
        (callJiebaThread('tag', text) as Array<{ word: string; tag: string }>) ?? local().tag(text, hmm),
    };
  }
  return local();
}
const local = () => (jieba ??= createRequire(import.meta.url)('jieba-wasm') as Jieba);

const keepWord = (w: string) => /[\p{L}\p{N}]/u.test(w) && !STOP.has(w);

/** Words of a text in simplified script, lower-cased, without punctuation and stop words (jieba). */
export function words(text: string): string[] {
  return segment(toSimplified(text).toLowerCase());
}

/** jieba's precise segmentation (each character in one word): how a question's terms are read. */
export function cutWords(text: string): string[] {
  return loadJieba().cut(text, true);
}

/** jieba's dictionary words only (no HMM guesses for unknown runs): how plausible a reading of a text is. */
export function dictionaryWords(text: string): string[] {
  return local().cut(text, false);
}

/** jieba's words with their parts of speech (n, v, m, q …). */
export function taggedWords(text: string): Array<{ word: string; tag: string }> {
  return loadJieba().tag(text, true);
}

/** jieba's words of text that is already simplified and lower-cased. */
export function segment(simplifiedLower: string): string[] {
  return loadJieba().cut_for_search(simplifiedLower, true).filter(keepWord);
}

/**
 * Words of a question without a dictionary: every Latin or digit run, and every stretch of Han
 * characters (two to six long) that `known` accepts — the corpus's own words, and the words the
 * query lexicon knows. Like jieba's search mode, a word and the words inside it both count.
 */
export function questionWords(text: string, known: (word: string) => boolean): string[] {
  const lower = toSimplified(text).toLowerCase();
  const out: string[] = [];
  for (const run of lower.match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      if (keepWord(run)) out.push(run);
      continue;
    }
    for (let i = 0; i < run.length; i++)
      for (let n = 2; n <= MAX_WORD && i + n <= run.length; n++) {
        const w = run.slice(i, i + n);
        if (!STOP.has(w) && known(w)) out.push(w);
      }
  }
  return out;
}

/** Han by code unit: the ranges of \p{Script=Han} in the BMP, and surrogates (extension B and beyond). */
export const isHanCode = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0x2e80 && c <= 0x2fdf) ||
  c === 0x3005 ||
  c === 0x3007 ||
  (c >= 0x3021 && c <= 0x3029) ||
  (c >= 0x3038 && c <= 0x303b) ||
  (c >= 0xd800 && c <= 0xdfff);

/** A Han code unit as a small number (0 … 31615), so that a pair of them fits V8's small integers. */
function hanIndex(c: number): number {
  if (c < 0xa000) return c - 0x2e80;
  if (c < 0xe000) return 0x7180 + (c - 0xd800);
  return 0x7980 + (c - 0xf900);
}
function hanCode(index: number): number {
  if (index < 0x7180) return index + 0x2e80;
  if (index < 0x7980) return index - 0x7180 + 0xd800;
  return index - 0x7980 + 0xf900;
}
const PAIR = 0x8000;

/**
 * Calls `visit` with each character bigram of each Han run (a run of one character stands for
 * itself), as a number. Numbers, not strings, and small ones: an index build visits tens of
 * millions of them, and a Map keyed by small integers is several times faster than by strings.
 */
export function forEachBigram(simplified: string, visit: (key: number) => void): void {
  for (let i = 0; i < simplified.length;) {
    if (!isHanCode(simplified.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < simplified.length && isHanCode(simplified.charCodeAt(end))) end++;
    if (end - i === 1) visit(hanIndex(simplified.charCodeAt(i)));
    for (let k = i; k + 1 < end; k++) {
      visit((hanIndex(simplified.charCodeAt(k)) + 1) * PAIR + hanIndex(simplified.charCodeAt(k + 1)));
    }
    i = end;
  }
}

export const bigramOfKey = (key: number) =>
  key < PAIR
    ? String.fromCharCode(hanCode(key))
    : String.fromCharCode(hanCode(Math.floor(key / PAIR) - 1), hanCode(key % PAIR));

/** Character bigrams of each Han run (a single Han character stands for itself). */
export function hanBigrams(text: string): string[] {
  return bigramsOfSimplified(toSimplified(text));
}

export function bigramsOfSimplified(simplified: string): string[] {
  const out: string[] = [];
  forEachBigram(simplified, (key) => out.push(bigramOfKey(key)));
  return out;
}

/** Bigram tokens are marked so that they never collide with words. */
export const bigramToken = (bigram: string) => `~${bigram}`;

/** The lexical tokens BM25 indexes: words, plus marked bigrams. */
export function lexicalTokens(text: string, segmented: string[] = words(text)): string[] {
  return [...segmented, ...hanBigrams(text).map(bigramToken)];
}
