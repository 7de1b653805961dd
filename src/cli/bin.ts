// The `plans` executable: runs the command line and exits with its status. For commands that read
// questions, jieba's thread starts before anything else loads (its dictionary takes longest), and
// the command line is imported after it.
import { startJiebaThread } from '../text/jieba-thread.js';

const READS_QUESTIONS = new Set(['ask', 'search', 'summary', 'compare', 'eval']);
if (READS_QUESTIONS.has(process.argv[2] ?? '')) startJiebaThread();
const { run } = await import('./main.js');
process.exitCode = await run(process.argv.slice(2));
