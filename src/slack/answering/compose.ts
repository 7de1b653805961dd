// One answer, start to finish: search and compose (runCommand), then render for Slack. This is the
// work that runs off the thread that acknowledges Slack's requests (see pool.ts).
import { conversationStore, resolveFollowUp, type Turn } from '../../answer/conversation.js';
import { runCommand } from '../../answer/dispatch.js';
import type { Config } from '../../config.js';
import type { PlanIndex } from '../index-access.js';
import { answerBlocks, answerText, feedbackBlock, leftOut, sourceBlocks } from '../blocks/answer.js';
import { fitBlocks } from '../blocks/kit.js';
import { fallbackText, textBlocks } from '../blocks/text.js';
import { slackText } from '../escape.js';
import { SLACK_LIMITS } from '../limits.js';
import { splitText } from '../blocks/kit.js';
import type { AnswerJob, AnswerOutcome } from './job.js';

export async function composeAnswer(index: PlanIndex, config: Config, job: AnswerJob): Promise<AnswerOutcome> {
  const added: Turn[] = [];
  let conversation: Parameters<typeof runCommand>[3];
  if (job.conversation) {
    const { id, turns, history = [] } = job.conversation;
    const store = conversationStore(config.CONVERSATION_TURNS);
    for (const turn of turns) store.add(id, turn);
    // After a restart the thread's earlier questions are read again, in order, to rebuild the context.
    if (!turns.length)
      for (const question of history)
        store.add(id, { question, resolved: resolveFollowUp(index, store.last(id), question), at: 0 });
    conversation = {
      id,
      store: {
        ...store,
        add: (cid: string, turn: Turn) => {
          added.push(turn);
          store.add(cid, turn);
        },
      },
    };
  }
  const result = await runCommand(index, config, job.text, conversation);
  if (result.kind === 'text') {
    const message = { text: fallbackText(result.text), blocks: textBlocks(result.text, job.restate) };
    return { result, message, stream: { lines: [slackText(result.text, 'markdown')], blocks: [] }, added };
  }
  const { answer } = result;
  const options = { lang: job.lang, restate: job.restate, answerId: job.answerId, shareable: job.shareable };
  return {
    result,
    message: { text: answerText(answer), blocks: answerBlocks(answer, options) },
    stream: {
      lines: streamLines([answer.answer, answer.note ? `(${answer.note})` : ''].filter(Boolean).join('\n')),
      blocks: fitBlocks(
        [],
        sourceBlocks(answer, job.lang),
        [feedbackBlock(job.answerId)],
        SLACK_LIMITS.messageBlocks,
        leftOut(job.lang),
      ),
    },
    added,
  };
}

/**
 * The answer as markdown lines for a stream, each one whole sentence or bullet of verified text:
 * Markdown punctuation and `<`, `>`, `&` escaped, each piece within one append's limit.
 */
export function streamLines(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => splitText(line, 2000))
    .map((line) => `${slackText(line, 'markdown')}\n`);
}
