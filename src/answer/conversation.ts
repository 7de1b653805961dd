// Follow-ups: a conversation keeps its last turns, so "那广州呢?" or "what about 2021?" is read
// against the previous question. A follow-up that names only a place or a year takes the previous
// question's topic. A question naming neither is read against the previous turn only when it leans
// on it — a follow-up word (那…呢, 还有, what about), a pointer (这些, 其中, those) or no subject of
// its own ("目标是多少?") — never when it has its own subject, and never for small talk or a line
// the plans have no word of ("asdkjh qwe zzz 火星").
import type { PlanIndex } from '../index/store.js';
import { understandQuery, withoutAddress, type QueryUnderstanding } from '../retrieval/query.js';
import { isSmallTalk } from './chat.js';

export type Turn = { question: string; resolved: string; at: number };

const FOLLOW_UP_FILLER =
  /^(那|那么|还有|和|及|以及|且|另外)|(呢|怎么样|如何|的情况|的呢|又如何)$|^(what|how)\s+about\s+|^and\s+|^in\s+/gi;
/** Words by which a question leans on the one before. */
const LEANS =
  /^(那|那么|还有|另外|此外|同时|然后|再)|呢[?？!！。.]*$|这些|那些|其中|上述|这方面|那方面|这个|那个|它们?|该(项|计划|文件)|^(what|how)\s+about\b|^(and|also|then)\b|\b(those|these|them|they|it|its|that one)\b/i;

/** A standalone question for `question`, given the previous turn (if any). */
export function resolveFollowUp(index: PlanIndex, previous: Turn | undefined, asked: string): string {
  if (!previous || isSmallTalk(asked)) return asked;
  // "@plans-bot 那广州呢?" leans on the previous turn as "那广州呢?" does; unmerged, it is left as asked.
  const question = withoutAddress(asked);
  const now = understandQuery(index, question);
  const before = understandQuery(index, previous.resolved);
  const rest = now.topic
    .replace(FOLLOW_UP_FILLER, '')
    .replace(/[?？!！。.,，\s]/g, '')
    .replace(/年$/, '')
    .trim();
  const namesScope = now.places.length > 0 || now.years.length > 0 || now.anonymised;
  if (namesScope && rest.length <= 1) {
    const places = now.places.length ? now.places : before.places;
    const years = now.years.length ? now.years : before.years;
    return `${places.join('和')}${years.map((y) => `${y}年`).join('')}${before.topic}`.trim();
  }
  if (namesScope || now.unknownPlaces.length || !(before.places.length || before.years.length)) return asked;
  const specific = now.terms.filter((t) => !t.generic);
  // Nothing in it is a word the plans or the lexicon know: not a follow-up, whatever it says.
  if (specific.length && specific.every((t) => !t.alternatives.length || unknownWord(t.text))) return asked;
  const scope = `${before.places.join('和')}${before.years.map((y) => `${y}年`).join('')}`;
  if (!specific.length) return `${scope}${subjectOf(before)}${question}`;
  return LEANS.test(question) ? `${scope}${question}` : asked;
}

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
