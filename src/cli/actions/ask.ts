// plans ask / summary / compare, loaded only when one of them runs.
import { answerQuestion } from '../../answer/answer.js';
import { comparePlaces } from '../../answer/compare.js';
import { resolveFollowUp, understoodAs } from '../../answer/conversation.js';
import { appendTurn, readTurns } from '../../answer/conversation-file.js';
import { splitPlanArgs } from '../../answer/dispatch.js';
import { answerJson, type Answer } from '../../answer/model.js';
import { renderAnswerText } from '../../answer/render-text.js';
import { summarisePlan } from '../../answer/summary.js';
import { InputError } from '../../errors.js';
import { detectScript, toSimplified } from '../../text/script.js';
import { readJsonLines } from '../io.js';
import { openForCommand, type IndexOptions } from '../open-index.js';

const print = (answer: Answer, json?: boolean) =>
  console.log(json ? JSON.stringify(answerJson(answer)) : renderAnswerText(answer));
const CONVERSATIONS = 'data/conversations.json';

export async function ask(
  question: string | undefined,
  opts: IndexOptions & { json?: boolean; conversation?: string },
): Promise<void> {
  const { index, config: c } = await openForCommand(opts);
  if (!question) {
    if (process.stdin.isTTY || !opts.json)
      throw new InputError('Give a question, or pipe JSONL questions ({"id","question"}) on stdin with --json.');
    for (const item of await readJsonLines<{ id?: string; question?: string }>()) {
      if (typeof item.question !== 'string') throw new InputError(`line with id ${item.id ?? '?'} has no "question"`);
      console.log(JSON.stringify(answerJson(await answerQuestion(index, item.question, c), String(item.id ?? ''))));
    }
    return;
  }
  let resolved = question;
  if (opts.conversation) {
    resolved = resolveFollowUp(index, readTurns(CONVERSATIONS, opts.conversation).at(-1), question);
    appendTurn(CONVERSATIONS, opts.conversation, { question, resolved, at: Date.now() }, c.CONVERSATION_TURNS);
  }
  const answer = await answerQuestion(index, resolved, c, { script: detectScript(question) });
  print(
    resolved === question
      ? answer
      : { ...answer, question, note: [understoodAs(question, resolved), answer.note].filter(Boolean).join(' · ') },
    opts.json,
  );
}

export async function summary(place: string, more: string[], opts: IndexOptions & { json?: boolean }): Promise<void> {
  const { index, config: c } = await openForCommand(opts);
  const { year, type } = splitPlanArgs(more);
  print(await summarisePlan(index, { place, year, type, script: detectScript(place) }, c), opts.json);
}

export async function compare(
  a: string,
  b: string,
  topicWords: string[],
  opts: IndexOptions & { json?: boolean },
): Promise<void> {
  if (toSimplified(a).toLowerCase() === toSimplified(b).toLowerCase())
    throw new InputError(`Compare two different places (both are ${a}).`);
  const { index, config: c } = await openForCommand(opts);
  const { year, rest } = splitPlanArgs(topicWords);
  const topic = rest.join(' ').trim() || undefined;
  print(await comparePlaces(index, { places: [a, b], topic, year }, c), opts.json);
}
