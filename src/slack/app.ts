// The Bolt app: Socket Mode when SLACK_APP_TOKEN is set, otherwise Bolt's HTTP receiver behind a
// guard (receiver.ts) on PORT, with events, commands and interactivity at /slack/events. The Web
// API base URL is a setting, so tests (and proxies) can point it elsewhere.
import { App, LogLevel, type Logger } from '@slack/bolt';
import { logger, scrubSecrets } from '../log.js';
import type { BotContext } from './context.js';
import { oncePerEvent } from './deliveries.js';
import { friendlyFailure } from './guardrails.js';
import { register as registerActions } from './listeners/actions.js';
import { register as registerAssistant } from './listeners/assistant.js';
import { register as registerCommands } from './listeners/commands.js';
import { register as registerHome } from './listeners/home.js';
import { register as registerMentions } from './listeners/mentions.js';
import { register as registerMessages } from './listeners/messages.js';
import { GuardedHTTPReceiver } from './receiver.js';

/** Bolt's logs go through pino, with anything token-shaped removed. */
function boltLogger(): Logger {
  const child = logger.child({ name: 'bolt' });
  const text = (args: unknown[]) =>
    scrubSecrets(
      args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(' '),
    );
  return {
    debug: (...a) => child.debug(text(a)),
    info: (...a) => child.info(text(a)),
    warn: (...a) => child.warn(text(a)),
    error: (...a) => child.error(text(a)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

export function createSlackApp(ctx: BotContext, options: { now?: () => number } = {}): App {
  const c = ctx.config;
  const log = boltLogger();
  const receiver = c.SLACK_APP_TOKEN
    ? undefined
    : new GuardedHTTPReceiver({ signingSecret: c.SLACK_SIGNING_SECRET ?? '', logger: log, now: options.now });
  if (receiver) ctx.acknowledgementsFirst = () => receiver.quiet();
  const app = !receiver
    ? new App({
        token: c.SLACK_BOT_TOKEN,
        socketMode: true,
        appToken: c.SLACK_APP_TOKEN,
        clientOptions: { slackApiUrl: c.SLACK_API_URL },
        logger: log,
      })
    : new App({
        token: c.SLACK_BOT_TOKEN,
        receiver,
        clientOptions: { slackApiUrl: c.SLACK_API_URL },
        logger: log,
      });
  // First: a redelivered event goes no further (Bolt has already acknowledged it).
  app.use(oncePerEvent(ctx.deliveries));
  registerAssistant(app, ctx);
  registerMentions(app, ctx);
  registerMessages(app, ctx);
  registerCommands(app, ctx);
  registerActions(app, ctx);
  registerHome(app, ctx);
  app.error(async (error) => {
    friendlyFailure(error, 'bolt');
  });
  return app;
}
