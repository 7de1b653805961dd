// The `plans` command line. Every command opens (or first builds) the index from the corpus.
// Command modules register their options only; what they do is loaded when they run, so that
// `plans --help` answers at once.
import { Command, CommanderError } from 'commander';
import { InputError, scrubSecrets } from '../errors.js';
import { logForPeopleAtTerminal } from '../log-level.js';
import { register as registerAsk } from './commands/ask.js';
import { register as registerFeedback } from './commands/feedback.js';
import { register as registerIngest } from './commands/ingest.js';
import { register as registerSearch } from './commands/search.js';

export function buildProgram(): Command {
  const program = new Command('plans')
    .description('Questions and answers over official education plans, with verbatim citations.')
    .exitOverride();
  registerIngest(program);
  registerSearch(program);
  registerAsk(program);
  registerFeedback(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  logForPeopleAtTerminal();
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof InputError) {
      console.error(`plans: ${scrubSecrets(err.message)}`);
      return 2;
    }
    const { logFailure } = await import('../failures.js');
    console.error(`plans: something went wrong (reference ${logFailure(err, 'cli')}); details are in the log.`);
    return 1;
  }
}
