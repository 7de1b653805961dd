// One pino logger. Secrets are redacted by key wherever they appear in a logged object, and free
// text is scrubbed of anything token-shaped. On a terminal the lines are for people (pino-pretty);
// otherwise they are JSON, for log collectors.
import { createRequire } from 'node:module';
import pino from 'pino';
import { config } from './config.js';
import { scrubSecrets } from './errors.js';
import { defaultLogLevel } from './log-level.js';

export { scrubSecrets };

const REDACT = [
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  'apiKey',
  '*.apiKey',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'OPENAI_API_KEY',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
];

function destination(): pino.DestinationStream {
  if (!process.stderr.isTTY) return pino.destination(2);
  // pino-pretty is loaded only for a terminal.
  const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => pino.DestinationStream;
  return pretty({ destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', sync: true });
}

export const logger = pino(
  {
    level: process.env.VITEST ? 'silent' : (config().LOG_LEVEL ?? defaultLogLevel()),
    redact: { paths: REDACT, censor: '[redacted]' },
  },
  destination(),
);
