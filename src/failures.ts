// A failure that is a bug (not an InputError): logged in full under a short reference, shown to the
// person only as that reference — never a stack trace, never a secret.
import { randomBytes } from 'node:crypto';
import { scrubSecrets } from './errors.js';
import { logger } from './log.js';

/** Logs the failure (secrets scrubbed) under a new reference, and returns the reference. */
export function logFailure(err: unknown, where: string): string {
  const ref = randomBytes(3).toString('hex');
  const message = scrubSecrets(err instanceof Error ? (err.stack ?? err.message) : String(err));
  logger.error({ err: message, ref, where }, 'failed');
  return ref;
}

/** What the console and the CLI show for a failure. */
export function friendlyFailure(err: unknown, where: string): string {
  return `Sorry — something went wrong (reference ${logFailure(err, where)}). Please try again; if it keeps happening, share the reference with the bot's maintainers.`;
}
