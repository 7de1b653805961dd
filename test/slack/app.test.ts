import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarisePlan } from '../../src/answer/summary.js';
import { createSlackApp } from '../../src/slack/app.js';
import { answerBlocks } from '../../src/slack/blocks/answer.js';
import { botContext } from '../../src/slack/context.js';
import { readFeedback } from '../../src/answer/feedback.js';
import { SLACK_LIMITS } from '../../src/slack/limits.js';
import { testConfig } from '../helpers/corpus.js';
import { blockProblems, signedHeaders, startFakeSlack, waitFor } from '../helpers/fake-slack.js';
import { bundledIndex } from '../helpers/index.js';
import { allText, buttonsOf, SECRET, startBot, type Bot, type Slack } from './harness.js';

describe('the Slack bot through Bolt’s HTTP receiver and a local Web API', () => {
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

  it('answers a mention in its thread with its sources', async () => {
    const res = await bot.event({
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> 青岛2020年要建多少个学科教研基地?',
      ts: '1700000000.000100',
      channel: 'C1',
      event_ts: '1700000000.000100',
    });
    expect(res.status).toBe(200);
    const update = await waitFor(() => slack.answers()[0]);
    // In the thread: the answer itself, or a note (if it took over a second) that the answer replaced.
    expect(slack.callsTo('chat.postMessage')[0].args.thread_ts).toBe('1700000000.000100');
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
    await waitFor(() => slack.answers().find((c) => JSON.stringify(c.args.blocks).includes('集團化辦學')));
    const before = slack.answers().length;
    await bot.event({
      type: 'app_mention',
      user: 'U2',
      text: '<@UBOT> 那广州呢?',
      ts: '1700000200.000100',
      thread_ts: thread,
      channel: 'C1',
      event_ts: '1700000200.000100',
    });
    const update = await waitFor(() => slack.answers()[before]);
    expect(allText(update.args.blocks)).toContain('理解为：广州2020年集团化办学');
    expect(allText(update.args.blocks)).toContain('广州');
  });

  it('answers a direct message', async () => {
    const before = slack.answers().length;
    await bot.event({
      type: 'message',
      channel_type: 'im',
      user: 'U3',
      text: '湘西州教育督导要建立哪些机制?',
      ts: '1700000300.000100',
      channel: 'D1',
      event_ts: '1700000300.000100',
    });
    const update = await waitFor(() => slack.answers()[before]);
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
    expect(buttonsOf(response.body.blocks).map((b: any) => b.action_id)).toContain('share_answer');
    expect(response.body.blocks.at(-1)).toMatchObject({
      type: 'context_actions',
      elements: [{ type: 'feedback_buttons', action_id: 'answer_feedback' }],
    });
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
    const quote = opened.args.view.blocks.find((b: any) => b.type === 'rich_text').elements[0];
    expect(quote.type).toBe('rich_text_quote');
    const bold = quote.elements.filter((e: any) => e.style?.bold).map((e: any) => e.text);
    expect(bold).toEqual(['完成《青島市學前教育行動計劃(2017-2020年)》目標任務,力爭普惠性幼兒園覆蓋率達到90%。']);
    expect(opened.args.view.title.text).toBe('原文段落');
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
    expect(allText(inChannel.body.blocks)).toContain('分享者 <@U1>');
    // The private copy is replaced: no Share button any more.
    const replaced = await waitFor(() =>
      slack.responses.find((r) => r.path.endsWith(shared.responseId) && r.body.replace_original === true),
    );
    expect(buttonsOf(replaced.body.blocks).map((b: any) => b.action_id)).not.toContain('share_answer');
    const feedback = response.body.blocks.at(-1).elements[0];
    const clicked = bot.click({
      type: 'feedback_buttons',
      action_id: feedback.action_id,
      value: feedback.negative_button.value,
    });
    await clicked.sent;
    await waitFor(() => slack.responses.find((r) => r.path.endsWith(clicked.responseId)));
    const [record] = readFeedback(bot.config.FEEDBACK_FILE);
    expect(record).toMatchObject({ user: 'U1', rating: 'down', question: '湘西州教育督导要建立哪些机制?' });
    expect(record.sources.length).toBeGreaterThan(0);
    expect(readFileSync(bot.config.FEEDBACK_FILE, 'utf8')).toContain('"answerId"');
  });

  it('publishes the App Home with the indexed documents', async () => {
    await bot.event({ type: 'app_home_opened', user: 'U9', channel: 'D9', tab: 'home', event_ts: '1' });
    const published = await waitFor(() => slack.callsTo('views.publish')[0]);
    expect(published.args.user_id).toBe('U9');
    const home = allText(published.args.view.blocks);
    for (const place of ['青岛', '广州', '湘西', '甘肃']) expect(home).toContain(place);
    expect(home).toContain('/plans summary');
  });

  it('rejects a bad, stale or future-dated signature with 401 and posts nothing', async () => {
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
    const tenMinutesAhead = Math.floor(Date.now() / 1000) + 10 * 60;
    const future = await bot.event(mention, (body) => signedHeaders(SECRET, body, tenMinutesAhead));
    expect(future.status).toBe(401);
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
      expect(tooLong.body.text).toBe('问题共 60 个字符，请控制在 40 个以内。');
      // help and docs are not questions: they do not count.
      for (const text of ['help', 'docs', 'help', 'docs']) {
        const c = bot.command(text, 'U7');
        await c.sent;
        const r = await waitFor(() => slack.responses.find((x) => x.path.endsWith(c.id)));
        expect(r.body.text).not.toMatch(/faster than/);
      }
      const ids = [
        bot.command('青岛 集团化办学', 'U7'),
        bot.command('湘西 督导', 'U7'),
        bot.command('广州 智慧教育', 'U7'),
      ];
      for (const c of ids) await c.sent;
      const third = await waitFor(() => slack.responses.find((r) => r.path.endsWith(ids[2].id)));
      expect(third.body.text).toMatch(/提问太快了（每分钟最多 2 个问题）/);
      // The second was answered (after, perhaps, a note that it was in line).
      await waitFor(() => slack.responses.find((r) => r.path.endsWith(ids[1].id) && r.body.blocks));
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
      expect(notice.args.text).toMatch(/本频道未启用 plans-bot/);
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
    // Answering on the main thread (SLACK_WORKERS=0), where the test can break the index.
    const bot = await startBot(
      slack,
      { SLACK_WORKERS: '0' },
      {
        adjust: (ctx) => {
          ctx.index = {
            ...ctx.index,
            postings: {
              ...ctx.index.postings,
              list: () => {
                throw new Error('internal detail xoxb-secret-value');
              },
            },
          };
        },
      },
    );
    try {
      await bot.event({
        type: 'app_mention',
        user: 'U1',
        text: '<@UBOT> 青岛2020年要建多少个学科教研基地?',
        ts: '1700000400.000100',
        channel: 'C1',
        event_ts: '1700000400.000100',
      });
      const update = await waitFor(() => slack.callsTo('chat.postMessage')[0]);
      expect(update.args.text).toMatch(/回答时出错了（编号 [0-9a-f]{6}）/);
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
    const blocks = answerBlocks(summary, {
      lang: 'zh-Hans',
      restate: '/plans summary 广州 2020',
      answerId: 'abc',
      shareable: true,
    });
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
    const hugeBlocks = answerBlocks(huge, { lang: 'en', answerId: 'x', shareable: true });
    expect(blockProblems(hugeBlocks, SLACK_LIMITS.messageBlocks)).toEqual([]);
    expect(JSON.stringify(hugeBlocks)).toMatch(/left out|truncated/);
    expect(hugeBlocks.at(-1)).toMatchObject({ type: 'context_actions' });
  });
});

describe('comparisons in Slack', () => {
  it('show two places side by side as a section’s two columns, each cited', async () => {
    const { comparePlaces } = await import('../../src/answer/compare.js');
    const { index } = await bundledIndex();
    const answer = await comparePlaces(index, { places: ['青岛', '湘西'], topic: '集团化办学' }, testConfig());
    const blocks = answerBlocks(answer, { lang: 'zh-Hans', answerId: 'x' }) as any[];
    const columns = blocks.find((b) => b.type === 'section' && b.fields);
    expect(columns.fields).toHaveLength(2);
    expect(columns.fields[0].text).toMatch(/^【青岛】/);
    expect(columns.fields[1].text).toMatch(/^【湘西】/);
    expect(blockProblems(blocks, SLACK_LIMITS.messageBlocks)).toEqual([]);
  });
});

describe('receiver choice', () => {
  it('uses Socket Mode when an app token is set, and Bolt’s HTTP receiver otherwise', async () => {
    const slack = await startFakeSlack();
    const { index } = await bundledIndex();
    try {
      const base = { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slack.apiUrl, SLACK_WORKERS: '0' };
      const socket = createSlackApp(botContext(index, testConfig({ ...base, SLACK_APP_TOKEN: 'xapp-1-test' }))) as any;
      expect(socket.receiver.constructor.name).toBe('SocketModeReceiver');
      const http = createSlackApp(botContext(index, testConfig({ ...base, SLACK_SIGNING_SECRET: SECRET }))) as any;
      expect(http.receiver.constructor.name).toBe('GuardedHTTPReceiver');
    } finally {
      await slack.close();
    }
  });
});

describe('an answer that found nothing', () => {
  it('names the closest documents once, not in the text and again under it', async () => {
    const { answerQuestion } = await import('../../src/answer/answer.js');
    const { index } = await bundledIndex();
    for (const question of ['成都2020年新建多少所学校?', '/plans summary 成都']) {
      const answer = question.startsWith('/plans')
        ? await summarisePlan(index, { place: '成都' }, testConfig())
        : await answerQuestion(index, question, testConfig());
      expect(answer.found).toBe(false);
      const text = allText(answerBlocks(answer, { lang: 'zh-Hans', answerId: 'x' }));
      for (const d of answer.closest) expect(text.split(d.title).length - 1, d.title).toBe(1);
    }
  });
});
