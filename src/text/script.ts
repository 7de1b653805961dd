// Script handling. Sources and questions come in simplified and traditional characters;
// indexing and matching use the simplified form, quotes always keep the source's own script.
// OpenCC's t2s and s2t as opencc-js builds them (CJK compatibility ideographs normalised first), but
// from the dictionaries each direction needs, built on first use: the whole package and both
// directions' tries cost half a second at start-up, and most commands only ever simplify.
import { ConverterFactory } from 'opencc-js/core';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import STRegionalPhrases from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

type Convert = (text: string) => string;
const lazily = (build: () => Convert): Convert => {
  let convert: Convert | undefined;
  return (text) => (convert ??= build())(text);
};
const normalise = lazily(() => ConverterFactory([CJKCompatibility]));
const toSimplifiedPhrase = lazily(() => {
  const convert = ConverterFactory([TSPhrases, TSCharacters]);
  return (text) => convert(normalise(text));
});
const toTraditionalPhrase = lazily(() => {
  const convert = ConverterFactory([STPhrases, STRegionalPhrases, STCharacters]);
  return (text) => convert(normalise(text));
});

/** Simplified form of a text. Character-for-character, so offsets stay valid between the two forms. */
export function toSimplified(text: string): string {
  const converted = toSimplifiedPhrase(text);
  if (converted.length === text.length) return converted;
  // A phrase rule changed the length: fall back to per-character conversion to keep offsets aligned.
  return Array.from(text, (ch) => {
    const c = toSimplifiedPhrase(ch);
    return c.length === ch.length ? c : ch;
  }).join('');
}

export function toTraditional(text: string): string {
  return toTraditionalPhrase(text);
}

export type Script = 'zh-Hans' | 'zh-Hant' | 'en';

/** Which script a question or text is written in: English when it has (almost) no Han characters. */
export function detectScript(text: string): Script {
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  const latin = text.match(/[A-Za-z]/g) ?? [];
  if (han.length === 0 || latin.length > han.length * 3) return 'en';
  const simplified = toSimplifiedPhrase(text);
  let differ = 0;
  for (let i = 0; i < Math.min(simplified.length, text.length); i++) if (simplified[i] !== text[i]) differ++;
  // A simplified text is unchanged by t→cn; a traditional one changes in a noticeable share of characters.
  return differ >= Math.max(1, han.length * 0.04) ? 'zh-Hant' : 'zh-Hans';
}

/** Renders composed text (not quotes) in the asker's script. */
export function inScript(text: string, script: Script): string {
  return script === 'zh-Hant' ? toTraditional(text) : text;
}
