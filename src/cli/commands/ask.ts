// plans ask: a cited answer to a question; with --json and no question, JSONL questions on stdin.
import type { Command } from 'commander';
import { config } from '../../config.js';
import { answerQuestion } from '../../answer/answer.js';
import { answerJson } from '../../answer/model.js';
import { renderAnswerText } from '../../answer/render-text.js';
import { openIndex } from '../../retrieval/open-index.js';
import { readJsonLines, UserError } from '../io.js';
import { indexOptions } from '../options.js';

export function register(program: Command): void {
  program
    .command('ask [question]')
    .description('answer a question from the plans, citing the paragraphs it rests on')
    .option('--json', 'JSON output')
    .option('--index <dir>', 'index directory')
    .action(async (question: string | undefined, opts: { json?: boolean; index?: string }) => {
      const c = config();
      const index = await openIndex(c, indexOptions(opts));
      if (!question) {
        if (process.stdin.isTTY || !opts.json) throw new UserError('Give a question, or pipe JSONL questions ({"id","question"}) on stdin with --json.');
        for (const item of await readJsonLines<{ id?: string; question?: string }>()) {
          if (typeof item.question !== 'string') throw new UserError(`line with id ${item.id ?? '?'} has no "question"`);
          console.log(JSON.stringify(answerJson(await answerQuestion(index, item.question, c), String(item.id ?? ''))));
        }
        return;
      }
      const answer = await answerQuestion(index, question, c);
      console.log(opts.json ? JSON.stringify(answerJson(answer)) : renderAnswerText(answer));
    });
}
