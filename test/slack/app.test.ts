import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@slack/bolt';
import { summarisePlan } from '../../src/answer/summary.js';
import { createSlackApp } from '../../src/slack/app.js';
import { answerBlocks } from '../../src/slack/blocks.js';
import { botContext, type BotContext } from '../../src/slack/context.js';
import { SLACK_LIMITS } from '../../src/slack/limits.js';
import { tempDir, testConfig } from '../helpers/corpus.js';
import { blockProblems, signedHeaders, startFakeSlack, waitFor } from '../helpers/fake-slack.js';
import { bundledIndex } from '../helpers/index.js';

const SECRET = 'test-signing-secret';
type Slack = Awaited<ReturnType<typeof startFakeSlack>>;

async function startBot(slack: Slack, overrides: Record<string, string> = {}, adjust?: (ctx: BotContext) => void) {
  const { index } = await bundledIndex();
  const feedbackFile = join(tempDir(), 'feedback.jsonl');
  const config = testConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    FEEDBACK_FILE: feedbackFile,
    ...overrides,
  });
  const ctx = botContext(index, config);
  adjust?.(ctx);
  const app: App = createSlackApp(ctx);
  const server = (await app.start(0)) as Server;
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
  return {
    ctx,
    feedbackFile,
    stop: () => app.stop(),
    /** Posts an event; `sign` makes the signature headers for the exact body (default: correctly signed, now). */
    event: (
      event: Record<string, unknown>,
      sign: (body: string) => Record<string, string> = (body) => signedHeaders(SECRET, body),
    ) => {
      const body = JSON.stringify({
        token: 'x',
        team_id: 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: `Ev${++seq}`,
        event_time: Math.floor(Date.now() / 1000),
        event,
      });
      return post(body, 'application/json', sign(body));
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
    click: (action: { action_id: string; value: string }, responseId = `click${++seq}`) => {
      const payload = {
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'U1' },
        api_app_id: 'A1',
        trigger_id: `trig-${seq}`,
        channel: { id: 'C1' },
        container: { type: 'message' },
        response_url: slack.responseUrl(responseId),
        actions: [{ type: 'button', block_id: 'b', action_ts: '1', ...action }],
      };
      return {
        responseId,
        sent: post(
          new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
          'application/x-www-form-urlencoded',
        ),
      };
    },
  };
}

