// Slack's request signature (v0), checked the way bolt-js's verify-request.ts does, with two
// differences: a timestamp too far in the future is refused like a stale one (Bolt only refuses
// the past), and the clock is an argument, so tests can move it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifySlackSignature(input: {
  signingSecret: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowMs: number;
}): SignatureCheck {
  const { signingSecret, body, timestamp, signature, nowMs } = input;
  if (!signingSecret) return { ok: false, reason: 'no signing secret is set' };
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing or malformed timestamp' };
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > MAX_SKEW_SECONDS)
    return { ok: false, reason: `timestamp more than ${MAX_SKEW_SECONDS / 60} minutes from now` };
  const [version, hash] = (signature ?? '').split('=');
  if (version !== 'v0' || !hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: 'malformed signature' };
  const expected = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest();
  if (!timingSafeEqual(Buffer.from(hash, 'hex'), expected)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true };
}
