// Drives the bot as Slack does: Bolt's HTTP receiver (behind the guard) on a loopback port,
// correctly signed requests, and the Web API stand-in of test/helpers/fake-slack.ts.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { createSlackApp } from '../../src/slack/app.js';
import { botContext, type BotContext } from '../../src/slack/context.js';
import type { PlanIndex } from '../../src/slack/index-access.js';
import { tempDir, testConfig } from '../helpers/corpus.js';
import { signedHeaders, startFakeSlack } from '../helpers/fake-slack.js';
import { bundledIndex } from '../helpers/index.js';

export const SECRET = 'test-signing-secret';
export type Slack = Awaited<ReturnType<typeof startFakeSlack>>;
export type Bot = Awaited<ReturnType<typeof startBot>>;

export async function startBot(
  slack: Slack,
  overrides: Record<string, string> = {},
  options: { index?: PlanIndex; indexDir?: string; adjust?: (ctx: BotContext) => void; now?: () => number } = {},
) {
  const bundled = options.index ? undefined : await bundledIndex();
  const index = options.index ?? bundled!.index;
  const indexDir = options.indexDir ?? bundled!.dir;
  const dataDir = tempDir('plans-slack-data-');
  const config = testConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    FEEDBACK_FILE: join(dataDir, 'feedback.jsonl'),
    SHARED_ANSWERS_FILE: join(dataDir, 'shared-answers.json'),
    SLACK_WORKERS: '1',
    ...overrides,
  });
  const ctx = botContext(index, config, { indexDir, now: options.now });
  options.adjust?.(ctx);
  const app: App = createSlackApp(ctx, { now: options.now });
  const server = (await app.start(0)) as Server;
  await ctx.answerer.ready();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  const post = async (
    body: string,
    contentType: string,
    headers: Record<string, string> = signedHeaders(SECRET, body),
  ) => {
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType, ...headers } });
    return { status: res.status, ms: performance.now() - started, text: await res.text() };
  };
  let seq = 0;
  const eventBody = (event: Record<string, unknown>, eventId = `Ev${Date.now()}${++seq}`) =>
    JSON.stringify({
      token: 'x',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event,
    });
  const payloadOf = (payload: Record<string, unknown>) =>
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return {
    ctx,
    config,
    url,
    post,
    stop: async () => {
      await app.stop();
      await ctx.close();
    },
    eventBody,
    /** Posts an event; `sign` makes the headers for the exact body (default: correctly signed, now). */
    event: (
      event: Record<string, unknown>,
      sign: (body: string) => Record<string, string> = (body) => signedHeaders(SECRET, body),
      eventId?: string,
    ) => {
      const body = eventBody(event, eventId);
      return post(body, 'application/json', sign(body));
    },
    mention: (
      text: string,
      o: { user?: string; channel?: string; ts?: string; thread_ts?: string; files?: unknown[] } = {},
    ) => {
      const ts = o.ts ?? `${1700000000 + ++seq}.000100`;
      return bot_event({
        type: 'app_mention',
        user: o.user ?? 'U1',
        text: `<@UBOT> ${text}`,
        ts,
        channel: o.channel ?? 'C1',
        event_ts: ts,
        ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
        ...(o.files ? { files: o.files } : {}),
      });
    },
    command: (text: string, user = 'U1') => {
      const id = `cmd${++seq}`;
      const body = new URLSearchParams({
        token: 'x',
        team_id: 'T1',
        channel_id: 'C1',
        user_id: user,
        command: '/plans',
        text,
        response_url: slack.responseUrl(id),
        trigger_id: `trig${seq}`,
        api_app_id: 'A1',
      }).toString();
      return { id, sent: post(body, 'application/x-www-form-urlencoded') };
    },
    /** A click on a block element (button or feedback button), as a block_actions payload. */
    click: (
      action: Record<string, unknown> & { action_id: string },
      o: { user?: string; channel?: string; responseId?: string; message?: Record<string, unknown> } = {},
    ) => {
      const responseId = o.responseId ?? `click${++seq}`;
      const payload = {
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: o.user ?? 'U1' },
        api_app_id: 'A1',
        trigger_id: `trig-${seq}`,
        channel: { id: o.channel ?? 'C1' },
        container: { type: 'message' },
        ...(o.message ? { message: o.message } : {}),
        response_url: slack.responseUrl(responseId),
        actions: [{ type: 'button', block_id: 'b', action_ts: '1', ...action }],
      };
      return { responseId, sent: post(payloadOf(payload), 'application/x-www-form-urlencoded') };
    },
  };
  function bot_event(event: Record<string, unknown>) {
    const body = eventBody(event);
    return post(body, 'application/json', signedHeaders(SECRET, body));
  }
}

export const allText = (blocks: unknown) => JSON.stringify(blocks);
export const buttonsOf = (blocks: any[]) =>
  blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements) as any[];
/** The literal text a reader sees in rich-text and plain-text parts of blocks. */
export function visibleText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    if (typeof n.text === 'string') out.push(n.text);
    for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
  };
  walk(blocks);
  return out.join('');
}
