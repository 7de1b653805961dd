// One pino logger. Secrets are redacted by key wherever they appear in a logged object.
import pino from 'pino';
import { config } from './config.js';

export const logger = pino(
  {
    level: process.env.VITEST ? 'silent' : (config().LOG_LEVEL ?? 'info'),
    redact: {
      paths: [
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
      ],
      censor: '[redacted]',
    },
    transport: undefined,
  },
  pino.destination(2),
);

/** For the console and the CLI: unless LOG_LEVEL says otherwise, only warnings and errors reach the terminal. */
export function quietUnlessAsked(): void {
  if (!config().LOG_LEVEL && !process.env.VITEST) logger.level = 'warn';
}

/** Removes anything that looks like a Slack or OpenAI secret from free text before it is logged or shown. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/xox[abposr]-[A-Za-z0-9-]+/g, 'xox*-[redacted]')
    .replace(/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]')
    .replace(/sk-[A-Za-z0-9_-]{8,}/g, 'sk-[redacted]');
}
