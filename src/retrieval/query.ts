// Query understanding: script, the places, years and document types a question names — recognised
// from the indexed documents' own metadata and aliases — and corpus-constrained expansion terms.
import { DOC_TYPES, type DocType } from '../ingest/metadata.js';
import { findPlaceMentions } from '../ingest/places.js';
import { detectScript, toSimplified, type Script } from '../text/script.js';
import { expandEnglish, englishWords } from '../index/lexicon.js';
import type { PlanIndex } from '../index/store.js';
import { bigramToken, hanBigrams, questionWords } from '../text/tokenize.js';

export type QueryUnderstanding = {
  question: string;
  script: Script;
  simplified: string;
  /** The question with place names and years taken out: what it asks about. */
  topic: string;
  places: string[];
  /** Places the question names that no indexed document is from. */
  unknownPlaces: string[];
  /** The question names an anonymised place ("XX市"), as some published plans do. */
  anonymised: boolean;
  years: number[];
  types: DocType[];
  expansions: string[];
};

const TYPE_WORDS: Record<DocType, RegExp> = {
  工作要点: /要点|priorities|key points/i,
  工作总结: /总结|summary|review/i,
  会议报道: /会议|会上|meeting|conference/i,
  规划: /规划|五年|plan\b/i,
  解读: /解读|起草说明|编制说明|interpretation|explanation|explained/i,
  报告: /报告|report\b/i,
  other: /$^/,
};

const aliasCache = new WeakMap<PlanIndex, Array<[string, string]>>();
/** Aliases of the places the index has plans for, longest first (computed once per index). */
function indexedPlaceAliases(index: PlanIndex): Array<[string, string]> {
  let aliases = aliasCache.get(index);
  if (!aliases) {
    const known = new Map<string, string>();
    for (const d of index.documents)
      if (d.place !== 'unknown') for (const a of [d.place, ...d.placeAliases]) known.set(a.toLowerCase(), d.place);
    aliases = [...known].sort((a, b) => b[0].length - a[0].length);
    aliasCache.set(index, aliases);
  }
  return aliases;
}

export function understandQuery(index: PlanIndex, question: string): QueryUnderstanding {
  const script = detectScript(question);
  const simplified = toSimplified(question.normalize('NFKC'));
  let topic = simplified;

  const places = new Set<string>();
  for (const [alias, place] of indexedPlaceAliases(index)) {
    const at = topic.toLowerCase().indexOf(alias);
    if (at < 0) continue;
    if (/^[a-z]/.test(alias) && (/[a-z]/i.test(topic[at - 1] ?? '') || /[a-z]/i.test(topic[at + alias.length] ?? '')))
      continue;
    places.add(place);
    topic = topic.slice(0, at) + ' ' + topic.slice(at + alias.length);
  }

  const unknownPlaces = new Set<string>();
  for (const m of findPlaceMentions(topic)) {
    if (m.place.level === 'county' || places.has(m.place.name)) continue;
    const after = topic[m.index + m.alias.length] ?? '';
    // A bare two-character name can be an ordinary word; count it as a place only when used as one.
    const usedAsPlace =
      m.alias.length >= 3 || /^[a-z]/i.test(m.alias) || /[市省州县区的\d年]/.test(after) || m.index === 0;
    if (usedAsPlace) unknownPlaces.add(m.place.name);
  }

  const anonymised = /(XX|xx|××|某)(省|市|州|县|区)/.test(simplified);
  const years = [...new Set([...simplified.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1])))];
  topic = topic.replace(/(XX|xx|××)(省|市|州|县|区)/g, ' ').replace(/(?<!\d)(?:19|20)\d{2}(?!\d)\s*年?/g, ' ');
  const types = DOC_TYPES.filter((t) => TYPE_WORDS[t].test(simplified));

  const english = englishWords(question).length > 0 ? expandEnglish(index.lexicon, topic) : [];
  const synonyms = wordsOf(index, topic).flatMap((w) => index.lexicon.zh[w] ?? []);
  return {
    question,
    script,
    simplified,
    topic: topic.replace(/\s+/g, ' ').trim(),
    places: [...places],
    unknownPlaces: [...unknownPlaces],
    anonymised,
    years,
    types,
    expansions: [...new Set([...english, ...synonyms])],
  };
}

/** A word the index can use: one the corpus has, or one the lexicon can expand into the corpus's words. */
const knownWord = (index: PlanIndex, word: string) => index.postings.has(word) || Object.hasOwn(index.lexicon.zh, word);

/** The words of a question, found against the index's own vocabulary (no dictionary to load). */
export const wordsOf = (index: PlanIndex, text: string) => questionWords(text, (w) => knownWord(index, w));

/** The BM25 tokens of a question's text: its words and its marked Han bigrams. */
export function questionTokens(index: PlanIndex, text: string): string[] {
  return [...wordsOf(index, text), ...hanBigrams(text).map(bigramToken)];
}
