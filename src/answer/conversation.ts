// Follow-ups: a conversation keeps its last turns, so "那广州呢?" or "what about 2021?" is read
// against the previous question. A follow-up that names only a place or a year takes the previous
// question's topic. A question naming neither is read against the previous turn only when it leans
// on it — a follow-up word (那…呢, 还有, what about), a pointer (这些, 其中, those) or no subject of
// its own ("目标是多少?") — never when it has its own subject, and never for small talk or a line
// the plans have no word of ("asdkjh qwe zzz 火星").
import type { PlanIndex } from '../index/store.js';
import { understandQuery, withoutAddress, type QueryUnderstanding } from '../retrieval/query.js';
import { detectScript } from '../text/script.js';
import { isSmallTalk } from './chat.js';
import { say } from './say.js';

export type Turn = { question: string; resolved: string; at: number };

const FOLLOW_UP_FILLER =
  /^(那|那么|还有|和|及|以及|且|另外)|(呢|怎么样|如何|的情况|的呢|又如何)$|^(what|how)\s+about\s+|^and\s+|^in\s+/gi;
/** English words a bare follow-up is made of besides its place or year ("And in Qingdao?", "How about for 2021?"). */
const EN_FILLER = /\b(?:and|also|then|in|for|of|the|what|how|about|is|are|there|please|ok|so)\b/gi;
/** Words of a question about a plan as a whole (its priorities, its work), which needs no subject. */
const WHOLE_PLAN = /重点|要点|任务|工作|规划|计划|安排|priorit|key (?:points|tasks)|\bwork\b|\bplans?\b/i;
/** Words by which a question leans on the one before. */
const LEANS =
  /^(那|那么|还有|另外|此外|同时|然后|再)|呢[?？!！。.]*$|这些|那些|其中|上述|这方面|那方面|这个|那个|它们?|该(项|计划|文件)|^(what|how)\s+about\b|^(and|also|then)\b|\b(those|these|them|they|it|its|that one)\b/i;

/**
 * A standalone question for `asked`, given the previous turn (if any). The follow-up's own words are
 * kept as they are: a bare place or year takes the previous question with its place or year put in
 * ("那广州呢?" → 广州2020年集团化办学有什么安排?, "what about Qingdao?" → the English question about
 * Qingdao); a question without a subject of its own gets the previous subject and scope added.
 */
export function resolveFollowUp(index: PlanIndex, previous: Turn | undefined, asked: string): string {
  if (!previous || isSmallTalk(asked)) return asked;
  // "@plans-bot 那广州呢?" leans on the previous turn as "那广州呢?" does; unmerged, it is left as asked.
  const question = withoutAddress(asked);
  const now = understandQuery(index, question);
  const before = understandQuery(index, previous.resolved);
  // A previous line that asked nothing ("???", "谢谢") gives nothing to lean on.
  if (!before.terms.length || isSmallTalk(previous.resolved)) return asked;
  const rest = now.topic
    .replace(FOLLOW_UP_FILLER, '')
    .replace(EN_FILLER, '')
    .replace(/[?？!！。.,，\s]/g, '')
    .replace(/年$/, '')
    .trim();
  const namesScope = now.places.length > 0 || now.years.length > 0 || now.anonymised;
  const specific = now.terms.filter((t) => !t.generic);
  if (namesScope && rest.length <= 1) return withScope(index, previous.resolved, before, question, now);
  // "What is the target in Qingdao?" asks the previous subject of another place; "青岛2020年有哪些重点工作?"
  // asks for a plan as a whole and stands alone.
  const wholePlan = now.types.length > 0 || WHOLE_PLAN.test(now.simplified);
  if (namesScope && !specific.length && (LEANS.test(question) || !wholePlan))
    return joined(question, subjectOf(before), '', now);
  if (namesScope || now.unknownPlaces.length || !(before.places.length || before.years.length)) return asked;
  // Nothing in it is a word the plans or the lexicon know: not a follow-up, whatever it says.
  if (specific.length && specific.every((t) => !t.alternatives.length || unknownWord(t.text))) return asked;
  // A line with no word of a question at all ("的", "[1]") does not lean on anything: it is asked as it is.
  if (!now.terms.length && !LEANS.test(question)) return asked;
  const scope = scopeOf(index, previous.resolved, before, now.script === 'en');
  if (!specific.length) return joined(question, subjectOf(before), scope, now);
  return LEANS.test(question) ? joined(question, '', scope, now) : asked;
}

/** The note shown with a follow-up's answer: how it was read, in the asker's language. */
export function understoodAs(asked: string, resolved: string): string {
  return `${say(detectScript(asked), '理解为：', 'understood as: ')}${resolved}`;
}

/**
 * The follow-up with what it leaves to the previous turn: in Chinese the scope and subject before it
 * (湘西 + 集团化办学 + 目标是多少?), in English after its words, in brackets ("What is the target
 * (vocational graduate employment, Xiangxi 2020)?"): its own words are never cut into.
 */
