// Bolt's HTTP receiver behind a guard. Bolt's own request handling has two gaps for a bot in front
// of a whole bureau: it accepts a correctly signed request dated in the future (it only refuses
// stale ones), and a correctly signed body that parses to JSON null (or any non-object) throws
// inside its request handler's detached async closure — an unhandled rejection that ends the
// process. The guard reads the body once, checks the signature with our clock (verify.ts), refuses
// a body that is not a JSON object with 400, and only then hands the request to Bolt, which
// reuses the buffered body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';
import { logger } from '../log.js';
import { verifySlackSignature } from './verify.js';

const BODY_LIMIT = 4 * 1024 * 1024;

export type GuardedReceiverOptions = Omit<HTTPReceiverOptions, 'signatureVerification'> & {
  signingSecret: string;
  now?: () => number;
};

export class GuardedHTTPReceiver extends HTTPReceiver {
  /** Requests read or being read whose response (the acknowledgement) has not gone out yet. */
  private unanswered = 0;
  private onQuiet: Array<() => void> = [];

  /**
   * Resolves when no request is waiting for its acknowledgement (or after `maxWaitMs`, so that
   * steady traffic cannot starve answers). The bot posts its answers through this: in a burst,
   * Slack hears every acknowledgement first, as fast as a bare app would send them.
   */
  quiet(maxWaitMs = 2000): Promise<void> {
    if (this.unanswered === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, maxWaitMs);
      this.onQuiet.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  constructor(options: GuardedReceiverOptions) {
    const { now = Date.now, ...rest } = options;
    // The guard verifies every request; Bolt's check would only repeat it with a laxer rule.
    super({ ...rest, signatureVerification: false });
    const endpoints = new Set([rest.endpoints ?? '/slack/events'].flat());
    const bolt = this.requestListener;
    this.requestListener = (req, res) => {
      this.unanswered++;
      res.once('close', () => {
        if (--this.unanswered === 0) for (const resolve of this.onQuiet.splice(0)) resolve();
      });
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method !== 'POST' || !endpoints.has(path)) return bolt(req, res);
      guard(req, res, options.signingSecret, now).then(
        (pass) => {
          if (pass) bolt(req, res);
        },
        (err) => {
          logger.warn({ err: (err as Error).message }, 'slack request refused');
          if (!res.headersSent) res.writeHead(400).end();
        },
      );
    };
  }
}

async function guard(
  req: IncomingMessage,
  res: ServerResponse,
  signingSecret: string,
  now: () => number,
): Promise<boolean> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) {
      res.writeHead(413).end();
      return false;
    }
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  const text = raw.toString('utf8');
  const contentType = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim();
  const form = contentType === 'application/x-www-form-urlencoded' ? parseQuery(text) : undefined;
  // Slack's SSL check is not signed; whatever else such a request carries is dropped.
  if (form?.ssl_check === '1') {
    res.writeHead(200).end();
    return false;
  }
  const check = verifySlackSignature({
    signingSecret,
    body: text,
    timestamp: header(req, 'x-slack-request-timestamp'),
    signature: header(req, 'x-slack-signature'),
    nowMs: now(),
  });
  if (!check.ok) {
    logger.warn({ reason: check.reason }, 'slack request refused: signature');
    res.writeHead(401).end();
    return false;
  }
  if (!isObjectBody(text, form)) {
    logger.warn('slack request refused: the body is not a JSON object');
    res.writeHead(400).end();
    return false;
  }
  // Bolt reads `rawBody` instead of the (already consumed) stream.
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  return true;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Events come as a JSON object; commands as a form; interactions as a form whose payload is a JSON object. */
function isObjectBody(text: string, form: ReturnType<typeof parseQuery> | undefined): boolean {
  try {
    if (!form) return isObject(JSON.parse(text));
    if (form.payload === undefined) return true;
    return typeof form.payload === 'string' && isObject(JSON.parse(form.payload));
  } catch {
    return false;
  }
}
