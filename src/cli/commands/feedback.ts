// plans feedback: the 👍 / 👎 given in Slack, with the question, answer and sources.
import type { Command } from 'commander';
import { table } from '../io.js';

export function register(program: Command): void {
  program
    .command('feedback')
    .description('list the feedback given on answers in Slack')
    .option('--json', 'one JSON object per record')
    .action(async (opts: { json?: boolean }) => {
      const [{ config }, { readFeedback }] = await Promise.all([
        import('../../config.js'),
        import('../../answer/feedback.js'),
      ]);
      const records = readFeedback(config().FEEDBACK_FILE);
      if (opts.json) return records.forEach((r) => console.log(JSON.stringify(r)));
      if (!records.length) return console.log('No feedback yet.');
      console.log(
        table(
          records.map((r) => ({
            at: r.at.slice(0, 19),
            user: r.user,
            rating: r.rating === 'up' ? '👍' : '👎',
            question: [...r.question].slice(0, 40).join(''),
            sources: r.sources.map((s) => s.doc).join(' '),
          })),
        ),
      );
    });
}
