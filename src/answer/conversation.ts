// Follow-ups: a conversation keeps its last turns, so "那广州呢?" or "what about 2021?" is read
// against the previous question. A follow-up that names only a place or a year takes the previous
// question's topic; one that names neither keeps the previous places and years.
import type { PlanIndex } from '../index/store.js';
import { understandQuery } from '../retrieval/query.js';

export type Turn = { question: string; resolved: string; at: number };

const FOLLOW_UP_FILLER =
  /^(那|那么|还有|和|及|以及|且|另外)|(呢|怎么样|如何|的情况|的呢|又如何)$|^(what|how)\s+about\s+|^and\s+|^in\s+/gi;

/** A standalone question for `question`, given the previous turn (if any). */
export function resolveFollowUp(index: PlanIndex, previous: Turn | undefined, question: string): string {
  if (!previous) return question;
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
  if (!namesScope && (before.places.length || before.years.length) && now.topic.length <= 40) {
    return `${before.places.join('和')}${before.years.map((y) => `${y}年`).join('')}${question}`;
  }
  return question;
}

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
