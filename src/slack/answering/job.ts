// What the listeners hand to the answering threads, and what comes back. Plain data: it crosses
// worker_threads by structured clone.
import type { CommandResult } from '../../answer/dispatch.js';
import type { Turn } from '../../answer/conversation.js';
import type { KnownBlock } from '../blocks/kit.js';
import type { Lang } from '../i18n.js';

export type AnswerJob = {
  /** The command text: a question, or summary / search / compare … */
  text: string;
  /** The conversation it continues: the turns this thread knows, or (after a restart) earlier questions to replay. */
  conversation?: { id: string; turns: Turn[]; history?: string[] };
  lang: Lang;
  /** Id the answer is remembered under (its buttons carry it). */
  answerId: string;
  restate?: string;
  shareable?: boolean;
};

export type AnswerOutcome = {
  result: CommandResult;
  /** The whole reply as one message. */
  message: { text: string; blocks: KnownBlock[] };
  /** The reply for a stream: verified lines of markdown in order, then the blocks that close it. */
  stream: { lines: string[]; blocks: KnownBlock[] };
  /** Turns this job added to its conversation. */
  added: Turn[];
};