function joined(question: string, subject: string, scope: string, now: QueryUnderstanding): string {
  if (now.script !== 'en') return `${scope}${subject}${question}`;
  const [, body, end] = question.match(/^(.*?)([?？!！.。]*)$/s)!;
  const context = [subject.trim(), scope.trim()].filter(Boolean).join(', ');
  return context ? `${body.trim()} (${context})${end || '?'}` : question;
}

/** Where a place is named in a text, as written there: its longest alias (Latin ones as whole words). */
function mentionOf(index: PlanIndex, text: string, place: string): { at: number; alias: string } | undefined {
  const lower = text.toLowerCase();
  const aliases = [
    ...new Set(index.documents.filter((d) => d.place === place).flatMap((d) => [d.place, ...d.placeAliases])),
  ].sort((a, b) => b.length - a.length);
  for (const alias of aliases) {
    for (let at = lower.indexOf(alias.toLowerCase()); at >= 0; at = lower.indexOf(alias.toLowerCase(), at + 1)) {
      const latin = /^[a-z]/i.test(alias);
      if (latin && (/[a-z]/i.test(text[at - 1] ?? '') || /[a-z]/i.test(text[at + alias.length] ?? ''))) continue;
      return { at, alias: text.slice(at, at + alias.length) };
    }
  }
  return undefined;
}

/** The previous question's places and years, as it wrote them (for English) or by name (Chinese). */
function scopeOf(index: PlanIndex, text: string, query: QueryUnderstanding, english: boolean): string {
  if (!english) return `${query.places.join('和')}${query.years.map((y) => `${y}年`).join('')}`;
  const places = query.places.map((p) => mentionOf(index, text, p)?.alias ?? p);
  return [places.join(' and '), query.years.join(', ')].filter(Boolean).join(' ');
}

/**
 * The previous question asked again of the follow-up's place and year: its own words with the place
 * and year it named replaced by the new ones (written as the follow-up writes them), or added.
 */
function withScope(
  index: PlanIndex,
  previous: string,
  before: QueryUnderstanding,
  question: string,
  now: QueryUnderstanding,
): string {
  let text = previous;
  const english = before.script === 'en';
  if (now.places.length) {
    const place = now.places.map((p) => mentionOf(index, question, p)?.alias ?? p).join(english ? ' and ' : '和');
    const mentions = before.places
      .map((p) => mentionOf(index, text, p))
      .filter((m): m is { at: number; alias: string } => Boolean(m))
      .sort((a, b) => b.at - a.at);
    if (!mentions.length) text = english ? inserted(text, ` in ${place}`) : `${place}${text}`;
    mentions.forEach((m, i) => {
      const last = i === mentions.length - 1;
      // The first place named becomes the new one; any other is taken out with the word joining it.
      const from = last
        ? m.at
        : m.at - (text.slice(0, m.at).match(/(?:\s*(?:和|与|及|、|,|，|and)\s*)$/i)?.[0].length ?? 0);
      text = text.slice(0, from) + (last ? place : '') + text.slice(m.at + m.alias.length);
    });
  }
  if (now.years.length) {
    const year = now.years[0];
    if (before.years.length)
      text = text.replace(new RegExp(`(?<!\\d)(?:${before.years.join('|')})(?!\\d)`, 'g'), String(year));
    else if (english) text = inserted(text, ` in ${year}`);
    else {
      const m = before.places.length ? mentionOf(index, text, now.places[0] ?? before.places[0]) : undefined;
      const at = m ? m.at + m.alias.length : 0;
      text = `${text.slice(0, at)}${year}年${text.slice(at)}`;
    }
  }
  return text;
}

/** `words` put before an English question's closing punctuation. */
const inserted = (text: string, words: string) => text.replace(/([?？!！.。]*)\s*$/, `${words}$1`);

/** The previous question's own subject (its specific terms), to carry into one that has none. */
function subjectOf(query: QueryUnderstanding): string {
  const words = query.terms.filter((t) => !t.generic).map((t) => t.text);
  return query.script === 'en' ? `${words.join(' ')} ` : words.join('');
}

/** Latin letters with no vowel, or one letter repeated: keyboard noise rather than a word. */
const unknownWord = (w: string) => /^[a-z]+$/i.test(w) && (!/[aeiouy]/i.test(w) || /^(.)\1+$/i.test(w));

/** Conversations by id (a Slack thread, a DM, a console session), each keeping its last turns. */
export function conversationStore(maxTurns: number) {
  const conversations = new Map<string, Turn[]>();
  return {
    last(id: string): Turn | undefined {
      return conversations.get(id)?.at(-1);
    },
    add(id: string, turn: Turn): void {
      const turns = [...(conversations.get(id) ?? []), turn].slice(-Math.max(1, maxTurns));
      conversations.set(id, turns);
      // Bounded memory: forget the oldest conversations first.
      if (conversations.size > 5000) conversations.delete(conversations.keys().next().value!);
    },
    turns(id: string): Turn[] {
      return conversations.get(id) ?? [];
    },
  };
}
export type ConversationStore = ReturnType<typeof conversationStore>;
