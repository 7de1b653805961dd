// Tokens for lexical search and hashing: words plus character bigrams of every Han run, all from
// the simplified form, so both scripts meet in one vocabulary. Documents are segmented with jieba
// (search mode) at ingest; questions are segmented against the words the corpus itself uses, so
// that answering never waits for jieba's dictionary to load (half a second).
import { createRequire } from 'node:module';
import { toSimplified } from './script.js';

const STOP = new Set(
  '的 了 和 与 及 等 在 是 有 对 把 将 为 要 年 什么 哪些 多少 怎么 如何 吗 呢 啥 个 这 那 都 也 就 着 被 让 给'.split(
    ' ',
  ),
);
/** The longest word looked for in a question. */
const MAX_WORD = 6;

type Jieba = { cut_for_search(text: string, hmm: boolean): string[] };
let jieba: Jieba | undefined;
/** jieba is loaded on first use: only building an index needs it. */
function loadJieba(): Jieba {
  jieba ??= createRequire(import.meta.url)('jieba-wasm') as Jieba;
  return jieba;
}

const keepWord = (w: string) => /[\p{L}\p{N}]/u.test(w) && !STOP.has(w);

/** Words of a text in simplified script, lower-cased, without punctuation and stop words (jieba). */
export function words(text: string): string[] {
  return segment(toSimplified(text).toLowerCase());
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

/** Character bigrams of each Han run (a single Han character stands for itself). */
export function hanBigrams(text: string): string[] {
  return bigramsOfSimplified(toSimplified(text));
}

export function bigramsOfSimplified(simplified: string): string[] {
  const out: string[] = [];
  for (const run of simplified.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** Bigram tokens are marked so that they never collide with words. */
export const bigramToken = (bigram: string) => `~${bigram}`;

/** The lexical tokens BM25 indexes: words, plus marked bigrams. */
export function lexicalTokens(text: string, segmented: string[] = words(text)): string[] {
  return [...segmented, ...hanBigrams(text).map(bigramToken)];
}
