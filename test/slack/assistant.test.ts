// Slack's AI app surface end to end: a new assistant thread (greeting, prompts made from the index),
// a question (title, status, streamed answer with sources and native feedback buttons), a follow-up,
// the interface in the asker's language and script; plus thread follow-ups without a mention and a
// shared answer that survives a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeedback } from '../../src/answer/feedback.js';
import { SLACK_LIMITS } from '../../src/slack/limits.js';
import { startFakeSlack, waitFor } from '../helpers/fake-slack.js';
import { allText, buttonsOf, startBot, visibleText, type Bot, type Slack } from './harness.js';

const THREAD = '1700005000.000100';

describe('the assistant thread', () => {
  let slack: Slack;
  let bot: Bot;
  let seq = 0;
  beforeAll(async () => {
    slack = await startFakeSlack();
    bot = await startBot(slack);
  });
  afterAll(async () => {
    await bot.stop();
    await slack.close();
  });
  const say = (text: string, thread = THREAD, user = 'U1') =>
    bot.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D5',
      user,
      text,
      ts: `1700005${String(++seq).padStart(3, '0')}.000200`,
      thread_ts: thread,
    });
  const streamed = (from: number) =>
    slack.calls
      .slice(from)
      .filter((c) => c.method === 'chat.appendStream' || c.method === 'chat.startStream')
      .flatMap((c) => c.args.chunks ?? [])
      .filter((c: any) => c.type === 'markdown_text')
      .map((c: any) => c.text)
      .join('');
  const stopped = (n: number) => waitFor(() => slack.callsTo('chat.stopStream')[n]);

  it('greets a new thread and suggests prompts made from the indexed plans', async () => {
    await bot.event({
      type: 'assistant_thread_started',
      assistant_thread: {
        user_id: 'U1',
        context: { channel_id: 'C1', team_id: 'T1', enterprise_id: null },
        channel_id: 'D5',
        thread_ts: THREAD,
      },
      event_ts: THREAD,
    });
    const prompts = await waitFor(() => slack.callsTo('assistant.threads.setSuggestedPrompts')[0]);
    const greeting = slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === THREAD);
    expect(greeting?.args.text).toMatch(/您好/);
    expect(prompts.args).toMatchObject({ channel_id: 'D5', thread_ts: THREAD });
    const messages = prompts.args.prompts.map((p: any) => p.message);
    const places = new Set(bot.ctx.index.documents.map((d) => d.place));
    // A place's priorities, a comparison, a figure: each names indexed places.
    expect(messages.some((m: string) => /^summary \S+ \d{4}$/.test(m))).toBe(true);
    expect(messages.some((m: string) => /^compare /.test(m))).toBe(true);
    expect(messages.some((m: string) => /要达到多少\?$/.test(m))).toBe(true);
    for (const m of messages) expect([...places].some((p) => m.includes(p))).toBe(true);
  });

  it('answers a question: title, status, then the cited answer streamed with feedback buttons', async () => {
    const from = slack.calls.length;
    await say('青岛2020年普惠性幼儿园覆盖率要达到多少?');
    const stop = await stopped(0);
    const title = slack.callsTo('assistant.threads.setTitle')[0];
    expect(title.args).toMatchObject({
      channel_id: 'D5',
      thread_ts: THREAD,
      title: '青岛2020年普惠性幼儿园覆盖率要达到多少?',
    });
    const status = slack.callsTo('assistant.threads.setStatus')[0];
    expect(status.args.status).toBe('正在检索计划文件…');
    expect(status.args.loading_messages.length).toBeGreaterThan(0);
    // Order: status before the stream, the stream before its end.
    const order = slack.calls.slice(from).map((c) => c.method);
    expect(order.indexOf('assistant.threads.setStatus')).toBeLessThan(order.indexOf('chat.startStream'));
    const start = slack.callsTo('chat.startStream')[0];
    expect(start.args).toMatchObject({ channel: 'D5', thread_ts: THREAD });
    expect(start.args.chunks[0]).toMatchObject({ type: 'task_update', status: 'in_progress' });
    expect(streamed(from)).toContain('力爭普惠性幼兒園覆蓋率達到90%');
    expect(allText(stop.args.blocks)).toContain('2020年全市教育工作要點 · 青岛 · 2020');
    expect(buttonsOf(stop.args.blocks).map((b) => b.text.text)).toContain('显示段落 [1]');
    expect(stop.args.blocks.at(-1)).toMatchObject({ type: 'context_actions' });
    expect(slack.rejected).toEqual([]);
  });

  it('reads a follow-up against the thread’s earlier question', async () => {
    const from = slack.calls.length;
    await say('那广州呢?');
    await stopped(1);
    expect(streamed(from)).toContain('普惠性幼兒園在園幼兒占比87.04%');
    expect(streamed(from)).toContain('理解为：广州2020年普惠性幼儿园覆盖率要达到多少?');
    // The title is set once, from the first question.
    expect(slack.callsTo('assistant.threads.setTitle')).toHaveLength(1);
  });

  it('keeps one vote per person per answer: the last one', async () => {
    const stop = slack.callsTo('chat.stopStream')[0];
    const feedback = stop.args.blocks.at(-1).elements[0];
    const vote = (user: string, value: string) =>
      bot.click({ type: 'feedback_buttons', action_id: feedback.action_id, value }, { user, channel: 'D5' }).sent;
    await vote('U1', feedback.positive_button.value);
    await vote('U1', feedback.negative_button.value);
    await vote('U2', feedback.positive_button.value);
    await waitFor(() => readFeedback(bot.config.FEEDBACK_FILE).length === 2);
    const votes = readFeedback(bot.config.FEEDBACK_FILE);
    expect(votes.map((v) => [v.user, v.rating]).sort()).toEqual([
      ['U1', 'down'],
      ['U2', 'up'],
    ]);
    expect(votes[0].question).toBe('青岛2020年普惠性幼儿园覆盖率要达到多少?');
  });

  it('speaks the asker’s language and script', async () => {
    await say('What is the 2020 kindergarten coverage target in Qingdao?', '1700005100.000100');
    const english = await stopped(2);
    expect(visibleText(english.args.blocks)).toContain('Sources');
    expect(buttonsOf(english.args.blocks)[0].text.text).toBe('Show paragraph [1]');
    await say('青島2020年普惠性幼兒園覆蓋率要達到多少?', '1700005200.000100');
    const traditional = await stopped(3);
    expect(visibleText(traditional.args.blocks)).toContain('來源');
    expect(buttonsOf(traditional.args.blocks)[0].text.text).toBe('顯示段落 [1]');
    const { id, sent } = bot.command('summary 青岛 2020');
    await sent;
    const simplified = await waitFor(() => slack.responses.find((r) => r.path.endsWith(id)));
    expect(visibleText(simplified.body.blocks)).toContain('来源');
    expect(buttonsOf(simplified.body.blocks).map((b) => b.text.text)).toContain('分享到频道');
  });

  it('streams the longest answer (the Guangzhou 2020 summary) within every Slack limit', async () => {
    const from = slack.calls.length;
    await say('summary 广州 2020', '1700005300.000100');
    const stop = await stopped(4);
    expect(slack.rejected).toEqual([]);
    const chunks = slack.calls
      .slice(from)
      .flatMap((c) => c.args.chunks ?? [])
      .filter((c: any) => c.type === 'markdown_text');
    expect(chunks.length).toBeGreaterThan(20);
    for (const c of chunks) expect([...c.text].length).toBeLessThanOrEqual(SLACK_LIMITS.markdownText);
    expect(stop.args.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
    expect(streamed(from)).toContain('五、堅持以人民為中心,推進教育共建共治共享 \\[25\\]');
  });
});

