// Nothing hostile gets through: <!channel>, <!here>, <@U…>, <#C…> and links typed in a question or
// written in a plan reach no payload as a live mention or link, on any surface; mrkdwn characters
// in quotes stay verbatim; the paragraph modal links only an http(s) source, escaped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveTokens, startFakeSlack, waitFor } from '../helpers/fake-slack.js';
import { buttonsOf, startBot, visibleText, type Bot, type Slack } from './harness.js';
import { hostileCorpus } from './hostile.js';

describe('hostile text from questions and documents', () => {
  let slack: Slack;
  let bot: Bot;
  beforeAll(async () => {
    const corpus = await hostileCorpus();
    slack = await startFakeSlack();
    bot = await startBot(slack, { CORPUS_DIR: corpus.corpusDir }, { index: corpus.index, indexDir: corpus.indexDir });
  });
  afterAll(async () => {
    await bot.stop();
    await slack.close();
  });

  const answered = async (text: string) => {
    const { id, sent } = bot.command(text);
    expect((await sent).status).toBe(200);
    return (await waitFor(() => slack.responses.find((r) => r.path.endsWith(id) && r.body.blocks))).body;
  };
  const share = async (body: any) => {
    const button = buttonsOf(body.blocks).find((b) => b.action_id === 'share_answer');
    const click = bot.click({ action_id: 'share_answer', value: button.value });
    await click.sent;
    return (await waitFor(() => slack.responses.find((r) => r.path.endsWith(click.responseId)))).body;
  };

  it('reaches no payload as a live mention, broadcast or link, on any surface', async () => {
    // From questions: /plans, shared in the channel, a mention, a DM.
    await share(await answered('summary <!channel>'));
    await share(await answered('compare <!here> <!channel> 2020'));
    await bot.mention('<!channel> 深圳2022年普惠性幼儿园覆盖率要达到多少? <!here>', { ts: '1700004000.000100' });
    await bot.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      user: 'U1',
      text: '<!everyone> search 智慧教育 示范区',
      ts: '1700004001.000100',
    });
    // From the document: a summary (title, headings, quotes), search, docs, the modal, App Home.
    const summary = await answered('summary 深圳 2022');
    await share(summary);
    await answered('search 智慧教育 示范区');
    await answered('docs');
    const show = buttonsOf(summary.blocks).find((b) => b.action_id.startsWith('show_paragraph'));
    await bot.click({ action_id: show.action_id, value: show.value }).sent;
    await bot.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1' });
    // The assistant thread streams the summary.
    await bot.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D2',
      user: 'U1',
      text: 'summary 深圳 2022',
      ts: '1700004003.000100',
      thread_ts: '1700004002.000100',
    });
    await waitFor(() => slack.answers().length >= 2 && slack.callsTo('chat.stopStream').length === 1);
    await waitFor(() => slack.callsTo('views.open')[0] && slack.callsTo('views.publish')[0]);
    expect(slack.rejected).toEqual([]);

    const live = slack.payloads().flatMap(liveTokens);
    const modalLink = /^<https:\/\/evil\.example\/a%3C!here%3E%7C[^|<> ]*\|原文链接>$/;
    // The only live tokens: who shared (a user id Slack sent) and the modal's escaped source link.
    expect(live.filter((t) => t !== '<@U1>' && !modalLink.test(t))).toEqual([]);
    expect(live.some((t) => modalLink.test(t))).toBe(true);
    // The hostile text is there, as words.
    const everything = slack.payloads().map(visibleText).join('\n');
    for (const words of ['<!channel>', '<!here>', '<@U0HOSTILE>', '<#C12345>', '<!subteam^S123>'])
      expect(everything).toContain(words);
  });

  it('keeps quotes verbatim (mrkdwn characters included) and never puts document text in mrkdwn', async () => {
    const body = await answered('summary 深圳 2022');
    const runs = JSON.stringify(body.blocks);
    expect(visibleText(body.blocks)).toContain('channel>和<@U12345>的*重点*_任务_~删除~`代码`。');
    expect(runs).not.toMatch(/"type":"mrkdwn","text":"[^"]*(党建|重点|U0HOSTILE|evil)/);
    // Streamed markdown: escaped entities and backslash-escaped Markdown punctuation.
    const streamed = slack
      .callsTo('chat.appendStream')
      .flatMap((c) => c.args.chunks ?? [])
      .filter((c: any) => c.type === 'markdown_text')
      .map((c: any) => c.text)
      .join('');
    expect(streamed).toContain('和&lt;@U12345&gt;的\\*重点\\*\\_任务\\_\\~删除\\~\\`代码\\`');
  });

  it('links the paragraph modal only to an http(s) source', async () => {
    const { paragraphModal } = await import('../../src/slack/blocks/paragraph.js');
    const doc = bot.ctx.index.documents.find((d) => d.id === 'hostile-plan')!;
    const chunk = bot.ctx.index.chunks.find((c) => c.docId === doc.id)!;
    for (const sourceUrl of ['javascript:alert(1)', 'slack://open', 'mailto:x@example.com', 'not a url'])
      expect(liveTokens(paragraphModal({ ...doc, sourceUrl }, chunk, undefined, 'en'))).toEqual([]);
  });
});
