// npm start: the Slack bot when Slack tokens are set; otherwise a local console chat over the
// bundled corpus, so a fresh machine with no secrets has a working product.
import { createInterface } from 'node:readline/promises';
import { config } from './config.js';
import { answerQuestion } from './answer/answer.js';
import { renderAnswerText } from './answer/render-text.js';
import { openIndex } from './retrieval/open-index.js';
import { logger, scrubSecrets } from './log.js';

async function startConsole(): Promise<void> {
  const c = config();
  if (c.SLACK_BOT_TOKEN) {
    console.log('Slack tokens are set, but the Slack surface is not built yet (see the issue tracker); starting the local console instead.');
  }
  console.log('plans-bot — local console (no Slack settings found). Loading the index…');
  const index = await openIndex(c);
  console.log(`${index.documents.length} documents, ${index.chunks.length} paragraphs indexed. Ask a question (中文/English); "docs" lists the plans, "quit" leaves.\n`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const question = line.trim();
    if (question === 'quit' || question === 'exit') break;
    if (question === 'docs') {
      for (const d of index.documents) console.log(`${d.place}\t${d.year}\t${d.type}\t${d.title}`);
    } else if (question.length > c.MAX_QUESTION_CHARS) {
      console.log(`That question is ${question.length} characters; please keep it under ${c.MAX_QUESTION_CHARS}.`);
    } else if (question) {
      try {
        console.log(renderAnswerText(await answerQuestion(index, question, c)));
      } catch (err) {
        const ref = Math.random().toString(36).slice(2, 8);
        logger.error({ err, ref }, 'answer failed');
        console.log(`Sorry, something went wrong (reference ${ref}).`);
      }
    }
    console.log();
    rl.prompt();
  }
  rl.close();
}

startConsole().catch((err: Error) => {
  console.error(`plans-bot: ${scrubSecrets(err.message)}`);
  process.exitCode = 1;
});
