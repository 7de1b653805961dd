// A local Slack Web API (for Bolt's clientOptions.slackApiUrl) and response-URL endpoint that
// record every call and reject payloads Slack would reject (Block Kit limits, missing fields).
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SLACK_LIMITS } from '../../src/slack/limits.js';

export type SlackCall = { method: string; args: any };

/** The problems Slack would report for a list of blocks (empty when it would accept them). */
export function blockProblems(blocks: any[] | undefined, maxBlocks: number): string[] {
  const problems: string[] = [];
  if (!blocks) return problems;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const len = (s: string) => [...s].length;
  for (const b of blocks) {
    if (b.type === 'section' && b.text && len(b.text.text) > SLACK_LIMITS.sectionText)
      problems.push(`section text ${len(b.text.text)}`);
    if (b.type === 'section' && !b.fields && (!b.text || !b.text.text)) problems.push('empty section');
    if (
      b.fields &&
      (b.fields.length > SLACK_LIMITS.sectionFields || b.fields.some((f: any) => len(f.text) > SLACK_LIMITS.fieldText))
    )
      problems.push('section fields over the limit');
    if (b.type === 'context' && (b.elements.length > SLACK_LIMITS.contextElements || b.elements.length === 0))
      problems.push(`context with ${b.elements.length} elements`);
    if (b.type === 'actions' && b.elements.length > SLACK_LIMITS.actionsElements)
      problems.push(`actions with ${b.elements.length} elements`);
    if (b.type === 'header' && len(b.text.text) > SLACK_LIMITS.headerText) problems.push('header too long');
    const buttons = [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])].filter(
      (e: any) => e.type === 'button',
    );
    for (const btn of buttons) {
      if (len(btn.text.text) > SLACK_LIMITS.buttonText) problems.push(`button label ${len(btn.text.text)}`);
      if (btn.value && len(btn.value) > SLACK_LIMITS.buttonValue) problems.push('button value too long');
    }
    const actionIds = (b.elements ?? []).map((e: any) => e.action_id).filter(Boolean);
    if (new Set(actionIds).size !== actionIds.length) problems.push('duplicate action_id');
  }
  return problems;
}

export async function startFakeSlack() {
  const calls: SlackCall[] = [];
  const responses: Array<{ path: string; body: any }> = [];
  const rejected: Array<{ method: string; problems: string[] }> = [];
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const part of req) raw += part;
    const reply = (payload: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.url?.startsWith('/response/')) {
      const body = JSON.parse(raw);
      const problems = blockProblems(body.blocks, SLACK_LIMITS.messageBlocks);
      if (problems.length) {
        rejected.push({ method: 'response_url', problems });
        res.writeHead(400);
        return res.end('invalid_blocks');
      }
      responses.push({ path: req.url, body });
      res.writeHead(200);
      return res.end('ok');
    }
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
    const args: any = (req.headers['content-type'] ?? '').includes('json')
      ? JSON.parse(raw || '{}')
      : Object.fromEntries(new URLSearchParams(raw));
    for (const key of ['blocks', 'view']) if (typeof args[key] === 'string') args[key] = JSON.parse(args[key]);
    if (req.headers.authorization !== 'Bearer xoxb-test-token') return reply({ ok: false, error: 'invalid_auth' });
    const problems: string[] = [];
    if (method === 'chat.postMessage' || method === 'chat.update') {
      if (!args.channel) problems.push('channel_not_found');
      if (method === 'chat.update' && !args.ts) problems.push('message_not_found');
      if (!args.text && !args.blocks) problems.push('no_text');
      problems.push(...blockProblems(args.blocks, SLACK_LIMITS.messageBlocks));
    }
    if (method === 'views.open' || method === 'views.publish') {
      if (method === 'views.open' && !args.trigger_id) problems.push('invalid_trigger_id');
      if (args.view?.title && [...args.view.title.text].length > SLACK_LIMITS.viewTitle)
        problems.push('title too long');
      problems.push(...blockProblems(args.view?.blocks, SLACK_LIMITS.modalBlocks));
    }
    if (problems.length) {
      rejected.push({ method, problems });
      return reply({ ok: false, error: 'invalid_blocks', response_metadata: { messages: problems } });
    }
    calls.push({ method, args });
    if (method === 'auth.test')
      return reply({
        ok: true,
        url: 'https://test.slack.com/',
        team: 'Test',
        user: 'plans-bot',
        team_id: 'T1',
        user_id: 'UBOT',
        bot_id: 'BBOT',
      });
    if (method === 'chat.postMessage')
      return reply({ ok: true, channel: args.channel, ts: `${Date.now() / 1000}`, message: { text: args.text } });
    if (method === 'chat.update') return reply({ ok: true, channel: args.channel, ts: args.ts });
    if (method.startsWith('views.')) return reply({ ok: true, view: { id: 'V1', ...args.view } });
    return reply({ ok: true });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id: string) => `${base}/response/${id}`,
    calls,
    responses,
    rejected,
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Slack's request signature (v0), with an injectable timestamp. */
export function signedHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 10000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the expected Slack call');
    await new Promise((r) => setTimeout(r, 20));
  }
}
