// npm start: the Slack bot when Slack settings are present; otherwise a local console over the
// same command handlers and the bundled corpus, so a fresh machine with no secrets has a working
// product. The first start builds the index and shows how far it has come.
import { config, slackConfigured } from './config.js';
import { InputError, scrubSecrets } from './errors.js';
import { logForPeopleAtTerminal } from './log-level.js';
import { startJiebaThread } from './text/jieba-thread.js';

async function main(): Promise<void> {
  const c = config();
  if (!slackConfigured(c)) {
    logForPeopleAtTerminal();
    // The console reads questions: jieba's dictionary loads on its own thread while the index opens.
    startJiebaThread();
  }
  const [{ openIndex }, { buildReporter }] = await Promise.all([
    import('./index/open.js'),
    import('./cli/build-progress.js'),
  ]);
  const reporter = buildReporter();
  const index = await openIndex(c, { progress: reporter.progress, note: reporter.note });
  reporter.finish();
  if (!slackConfigured(c)) {
    await (await import('./cli/console.js')).startConsole(index, c);
    return;
  }
  const [{ createSlackApp }, { botContext }, { logger }] = await Promise.all([
    import('./slack/app.js'),
    import('./slack/context.js'),
    import('./log.js'),
  ]);
  const app = createSlackApp(botContext(index, c));
  if (c.SLACK_APP_TOKEN) {
    await app.start();
    logger.info('plans-bot is running in Socket Mode');
  } else {
    await app.start(c.PORT);
    logger.info({ port: c.PORT }, 'plans-bot is listening for Slack at /slack/events');
  }
}

main().catch(async (err: Error) => {
  if (err instanceof InputError) console.error(`plans-bot: ${scrubSecrets(err.message)}`);
  else {
    const { friendlyFailure } = await import('./failures.js');
    console.error(`plans-bot: ${friendlyFailure(err, 'start')}`);
  }
  process.exitCode = 1;
});
