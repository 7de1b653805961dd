// Slack's delivery contract: signatures within five minutes either way, one answer per event_id
// (a redelivery is acknowledged and skipped, a retry whose original never arrived is answered),
// and a malformed but correctly signed body refused with 400 while the bot keeps serving.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryLog } from '../../src/slack/deliveries.js';
import { verifySlackSignature } from '../../src/slack/verify.js';
import { signedHeaders, startFakeSlack, waitFor } from '../helpers/fake-slack.js';
import { SECRET, startBot, type Bot, type Slack } from './harness.js';

const sign = (body: string, ts: number) =>
  `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;

describe('verifySlackSignature (clock injected)', () => {
  const now = 1_800_000_000_000;
  const at = (offsetSeconds: number) => {
    const ts = Math.floor(now / 1000) + offsetSeconds;
    return verifySlackSignature({
      signingSecret: SECRET,
      body: '{}',
      timestamp: String(ts),
      signature: sign('{}', ts),
      nowMs: now,
    });
  };
  it('accepts up to five minutes either way and refuses beyond, past or future', () => {
    expect([at(0).ok, at(-299).ok, at(299).ok]).toEqual([true, true, true]);
    expect(at(-301)).toMatchObject({ ok: false, reason: expect.stringMatching(/5 minutes/) });
    expect(at(301)).toMatchObject({ ok: false, reason: expect.stringMatching(/5 minutes/) });
  });
  it('refuses a wrong, malformed or missing signature and a malformed timestamp', () => {
    const ts = String(Math.floor(now / 1000));
    const base = { signingSecret: SECRET, body: '{}', timestamp: ts, nowMs: now };
    expect(verifySlackSignature({ ...base, signature: sign('{"x":1}', Number(ts)) }).ok).toBe(false);
    expect(verifySlackSignature({ ...base, signature: 'v1=abc' }).ok).toBe(false);
    expect(verifySlackSignature({ ...base, signature: undefined }).ok).toBe(false);
    expect(verifySlackSignature({ ...base, timestamp: '12e9', signature: sign('{}', Number(ts)) }).ok).toBe(false);
  });
});

describe('deliveryLog', () => {
  it('remembers an event id for the retry window, then forgets it', () => {
    let now = 0;
    const log = deliveryLog(60 * 60 * 1000, () => now);
    expect([log.firstTime('Ev1'), log.firstTime('Ev1'), log.firstTime('Ev2')]).toEqual([true, false, true]);
    now = 59 * 60 * 1000;
    expect(log.firstTime('Ev1')).toBe(false);
    now = 61 * 60 * 1000;
    expect(log.firstTime('Ev1')).toBe(true);
  });
});

describe('deliveries through the HTTP receiver', () => {
  let slack: Slack;
  let bot: Bot;
  beforeAll(async () => {
    slack = await startFakeSlack();
    bot = await startBot(slack);
  });
  afterAll(async () => {
    await bot.stop();
    await slack.close();
  });

  const mention = (ts: string, text = '青岛2020年要建多少个学科教研基地?', user = 'U1') => ({
    type: 'app_mention',
    user,
    text: `<@UBOT> ${text}`,
    ts,
    channel: 'C1',
    event_ts: ts,
  });
  const answersIn = (threadTs: string) =>
    slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === threadTs).length;

  it('acknowledges a redelivered event and answers it only once', async () => {
    const event = mention('1700001000.000100');
    const first = await bot.event(event, undefined, 'EvSame1');
    const again = await bot.event(
      event,
      (body) => ({ ...signedHeaders(SECRET, body), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }),
      'EvSame1',
    );
    const replay = await bot.event(event, undefined, 'EvSame1');
    expect([first.status, again.status, replay.status]).toEqual([200, 200, 200]);
    await waitFor(() => slack.answers().find((c) => JSON.stringify(c.args.blocks).includes('建設200個')));
    await new Promise((r) => setTimeout(r, 500));
    expect(answersIn('1700001000.000100')).toBe(1);
  });

  it('answers a retry whose original never arrived', async () => {
    const res = await bot.event(
      mention('1700001100.000100'),
      (body) => ({ ...signedHeaders(SECRET, body), 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' }),
      'EvNeverSeen',
    );
    expect(res.status).toBe(200);
    await waitFor(() => answersIn('1700001100.000100') === 1);
  });

  it('refuses a correctly signed null (or any non-object) body with 400 and keeps serving', async () => {
    for (const body of ['null', '[]', '"text"', '5', 'not json']) {
      const res = await bot.post(body, 'application/json', signedHeaders(SECRET, body));
      expect(res.status, body).toBe(400);
    }
    const form = 'payload=null';
    expect((await bot.post(form, 'application/x-www-form-urlencoded', signedHeaders(SECRET, form))).status).toBe(400);
    // Still alive, and still answering.
    await bot.event(mention('1700001200.000100', '湘西州教育督导要建立哪些机制?'));
    await waitFor(() => answersIn('1700001200.000100') === 1);
    const update = await waitFor(() => slack.answers().find((c) => JSON.stringify(c.args.blocks).includes('督导')));
    expect(update.args.channel).toBe('C1');
  });

  it('acknowledges a burst of mentions within Slack’s 3 s and answers every one', async () => {
    const base = slack.answers().length;
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        bot.event(mention(`1700002${String(i).padStart(3, '0')}.000100`, undefined, `UB${i}`)),
      ),
    );
    expect(sent.every((r) => r.status === 200)).toBe(true);
    // Protocol deadline: Slack wants an answer to each request within 3 s.
    expect(Math.max(...sent.map((r) => r.ms))).toBeLessThan(3000);
    await waitFor(() => slack.answers().length >= base + 40, 60000);
    expect(slack.rejected).toEqual([]);
  });
});