describe('threads and restarts', () => {
  it('takes a reply in a thread the bot answered as a follow-up, without a new mention', async () => {
    const slack = await startFakeSlack();
    const bot = await startBot(slack);
    try {
      const thread = '1700006000.000100';
      await bot.mention('青岛2020年集团化办学有什么安排?', { ts: thread, user: 'U2' });
      await waitFor(() => slack.answers()[0]);
      const reply = (text: string, extra: Record<string, unknown> = {}) =>
        bot.event({ type: 'message', channel_type: 'channel', channel: 'C1', text, thread_ts: thread, ...extra });
      // Ignored: the bot's own message, another bot's, and one that mentions the bot (app_mention has it).
      await reply('我们自己的消息', { user: 'UBOT', ts: '1700006001.000100' });
      await reply('another bot', { bot_id: 'B2', ts: '1700006002.000100' });
      await reply('<@UBOT> 那广州呢?', { user: 'U2', ts: '1700006003.000100' });
      // Not a thread the bot answered: ignored too.
      await bot.event({
        type: 'message',
        channel_type: 'channel',
        channel: 'C1',
        user: 'U2',
        text: '那广州呢?',
        ts: '1700006004.000100',
        thread_ts: '1690000000.000100',
      });
      await reply('那广州呢?', { user: 'U2', ts: '1700006005.000100' });
      const update = await waitFor(() => slack.answers()[1]);
      expect(allText(update.args.blocks)).toContain('理解为：广州2020年集团化办学');
      await new Promise((r) => setTimeout(r, 500));
      expect(slack.answers()).toHaveLength(2);
    } finally {
      await bot.stop();
      await slack.close();
    }
  });

  it('keeps a shared answer working after a restart', async () => {
    const slack = await startFakeSlack();
    const first = await startBot(slack);
    const { id, sent } = first.command('青岛2020年要建多少个学科教研基地?');
    await sent;
    const answer = await waitFor(() => slack.responses.find((r) => r.path.endsWith(id) && r.body.blocks));
    const share = buttonsOf(answer.body.blocks).find((b) => b.action_id === 'share_answer');
    await first.click({ action_id: 'share_answer', value: share.value }).sent;
    await waitFor(() => slack.responses.find((r) => r.body.response_type === 'in_channel'));
    await first.stop();
    // A new process with the same data directory.
    const second = await startBot(slack, {
      SHARED_ANSWERS_FILE: first.config.SHARED_ANSWERS_FILE,
      FEEDBACK_FILE: first.config.FEEDBACK_FILE,
    });
    try {
      const feedback = answer.body.blocks.at(-1).elements[0];
      await second.click(
        { type: 'feedback_buttons', action_id: feedback.action_id, value: feedback.positive_button.value },
        { user: 'U3' },
      ).sent;
      await waitFor(() => readFeedback(second.config.FEEDBACK_FILE).length === 1);
      expect(readFeedback(second.config.FEEDBACK_FILE)[0]).toMatchObject({
        user: 'U3',
        rating: 'up',
        question: '青岛2020年要建多少个学科教研基地?',
      });
      expect(second.ctx.recall(share.value)?.answer.citations.length).toBeGreaterThan(0);
    } finally {
      await second.stop();
      await slack.close();
    }
  });
});
