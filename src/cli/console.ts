// The local console (`npm start` with no Slack settings): the same commands as Slack's /plans, typed
// at a prompt, over the bundled corpus or any other. It speaks console: its help shows what to type
// here, and a line pasted from Slack ("/plans summary 湘西") works as the command.
import { createInterface } from 'node:readline/promises';
import { conversationStore } from '../answer/conversation.js';
import { runCommand } from '../answer/dispatch.js';
import { renderAnswerText } from '../answer/render-text.js';
import { missingSlackSettings, type Config } from '../config.js';
import type { PlanIndex } from '../index/store.js';
import { friendlyFailure } from '../failures.js';

export const CONSOLE_HELP = [
  'Ask a question in Chinese (simplified or traditional) or English, e.g.',
  '  青岛2020年普惠性幼儿园覆盖率要达到多少?',
  'or type a command:',
  '  summary <place> [year] [type]     the plan’s priorities, section by section   e.g. summary 湘西',
  '  search <keywords>                 the matching paragraphs, cited               e.g. search 集团化办学',
  '  compare <placeA> <placeB> [year] [topic]                                       e.g. compare 青岛 湘西 智慧教育',
  '  docs                              the indexed plans',
  '  help                              this help',
  '  quit                              leave',
  'A follow-up ("那广州呢?", "what about 2021?") is read against your previous question.',
].join('\n');

/** A console line as a command: a leading "/plans" (pasted from Slack) is dropped. */
export const consoleCommand = (line: string) => line.trim().replace(/^\/plans\b\s*/i, '');

export async function startConsole(index: PlanIndex, config: Config): Promise<void> {
  console.log(
    `plans-bot — local console (${missingSlackSettings(config)}; set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN to run in Slack).`,
  );
  console.log(
    `${index.documents.length} documents, ${index.chunks.length} paragraphs indexed. Type a question, or "help" for the commands.\n`,
  );
  const conversations = conversationStore(config.CONVERSATION_TURNS);
  const interactive = Boolean(process.stdin.isTTY);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const text = consoleCommand(line);
    if (/^(quit|exit)$/i.test(text)) break;
    // Piped input is echoed, so that a transcript reads as a conversation.
    if (!interactive && line.trim()) console.log(line.trim());
    if (/^(help|\?)?$/i.test(text)) {
      // An empty line is nothing; "/plans" alone, as in Slack, asks for the help.
      if (text || line.trim()) console.log(CONSOLE_HELP);
    } else if ([...text].length > config.MAX_QUESTION_CHARS) {
      console.log(
        `That question is ${[...text].length} characters; please keep it under ${config.MAX_QUESTION_CHARS}.`,
      );
    } else {
      try {
        const result = await runCommand(index, config, text, { store: conversations, id: 'console' });
        console.log(result.kind === 'text' ? consoleText(result.text) : renderAnswerText(result.answer));
      } catch (err) {
        console.log(friendlyFailure(err, 'console'));
      }
    }
    console.log();
    rl.prompt();
  }
  rl.close();
}

/** Slack markup in a text reply (*bold*, `code`, /plans) as plain console text. */
const consoleText = (text: string) =>
  text
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\/plans /g, '');
