// The Bolt app: Socket Mode when SLACK_APP_TOKEN is set, otherwise Bolt's HTTP receiver on PORT
// (events, commands and interactivity at /slack/events), signature-verified. The Web API base URL
// is a setting, so tests (and proxies) can point it elsewhere.
import { App, LogLevel, type Logger } from '@slack/bolt';
import { logger, scrubSecrets } from '../log.js';
import type { BotContext } from './context.js';
import { friendlyFailure } from './guardrails.js';
import { register as registerActions } from './listeners/actions.js';
import { register as registerCommands } from './listeners/commands.js';
import { register as registerHome } from './listeners/home.js';
import { register as registerMentions } from './listeners/mentions.js';
import { register as registerMessages } from './listeners/messages.js';

export function slackConfigured(ctx: Pick<BotContext, 'config'>): boolean {
  const c = ctx.config;
  return Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET));
}

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

export function createSlackApp(ctx: BotContext): App {
  const c = ctx.config;
  const socketMode = Boolean(c.SLACK_APP_TOKEN);
  const app = new App({
    token: c.SLACK_BOT_TOKEN,
    ...(socketMode ? { socketMode: true, appToken: c.SLACK_APP_TOKEN } : { signingSecret: c.SLACK_SIGNING_SECRET }),
    clientOptions: { slackApiUrl: c.SLACK_API_URL },
    logger: boltLogger(),
  });
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
