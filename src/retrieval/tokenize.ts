// Tokens for lexical search and hashing: jieba words (search mode) plus character bigrams of every
// Han run, all from the simplified form, so both scripts meet in one vocabulary.
import { cut_for_search } from 'jieba-wasm';
import { toSimplified } from '../text/script.js';

const STOP = new Set([
  '的',
  '了',
  '和',
  '与',
  '及',
  '等',
  '在',
  '是',
  '有',
  '对',
  '把',
  '将',
  '为',
  '要',
  '年',
  '什么',
  '哪些',
  '多少',
  '怎么',
  '如何',
  '吗',
  '呢',
  '啥',
  '个',
  '这',
  '那',
  '都',
  '也',
  '就',
  '着',
  '被',
  '让',
  '给',
]);

/** Words of a text, in simplified script, without punctuation and stop words. */
export function words(text: string): string[] {
  return cut_for_search(toSimplified(text).toLowerCase(), true).filter((w) => /[\p{L}\p{N}]/u.test(w) && !STOP.has(w));
}

/** Character bigrams of each Han run (a single Han character stands for itself). */
export function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of toSimplified(text).match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** The lexical tokens BM25 indexes: words, plus bigrams marked so that they never collide with words. */
export function lexicalTokens(text: string, segmented: string[] = words(text)): string[] {
  return [...segmented, ...hanBigrams(text).map((b) => `~${b}`)];
}
