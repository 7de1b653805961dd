// Query expansion, constrained to the corpus: English → Chinese through CC-CEDICT's glosses, and
// Chinese words the plans never use → words they do use with the same gloss (孤独症 / 自闭症).
// Built at ingest from the whole dictionary and kept with the index, so queries need no dictionary.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cachedAsync } from '../cache.js';
import { projectPath } from '../paths.js';

/**
 * en: English gloss → corpus words; zh: a word the corpus does not use → corpus words it means;
 * pinyin: a corpus word's toneless pinyin ("furong") → the corpus words spelt so (芙蓉), for names an
 * English question writes in pinyin ("Furong schools", "Huazhong Normal University").
 */
export type Lexicon = { en: Record<string, string[]>; zh: Record<string, string[]>; pinyin?: Record<string, string[]> };

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
type GlossTable = {
  /** CC-CEDICT's words with their normalised glosses, in the dictionary's order. */
  words: Array<[string, string[]]>;
  /** CC-CEDICT's words of two to four characters, names included, with their toneless pinyin. */
  spelt: Array<[string, string]>;
  /** How many words share each gloss: a gloss shared by many ("to do") says nothing about meaning. */
  sharing: Record<string, number>;
};

async function glossTable(): Promise<GlossTable> {
  return cachedAsync('cedict-glosses', 'index/lexicon.ts', async () => {
    const table = new Map<string, string[]>();
    const spelt: Array<[string, string]> = [];
    for (const [, simplified, pinyin, english] of await loadCedict()) {
      if (simplified.length >= 2 && simplified.length <= 4) spelt.push([simplified, tonelessPinyin(pinyin)]);
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
    const sharing: Record<string, number> = {};
    for (const glosses of table.values()) for (const g of new Set(glosses)) sharing[g] = (sharing[g] ?? 0) + 1;
    return { words: [...table], spelt, sharing };
  });
}

/** "Fu2 rong2" → "furong", "lu:4 se4" → "lvse" (as pinyin is typed without tones). */
const tonelessPinyin = (pinyin: string) =>
  pinyin
    .toLowerCase()
    .replace(/u:/g, 'v')
    .replace(/[^a-z]/g, '');

/** A gloss shared by more words than this says nothing about meaning. */
const MAX_SHARING = 6;

/**
 * The lexicon of a corpus: English glosses → the corpus words they gloss, and Chinese words the
 * corpus does not use → corpus words with a gloss in common. Built from the corpus's words outwards
 * (a few thousand), not from the whole dictionary (a hundred thousand), in the dictionary's order.
 */
export async function buildLexicon(corpusWords: Set<string>, glossaryPath: string): Promise<Lexicon> {
  const { words, spelt, sharing } = await glossTable();
  const en = new Map<string, Set<string>>();
  /** Per gloss, the corpus words it glosses (of glosses shared by few words: those make synonyms). */
  const corpusByGloss = new Map<string, string[]>();
  for (const [word, glosses] of words) {
    if (!corpusWords.has(word)) continue;
    for (const g of glosses) {
      if (!en.has(g)) en.set(g, new Set());
      en.get(g)!.add(word);
      if (sharing[g] <= MAX_SHARING && word.length >= 2) {
        const list = corpusByGloss.get(g) ?? [];
        if (!list.includes(word)) list.push(word);
        corpusByGloss.set(g, list);
      }
    }
  }
  const zh: Record<string, string[]> = {};
  for (const [word, glosses] of words) {
    if (corpusWords.has(word) || word.length < 2) continue;
    const synonyms = new Set<string>();
    for (const g of glosses) for (const s of corpusByGloss.get(g) ?? []) if (s !== word) synonyms.add(s);
    if (synonyms.size) zh[word] = [...synonyms].slice(0, 4);
  }
  const pinyin: Record<string, string[]> = {};
  for (const [word, key] of spelt)
    if (corpusWords.has(word) && key.length >= 4 && !(pinyin[key] ??= []).includes(word)) pinyin[key].push(word);
  const lexicon: Lexicon = { en: Object.fromEntries([...en].map(([g, s]) => [g, [...s].slice(0, 6)])), zh, pinyin };
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

/** British spellings staff write, as CC-CEDICT (American) spells them. */
const SPELLING: Record<string, string> = {
  enrol: 'enroll',
  enrolment: 'enrollment',
  labour: 'labor',
  programme: 'program',
  centre: 'center',
  organisation: 'organization',
  modernisation: 'modernization',
  standardisation: 'standardization',
  behaviour: 'behavior',
  counselling: 'counseling',
  practise: 'practice',
};

/**
 * Other forms a question word may have in the glosses, tried after its own stem: its American
 * spelling, and the word without an inflection the shared stemmer leaves ("chaired" → "chair",
 * "funded" → "fund", "planned" → "plan", "schools" → "school").
 */
export function lemmaVariants(word: string): string[] {
  const w = word.toLowerCase();
  const out = new Set<string>([stem(w)]);
  const american = SPELLING[w];
  if (american) out.add(stem(american));
  for (const [suffix, replacements] of [
    ['ies', ['y']],
    ['es', ['', 'e']],
    ['s', ['']],
    ['ied', ['y']],
    ['ed', ['', 'e']],
    ['ing', ['', 'e']],
    ['ment', ['']],
    ['er', ['']],
    ['ers', ['']],
  ] as const) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    const base = w.slice(0, -suffix.length);
    for (const r of replacements) out.add(stem(base + r));
    // A doubled consonant before -ed / -ing: "planned" → "plan", "enrolled" → "enrol".
    if (/([b-df-hj-np-tv-z])\1$/.test(base)) out.add(stem(base.slice(0, -1)));
  }
  return [...out].filter(Boolean);
}

/** Words that only ask or point (who, when, any): never a term of the question. */
const QUESTION_WORDS = new Set(
  'who whom whose when where why how much many long kind according besides during one two three four five six seven eight nine ten any some each every there they them he she his her we our us you your me my have has had been being get got also just than then such going yes not must should shall might may can could would among into onto upon within via per give given giving make made making take taken put large total overall specific specifically exactly actually currently'.split(
    ' ',
  ),
);

/** One English phrase of a question and the Chinese words it stands for (none: a gap in the lexicon). */
export type EnglishGroup = { phrase: string; targets: string[] };

/**
 * The question's English words as groups: longest gloss phrases first (up to four words), each
 * word also tried in its other forms; a content word with no entry is kept with no targets, so the
 * answer step can count it as something the plans were not shown to say.
 */
export function englishGroups(lexicon: Lexicon, question: string): EnglishGroup[] {
  const raw = (
    question
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .match(/[a-z]+/g) ?? []
  ).filter((w) => w.length > 1 && !EN_STOP.has(w) && !EN_STOP.has(stem(w)) && !QUESTION_WORDS.has(w));
  const groups: EnglishGroup[] = [];
  const lookup = (words: string[]): string[] | undefined => {
    const exact = lexicon.en[words.map(stem).join(' ')];
    if (exact) return exact;
    // Each word in its other forms, one word at a time (the phrases are short).
    for (let i = 0; i < words.length; i++)
      for (const v of lemmaVariants(words[i]).slice(1)) {
        const key = words
          .map((w, j) => (j === i ? v : stem(w)))
          .join(' ')
          .trim();
        if (lexicon.en[key]) return lexicon.en[key];
      }
    return undefined;
  };
  for (let i = 0; i < raw.length;) {
    let matched = 0;
    for (let n = Math.min(4, raw.length - i); n >= 1; n--) {
      const hit = lookup(raw.slice(i, i + n));
      if (hit) {
        groups.push({ phrase: raw.slice(i, i + n).join(' '), targets: [...new Set(hit)] });
        matched = n;
        break;
      }
    }
    if (!matched) groups.push({ phrase: raw[i], targets: spelledName(lexicon, question, raw[i]) });
    i += matched || 1;
  }
  return groups;
}

/**
 * The corpus words a capitalised word with no English entry spells in pinyin ("Furong" → 芙蓉). Only
 * a capitalised word: lower-case English words that happen to spell pinyin ("long", "fang") are not names.
 */
function spelledName(lexicon: Lexicon, question: string, word: string): string[] {
  const spelt = lexicon.pinyin?.[word.replace(/ü/g, 'v')];
  if (!spelt) return [];
  const capitalised = new RegExp(`(?<![A-Za-z])${word[0].toUpperCase()}${word.slice(1)}(?![a-z])`);
  return capitalised.test(question) ? spelt.slice(0, 4) : [];
}

/** Chinese words for an English question: longest gloss phrases first (up to four words). */
export function expandEnglish(lexicon: Lexicon, question: string): string[] {
  return [...new Set(englishGroups(lexicon, question).flatMap((g) => g.targets))];
}

const overlaid = new WeakMap<Lexicon, Lexicon>();
let glossaryCache: { en: Record<string, string[]>; zh: Record<string, string[]> } | undefined;
/**
 * The index's lexicon with the current glossary laid over it. The glossary is also applied at
 * ingest; applying it again when questions are read means an edit to data/glossary.json takes
 * effect without rebuilding the index.
 */
export function withGlossary(lexicon: Lexicon, glossaryPath = GLOSSARY_PATH): Lexicon {
  let merged = overlaid.get(lexicon);
  if (!merged) {
    try {
      glossaryCache ??= JSON.parse(readFileSync(glossaryPath, 'utf8'));
    } catch {
      glossaryCache = { en: {}, zh: {} };
    }
    const glossary = glossaryCache!;
    merged = { ...lexicon, en: { ...lexicon.en }, zh: { ...lexicon.zh } };
    for (const [term, targets] of Object.entries(glossary.en ?? {})) merged.en[englishWords(term).join(' ')] = targets;
    for (const [word, targets] of Object.entries(glossary.zh ?? {}))
      merged.zh[word] = [...new Set([...targets, ...(lexicon.zh[word] ?? [])])];
    overlaid.set(lexicon, merged);
  }
  return merged;
}

/** The glossary's Chinese phrases (they may span several jieba words, as 放学后 does). */
export function glossaryPhrases(lexicon: Lexicon): string[] {
  withGlossary(lexicon);
  return Object.keys(glossaryCache?.zh ?? {});
}

const GLOSSARY_PATH = projectPath('data', 'glossary.json');
