// plans ask / summary / compare: cited answers, a plan's priorities, two places side by side.
import type { Command } from 'commander';
import { config } from '../../config.js';
import { InputError } from '../../errors.js';
import { answerQuestion } from '../../answer/answer.js';
import { comparePlaces } from '../../answer/compare.js';
import { resolveFollowUp } from '../../answer/conversation.js';
import { appendTurn, readTurns } from '../../answer/conversation-file.js';
import { answerJson, type Answer } from '../../answer/model.js';
import { splitPlanArgs } from '../../answer/dispatch.js';
import { renderAnswerText } from '../../answer/render-text.js';
import { summarisePlan } from '../../answer/summary.js';
import { openIndex } from '../../index/open.js';
import { detectScript } from '../../text/script.js';
import { readJsonLines } from '../io.js';
import { indexOptions } from '../options.js';

const print = (answer: Answer, json?: boolean) =>
  console.log(json ? JSON.stringify(answerJson(answer)) : renderAnswerText(answer));
const CONVERSATIONS = 'data/conversations.json';

export function register(program: Command): void {
  program
    .command('ask [question]')
    .description('answer a question from the plans, citing the paragraphs it rests on')
    .option('--json', 'JSON output')
    .option('--conversation <id>', 'keep the last turns under this id, so follow-ups ("那广州呢?") work')
    .option('--index <dir>', 'index directory')
    .option('--corpus <dir>', 'corpus the index follows (default: the one it was built from, else corpus/)')
    .action(
      async (
        question: string | undefined,
        opts: { json?: boolean; conversation?: string; index?: string; corpus?: string },
      ) => {
        const c = config();
        const index = await openIndex(c, indexOptions(opts));
        if (!question) {
          if (process.stdin.isTTY || !opts.json)
            throw new InputError('Give a question, or pipe JSONL questions ({"id","question"}) on stdin with --json.');
          for (const item of await readJsonLines<{ id?: string; question?: string }>()) {
            if (typeof item.question !== 'string')
              throw new InputError(`line with id ${item.id ?? '?'} has no "question"`);
            console.log(
              JSON.stringify(answerJson(await answerQuestion(index, item.question, c), String(item.id ?? ''))),
            );
          }
          return;
        }
        let resolved = question;
        if (opts.conversation) {
          resolved = resolveFollowUp(index, readTurns(CONVERSATIONS, opts.conversation).at(-1), question);
          appendTurn(CONVERSATIONS, opts.conversation, { question, resolved, at: Date.now() }, c.CONVERSATION_TURNS);
        }
        const answer = await answerQuestion(index, resolved, c);
        print(
          resolved === question
            ? answer
            : { ...answer, question, note: [`understood as: ${resolved}`, answer.note].filter(Boolean).join(' · ') },
          opts.json,
        );
      },
    );

  program
    .command('summary <place> [more...]')
    .description('a plan’s priorities, section by section, cited: summary <place> [year] [type]')
    .option('--json', 'JSON output')
    .option('--index <dir>', 'index directory')
    .option('--corpus <dir>', 'corpus the index follows (default: the one it was built from, else corpus/)')
    .action(async (place: string, more: string[], opts: { json?: boolean; index?: string; corpus?: string }) => {
      const c = config();
      const index = await openIndex(c, indexOptions(opts));
      const { year, type } = splitPlanArgs(more);
      print(await summarisePlan(index, { place, year, type, script: detectScript(place) }, c), opts.json);
    });

  program
    .command('compare <placeA> <placeB> [topic...]')
    .description('two places side by side, cited: compare <placeA> <placeB> [year] [topic]')
    .option('--json', 'JSON output')
    .option('--index <dir>', 'index directory')
    .option('--corpus <dir>', 'corpus the index follows (default: the one it was built from, else corpus/)')
    .action(
      async (a: string, b: string, topicWords: string[], opts: { json?: boolean; index?: string; corpus?: string }) => {
        const c = config();
        const index = await openIndex(c, indexOptions(opts));
        const { year, rest } = splitPlanArgs(topicWords);
        const topic = rest.join(' ').trim() || undefined;
        print(await comparePlaces(index, { places: [a, b], topic, year }, c), opts.json);
      },
    );
}
