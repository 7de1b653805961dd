// A failure that is a bug (not an InputError): logged in full under a short reference, shown to the
// person only as that reference — never a stack trace, never a secret.
import { randomBytes } from 'node:crypto';
import { logger } from './log.js';

export function friendlyFailure(err: unknown, where: string): string {
  const ref = randomBytes(3).toString('hex');
  logger.error({ err, ref, where }, 'failed');
  return `Sorry — something went wrong (reference ${ref}). Please try again; if it keeps happening, share the reference with the bot's maintainers.`;
}
