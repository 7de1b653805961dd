// An error whose message is written for the person who can fix its cause (a bad path, a bad
// setting, an index built another way). Entry points print it as it is, without a stack trace;
// any other error is a bug, logged in full and shown only as a reference.
export class InputError extends Error {
  override name = 'InputError';
}

/** Removes anything that looks like a Slack or OpenAI secret from free text before it is logged or shown. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/xox[abposr]-[A-Za-z0-9-]+/g, 'xox*-[redacted]')
    .replace(/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]')
    .replace(/sk-[A-Za-z0-9_-]{8,}/g, 'sk-[redacted]');
}

/**
 * Why a request to a model or embedding server failed, in a word or two for a person: its HTTP
 * status, a timeout, the network's error code — never the server's message, which may echo the request.
 */
export function serviceFailure(err: unknown): string {
  const e = err as { status?: number; name?: string; message?: string; cause?: { code?: string } };
  if (e.status) return `HTTP ${e.status}`;
  if (/timeout/i.test(e.name ?? '') || /timed? ?out/i.test(e.message ?? '')) return 'timeout';
  return e.cause?.code ?? 'unavailable';
}