const allText = (blocks: any[]) => JSON.stringify(blocks);
const buttonsOf = (blocks: any[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements);

describe('the Slack bot through Bolt’s HTTP receiver and a local Web API', () => {
  let slack: Slack;
  let bot: Awaited<ReturnType<typeof startBot>>;
  beforeAll(async () => {
    slack = await startFakeSlack();
    bot = await startBot(slack);
  });
  afterAll(async () => {
    await bot.stop();
    await slack.close();
  });

  it('answers a mention in its thread: placeholder, then the answer with its sources', async () => {
    const res = await bot.event({
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> 青岛2020年要建多少个学科教研基地?',
      ts: '1700000000.000100',
      channel: 'C1',
      event_ts: '1700000000.000100',
    });
    expect(res.status).toBe(200);
    const update = await waitFor(() => slack.callsTo('chat.update')[0]);
    const placeholder = slack.callsTo('chat.postMessage')[0];
    expect(placeholder.args.thread_ts).toBe('1700000000.000100');
    expect(update.args.ts).toBeDefined();
    const blocks = update.args.blocks;
    expect(allText(blocks)).toContain('建設200個學科教研基地');
    expect(allText(blocks)).toContain('2020年全市教育工作要點 · 青岛 · 2020');
    expect(buttonsOf(blocks).some((b: any) => b.action_id.startsWith('show_paragraph'))).toBe(true);
    expect(slack.rejected).toEqual([]);
  });

  it('treats a later mention in the thread as a follow-up', async () => {
    const thread = '1700000100.000100';
    await bot.event({
      type: 'app_mention',
      user: 'U2',
      text: '<@UBOT> 青岛2020年集团化办学有什么安排?',
      ts: thread,
      channel: 'C1',
      event_ts: thread,
    });
    await waitFor(() => slack.callsTo('chat.update').find((c) => JSON.stringify(c.args.blocks).includes('集團化辦學')));
    const before = slack.callsTo('chat.update').length;
    await bot.event({
      type: 'app_mention',
      user: 'U2',
      text: '<@UBOT> 那广州呢?',
      ts: '1700000200.000100',
      thread_ts: thread,
      channel: 'C1',
      event_ts: '1700000200.000100',
    });
    const update = await waitFor(() => slack.callsTo('chat.update')[before]);
    expect(allText(update.args.blocks)).toContain('understood as: 广州2020年集团化办学');
    expect(allText(update.args.blocks)).toContain('广州');
  });

  it('answers a direct message', async () => {
    const before = slack.callsTo('chat.update').length;
    await bot.event({
      type: 'message',
      channel_type: 'im',
      user: 'U3',
      text: '湘西州教育督导要建立哪些机制?',
      ts: '1700000300.000100',
      channel: 'D1',
      event_ts: '1700000300.000100',
    });
    const update = await waitFor(() => slack.callsTo('chat.update')[before]);
    expect(update.args.channel).toBe('D1');
    expect(allText(update.args.blocks)).toContain('督导');
  });

  it('acknowledges /plans summary 青岛 2020 within a second and answers through the response URL', async () => {
    const { id, sent } = bot.command('summary 青岛 2020');
    const ack = await sent;
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(1000);
    const response = await waitFor(() => slack.responses.find((r) => r.path.endsWith(id)));
    expect(response.body.response_type).toBe('ephemeral');
    const text = allText(response.body.blocks);
    expect(text).toContain('/plans summary 青岛 2020');
    expect(text).toContain('一、加強黨的領導,提升教育治理水平');
    expect(text).toContain('六、提升保障能力,夯實教育發展基礎');
    expect(buttonsOf(response.body.blocks).map((b: any) => b.action_id)).toEqual(
      expect.arrayContaining(['share_answer', 'feedback_up', 'feedback_down']),
    );
  });

  it('opens a modal with the whole paragraph when "Show paragraph" is clicked', async () => {
    const { id, sent } = bot.command('青岛2020年普惠性幼儿园覆盖率要达到多少?');
    await sent;
    const response = await waitFor(() => slack.responses.find((r) => r.path.endsWith(id)));
    const show = buttonsOf(response.body.blocks).find((b: any) => b.action_id.startsWith('show_paragraph'));
    const click = bot.click({ action_id: show.action_id, value: show.value });
    expect((await click.sent).status).toBe(200);
    const opened = await waitFor(() => slack.callsTo('views.open')[0]);
    expect(opened.args.trigger_id).toMatch(/^trig-/);
    const modal = allText(opened.args.view.blocks);
    expect(modal).toContain('10.擴大基礎教育資源供給。落實《青島市基礎教育擴優提質攻堅方案(2019-2022年)》');
    expect(modal).toContain('三、全面發力攻堅');
    expect(modal).toMatch(/\*完成《青島市學前教育行動計劃[^*]*力爭普惠性幼兒園覆蓋率達到90%。\*/);
  });

  it('shares an answer in the channel and records feedback', async () => {
    const { id, sent } = bot.command('湘西州教育督导要建立哪些机制?');
    await sent;
    const response = await waitFor(() => slack.responses.find((r) => r.path.endsWith(id)));
    const buttons = buttonsOf(response.body.blocks);
    const share = buttons.find((b: any) => b.action_id === 'share_answer');
    const shared = bot.click({ action_id: 'share_answer', value: share.value });
    await shared.sent;
    const inChannel = await waitFor(() => slack.responses.find((r) => r.path.endsWith(shared.responseId)));
    expect(inChannel.body.response_type).toBe('in_channel');
    expect(allText(inChannel.body.blocks)).toContain('Shared by <@U1>');
    const down = buttons.find((b: any) => b.action_id === 'feedback_down');
    const clicked = bot.click({ action_id: 'feedback_down', value: down.value });
    await clicked.sent;
    await waitFor(() => slack.responses.find((r) => r.path.endsWith(clicked.responseId)));
    const [record] = readFileSync(bot.feedbackFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(record).toMatchObject({ user: 'U1', rating: 'down', question: '湘西州教育督导要建立哪些机制?' });
    expect(record.sources.length).toBeGreaterThan(0);
  });

  it('publishes the App Home with the indexed documents', async () => {
    await bot.event({ type: 'app_home_opened', user: 'U9', channel: 'D9', tab: 'home', event_ts: '1' });
    const published = await waitFor(() => slack.callsTo('views.publish')[0]);
    expect(published.args.user_id).toBe('U9');
    const home = allText(published.args.view.blocks);
    for (const place of ['青岛', '广州', '湘西', '甘肃']) expect(home).toContain(place);
    expect(home).toContain('/plans summary');
  });

  it('rejects a bad or stale signature with 401 and posts nothing', async () => {
    const count = slack.calls.length + slack.responses.length;
    const mention = {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> 青岛2020年要建多少个学科教研基地?',
      ts: '1700000500.000100',
      channel: 'C1',
    };
    const forged = await bot.event(mention, (body) => signedHeaders('wrong-secret', body));
    expect(forged.status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await bot.event(mention, (body) => signedHeaders(SECRET, body, sixMinutesAgo));
    expect(stale.status).toBe(401);
    const unsigned = await bot.event(mention, () => ({}));
    expect(unsigned.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.length + slack.responses.length).toBe(count);
  });
});

describe('guardrails', () => {
  it('rate-limits a user and refuses an over-long question, with clear messages', async () => {
    const slack = await startFakeSlack();
    const bot = await startBot(slack, { RATE_LIMIT_PER_MINUTE: '2', MAX_QUESTION_CHARS: '40' });
    try {
      const long = bot.command('青岛'.repeat(30));
      await long.sent;
      const tooLong = await waitFor(() => slack.responses.find((r) => r.path.endsWith(long.id)));
      expect(tooLong.body.text).toMatch(/60 characters long; please keep it under 40/);
      const ids = [bot.command('docs', 'U7'), bot.command('help', 'U7'), bot.command('docs', 'U7')];
      for (const c of ids) await c.sent;
      const third = await waitFor(() => slack.responses.find((r) => r.path.endsWith(ids[2].id)));
      expect(third.body.text).toMatch(/faster than 2 questions a minute/);
    } finally {
      await bot.stop();
      await slack.close();
    }
  });

  it('tells the asker, privately, when a channel is not on the allowlist', async () => {
    const slack = await startFakeSlack();
    const bot = await startBot(slack, { SLACK_ALLOWED_CHANNELS: 'C9' });
    try {
      await bot.event({
        type: 'app_mention',
        user: 'U5',
        text: '<@UBOT> 青岛2020年要建多少个学科教研基地?',
        ts: '1700000600.000100',
        channel: 'C1',
        event_ts: '1700000600.000100',
      });
      const notice = await waitFor(() => slack.callsTo('chat.postEphemeral')[0]);
      expect(notice.args).toMatchObject({ channel: 'C1', user: 'U5' });
      expect(notice.args.text).toMatch(/not enabled in this channel/);
      expect(slack.callsTo('chat.postMessage')).toEqual([]);
      const { id, sent } = bot.command('docs');
      await sent;
      expect((await waitFor(() => slack.responses.find((r) => r.path.endsWith(id)))).body.text).toMatch(
        /not enabled in this channel/,
      );
    } finally {
      await bot.stop();
      await slack.close();
    }
  });

  it('turns a failing handler into a friendly message with a reference, not silence', async () => {
    const slack = await startFakeSlack();
    const bot = await startBot(slack, {}, (ctx) => {
      ctx.index = {
        ...ctx.index,
        postings: {
          ...ctx.index.postings,
          forEach: () => {
            throw new Error('internal detail xoxb-secret-value');
          },
        },
      };
    });
    try {
      await bot.event({
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> 青岛2020年要建多少个学科教研基地?',
        ts: '1700000400.000100',
        channel: 'C1',
        event_ts: '1700000400.000100',
      });
      const update = await waitFor(() => slack.callsTo('chat.update')[0]);
      expect(update.args.text).toMatch(/something went wrong.*reference `[0-9a-f]{6}`/);
      expect(update.args.text).not.toContain('internal detail');
      expect(update.args.text).not.toContain('xoxb');
    } finally {
      await bot.stop();
      await slack.close();
    }
  });
});

describe('Block Kit limits', () => {
  it('render the longest answer the corpus can produce within every Slack limit', async () => {
    const { index } = await bundledIndex();
    const summary = await summarisePlan(index, { place: '广州', year: 2020 }, testConfig());
    expect(summary.citations.length).toBeGreaterThan(20);
    const blocks = answerBlocks(summary, { restate: '/plans summary 广州 2020', answerId: 'abc', shareable: true });
    expect(blockProblems(blocks, SLACK_LIMITS.messageBlocks)).toEqual([]);
    // A pathological answer: far over every limit, still valid, with a visible marker.
    const huge = {
      ...summary,
      answer: summary.answer.repeat(30),
      citations: Array.from({ length: 120 }, (_, i) => ({
        ...summary.citations[i % summary.citations.length],
        n: i + 1,
        title: '很长的标题'.repeat(200),
      })),
    };
    const hugeBlocks = answerBlocks(huge, { answerId: 'x', shareable: true });
    expect(blockProblems(hugeBlocks, SLACK_LIMITS.messageBlocks)).toEqual([]);
    expect(JSON.stringify(hugeBlocks)).toMatch(/left out|truncated/);
    expect(hugeBlocks.at(-1)).toMatchObject({ type: 'actions' });
  });
});

describe('comparisons in Slack', () => {
  it('show two places side by side as a section’s two columns, each cited', async () => {
    const { comparePlaces } = await import('../../src/answer/compare.js');
    const { index } = await bundledIndex();
    const answer = await comparePlaces(index, { places: ['青岛', '湘西'], topic: '集团化办学' }, testConfig());
    const blocks = answerBlocks(answer, { answerId: 'x' }) as any[];
    const columns = blocks.find((b) => b.type === 'section' && b.fields);
    expect(columns.fields).toHaveLength(2);
    expect(columns.fields[0].text).toMatch(/^\*【青岛】\*/);
    expect(columns.fields[1].text).toMatch(/^\*【湘西】\*/);
    expect(blockProblems(blocks, SLACK_LIMITS.messageBlocks)).toEqual([]);
  });
});

describe('receiver choice', () => {
  it('uses Socket Mode when an app token is set, and Bolt’s HTTP receiver otherwise', async () => {
    const slack = await startFakeSlack();
    const { index } = await bundledIndex();
    try {
      const base = { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slack.apiUrl };
      const socket = createSlackApp(botContext(index, testConfig({ ...base, SLACK_APP_TOKEN: 'xapp-1-test' }))) as any;
      expect(socket.receiver.constructor.name).toBe('SocketModeReceiver');
      const http = createSlackApp(botContext(index, testConfig({ ...base, SLACK_SIGNING_SECRET: SECRET }))) as any;
      expect(http.receiver.constructor.name).toBe('HTTPReceiver');
    } finally {
      await slack.close();
    }
  });
});
