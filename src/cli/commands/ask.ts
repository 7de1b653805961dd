// plans ask / summary / compare: cited answers, a plan's priorities, two places side by side.
// The work is in ../actions/ask.ts, loaded only when one of these commands runs.
import type { Command } from 'commander';

const actions = () => import('../actions/ask.js');
const CORPUS_HELP = 'corpus the index follows (default: the one it was built from, else corpus/)';

export function register(program: Command): void {
  program
    .command('ask [question]')
    .description('answer a question from the plans, citing the paragraphs it rests on')
    .option('--json', 'JSON output')
    .option('--conversation <id>', 'keep the last turns under this id, so follow-ups ("那广州呢?") work')
    .option('--index <dir>', 'index directory')
    .option('--corpus <dir>', CORPUS_HELP)
    .action(async (question, opts) => (await actions()).ask(question, opts));

  program
    .command('summary <place> [more...]')
    .description('a plan’s priorities, section by section, cited: summary <place> [year] [type]')
    .option('--json', 'JSON output')
    .option('--index <dir>', 'index directory')
    .option('--corpus <dir>', CORPUS_HELP)
    .action(async (place, more, opts) => (await actions()).summary(place, more, opts));

  program
    .command('compare <placeA> <placeB> [topic...]')
    .description('two places side by side, cited: compare <placeA> <placeB> [year] [topic]')
    .option('--json', 'JSON output')
    .option('--index <dir>', 'index directory')
    .option('--corpus <dir>', CORPUS_HELP)
    .action(async (a, b, topicWords, opts) => (await actions()).compare(a, b, topicWords, opts));
}
