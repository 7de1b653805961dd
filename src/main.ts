// npm start: the Slack bot when Slack settings are present; otherwise a local console chat over the
// same command handlers and the bundled corpus, so a fresh machine with no secrets has a working product.
import { createInterface } from 'node:readline/promises';
import { config } from './config.js';
import { InputError } from './errors.js';
import { conversationStore } from './answer/conversation.js';
import { runCommand } from './answer/dispatch.js';
import { renderAnswerText } from './answer/render-text.js';
import { logger, quietUnlessAsked, scrubSecrets } from './log.js';
import { openIndex } from './index/open.js';
import { createSlackApp, slackConfigured } from './slack/app.js';
import { botContext } from './slack/context.js';
import { friendlyFailure } from './slack/guardrails.js';

async function main(): Promise<void> {
  const c = config();
  if (!slackConfigured({ config: c })) quietUnlessAsked();
  const index = await openIndex(c);
  if (slackConfigured({ config: c })) {
    const app = createSlackApp(botContext(index, c));
    if (c.SLACK_APP_TOKEN) {
      await app.start();
      logger.info('plans-bot is running in Socket Mode');
    } else {
      await app.start(c.PORT);
      logger.info({ port: c.PORT }, 'plans-bot is listening for Slack at /slack/events');
    }
    return;
  }
  await startConsole(index, c);
}

async function startConsole(index: Awaited<ReturnType<typeof openIndex>>, c: ReturnType<typeof config>): Promise<void> {
  console.log(
    'plans-bot — local console (no Slack settings found; set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN to run in Slack).',
  );
  console.log(
    `${index.documents.length} documents, ${index.chunks.length} paragraphs indexed. Ask a question (中文/English), or: summary <place> [year] · search <keywords> · compare <A> <B> [topic] · docs · help · quit\n`,
  );
  const conversations = conversationStore(c.CONVERSATION_TURNS);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'quit' || text === 'exit') break;
    if (!process.stdin.isTTY && text) console.log(text);
    if ([...text].length > c.MAX_QUESTION_CHARS) {
      console.log(`That question is ${[...text].length} characters; please keep it under ${c.MAX_QUESTION_CHARS}.`);
    } else if (text) {
      try {
        const result = await runCommand(index, c, text, { store: conversations, id: 'console' });
        console.log(result.kind === 'text' ? result.text.replace(/\*/g, '') : renderAnswerText(result.answer));
      } catch (err) {
        console.log(friendlyFailure(err, 'console'));
      }
    }
    console.log();
    rl.prompt();
  }
  rl.close();
}

main().catch((err: Error) => {
  if (err instanceof InputError) console.error(`plans-bot: ${scrubSecrets(err.message)}`);
  else console.error(`plans-bot: ${friendlyFailure(err, 'start')}`);
  process.exitCode = 1;
});
