// Query expansion, constrained to the corpus: English → Chinese through CC-CEDICT's glosses, and
// Chinese words the plans never use → words they do use with the same gloss (孤独症 / 自闭症).
// Built at ingest from the whole dictionary and kept with the index, so queries need no dictionary.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cachedAsync } from '../cache.js';

export type Lexicon = { en: Record<string, string[]>; zh: Record<string, string[]> };

type CedictEntry = [string, string, string, string | string[], unknown, unknown];

const EN_STOP = new Set(
  'a an the of to in on for and or is are was were be what which who whom how many much does do did will would should can could its it this that these those with by from at as about their there plan plans planned planning city province prefecture year'.split(
    ' ',
  ),
);

/** A light stemmer shared by glosses and questions: "vocational" and "vocation" meet at "vocat". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w.length > 6 ? w.replace(/(ional|ion|al|ing|ed)$/, '') : w;
}

export function englishWords(text: string): string[] {
  // Possessives ("Xiangxi's", "year's") would otherwise leave a stray "s" that matches glosses.
  // Hyphenated compounds ("foreign-affairs", "after-school") are matched as their words.
  return (
    text
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .match(/[a-z]+/g) ?? []
  )
    .filter((w) => w.length > 1 && !EN_STOP.has(w))
    .map(stem);
}

const normaliseGloss = (gloss: string) =>
  englishWords(
    gloss
      .replace(/\([^)]*\)|\[[^\]]*\]|\b(CL|abbr|lit|fig|variant of|see|also written)\b.*$/gi, '')
      .replace(/^to /, ''),
  ).join(' ');

async function loadCedict(): Promise<CedictEntry[]> {
  // The package exports only its lookup API, which takes seconds to start; its data file is plain ESM.
  const dataFile = join(dirname(fileURLToPath(import.meta.resolve('cc-cedict'))), '..', 'data', 'all.js');
  const mod = (await import(pathToFileURL(dataFile).href)) as { default: { all: CedictEntry[] } };
  return mod.default.all;
}

/**
 * CC-CEDICT's words (up to four characters, no proper names) with their normalised English glosses.
 * Reading the dictionary takes seconds; the table is cached (see src/cache.ts).
 */
async function glossTable(): Promise<Array<[string, string[]]>> {
  return cachedAsync('cedict-glosses', import.meta.url, async () => {
    const table = new Map<string, string[]>();
    for (const [, simplified, pinyin, english] of await loadCedict()) {
      // Long phrases and proper names (capitalised pinyin) make poor synonyms and cost most of the time.
      if (simplified.length > 4 || /^[A-Z]/.test(pinyin)) continue;
      const glosses = (Array.isArray(english) ? english : [english])
        .flatMap((g) => g.split(/[;/]/))
        .filter(
          (g) => !/^(surname|variant of|old variant|see |used in|erhua variant|abbr\. for|\(Tw\))/i.test(g.trim()),
        )
        .map(normaliseGloss)
        .filter((g) => g && g.split(' ').length <= 4);
      table.set(simplified, [...(table.get(simplified) ?? []), ...glosses]);
    }
    return [...table];
  });
}

export async function buildLexicon(corpusWords: Set<string>, glossaryPath: string): Promise<Lexicon> {
  const en = new Map<string, Set<string>>();
  const glossWords = new Map<string, Set<string>>();
  const wordGlosses = new Map<string, string[]>();
  for (const [simplified, glosses] of await glossTable()) {
    wordGlosses.set(simplified, glosses);
    for (const g of glosses) {
      if (!glossWords.has(g)) glossWords.set(g, new Set());
      glossWords.get(g)!.add(simplified);
      if (corpusWords.has(simplified)) {
        if (!en.has(g)) en.set(g, new Set());
        en.get(g)!.add(simplified);
      }
    }
  }
  const zh: Record<string, string[]> = {};
  for (const [word, glosses] of wordGlosses) {
    if (corpusWords.has(word) || word.length < 2) continue;
    const synonyms = new Set<string>();
    for (const g of glosses) {
      const sharing = glossWords.get(g)!;
      // A gloss shared by many words ("to do") says nothing about meaning.
      if (sharing.size > 6) continue;
      for (const s of sharing) if (s !== word && s.length >= 2 && corpusWords.has(s)) synonyms.add(s);
    }
    if (synonyms.size) zh[word] = [...synonyms].slice(0, 4);
  }
  const lexicon: Lexicon = { en: Object.fromEntries([...en].map(([g, s]) => [g, [...s].slice(0, 6)])), zh };
  const glossary = JSON.parse(readFileSync(glossaryPath, 'utf8')) as {
    en: Record<string, string[]>;
    zh: Record<string, string[]>;
  };
  // Where the glossary speaks, it is the correction: CC-CEDICT's glosses for "target" (对象, 针对)
  // or "graduate" (应届) are not what plans mean.
  for (const [term, targets] of Object.entries(glossary.en)) lexicon.en[englishWords(term).join(' ')] = targets;
  for (const [word, targets] of Object.entries(glossary.zh))
    lexicon.zh[word] = [...new Set([...targets, ...(lexicon.zh[word] ?? [])])];
  return lexicon;
}

/** Chinese words for an English question: longest gloss phrases first (up to four words). */
export function expandEnglish(lexicon: Lexicon, question: string): string[] {
  const ws = englishWords(question);
  const out: string[] = [];
  for (let i = 0; i < ws.length;) {
    let matched = 0;
    for (let n = Math.min(4, ws.length - i); n >= 1; n--) {
      const hit = lexicon.en[ws.slice(i, i + n).join(' ')];
      if (hit) {
        out.push(...hit);
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
  return [...new Set(out)];
}
