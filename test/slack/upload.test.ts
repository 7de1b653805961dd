// Adding a plan from Slack: an admin shares a file with the bot (a DM, or a mention with a file);
// it is downloaded with the bot token, saved into the corpus, and the next question is answered
// from it; a button removes it again. Anyone else's file changes nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, waitFor } from '../helpers/fake-slack.js';
import { allText, buttonsOf, startBot, visibleText, type Bot, type Slack } from './harness.js';
import { hostileCorpus } from './hostile.js';

const PLAN = [
  '2024年南京市教育工作要点',
  '2024年是南京教育高质量发展的关键之年。',
  '一、推进学前教育普及普惠',
  '1.新建幼儿园30所,普惠性幼儿园覆盖率达到93%。',
  '2.推进托幼一体化,新增托位2000个。',
  '二、办好人民满意的义务教育',
  '3.新建改扩建中小学15所,新增学位2.6万个。',
].join('\n');

describe('adding a plan from Slack', () => {
  let slack: Slack;
  let bot: Bot;
  let corpusDir: string;
  beforeAll(async () => {
    const corpus = await hostileCorpus();
    corpusDir = corpus.corpusDir;
    slack = await startFakeSlack();
    bot = await startBot(
      slack,
      { CORPUS_DIR: corpusDir, SLACK_ADMIN_USERS: 'UADMIN, UADMIN2' },
      { index: corpus.index, indexDir: corpus.indexDir },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await slack.close();
  });
  const dm = (user: string, files: Array<{ id: string }>, ts: string, text = '') =>
    bot.event({ type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'D7', user, text, ts, files });
  const ask = async (text: string) => {
    const { id, sent } = bot.command(text, 'UASK');
    await sent;
    return (await waitFor(() => slack.responses.find((r) => r.path.endsWith(id) && r.body.blocks))).body;
  };

  it('politely refuses a file from anyone not an admin, and changes nothing', async () => {
    slack.addFile({ id: 'FNOPE', name: '计划.txt', content: PLAN });
    const documents = bot.ctx.index.documents.length;
    await dm('U1', [{ id: 'FNOPE' }], '1700007000.000100', '请收录');
    const note = await waitFor(() => slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D7'));
    expect(note.args.text).toBe('只有 <@UADMIN>, <@UADMIN2> 可以添加计划文件，请联系他们把文件发给我。');
    expect(slack.downloads).toEqual([]);
    expect(slack.callsTo('files.info')).toEqual([]);
    expect(existsSync(join(corpusDir, 'uploads'))).toBe(false);
    expect(bot.ctx.index.documents.length).toBe(documents);
  });

  it('adds an admin’s .txt: downloaded with the bot token, indexed, answered from, and removable', async () => {
    slack.addFile({ id: 'FPLAN1', name: '南京 2024 要点.txt', content: PLAN });
    await dm('UADMIN', [{ id: 'FPLAN1' }], '1700007100.000100', '收录这份计划');
    const reply = await waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.channel === 'D7' && c.args.blocks),
    );
    expect(slack.downloads).toEqual([
      { path: expect.stringMatching(/^\/files\/FPLAN1\/download\//), authorization: 'Bearer xoxb-test-token' },
    ]);
    const shown = visibleText(reply.args.blocks);
    expect(shown).toContain('已将 南京 2024 要点.txt 加入计划文件：');
    for (const part of ['2024年南京市教育工作要点', '南京', '2024', '工作要点', '4 段']) expect(shown).toContain(part);
    expect(readdirSync(join(corpusDir, 'uploads'))).toEqual(['FPLAN1-南京_2024_要点.txt']);
    // The next question is answered from it — by the answering threads, which reloaded the index.
    const answer = await ask('南京2024年普惠性幼儿园覆盖率要达到多少?');
    expect(allText(answer.blocks)).toContain('普惠性幼儿园覆盖率达到93%');
    expect(allText(answer.blocks)).toContain('2024年南京市教育工作要点');

    const remove = buttonsOf(reply.args.blocks).find((b) => b.action_id === 'remove_upload');
    const click = bot.click({ action_id: 'remove_upload', value: remove.value }, { user: 'UADMIN', channel: 'D7' });
    await click.sent;
    const removed = await waitFor(() => slack.responses.find((r) => r.path.endsWith(click.responseId)));
    expect(removed.body.text).toBe('已删除 FPLAN1-南京_2024_要点.txt，索引已更新。');
    expect(readdirSync(join(corpusDir, 'uploads'))).toEqual([]);
    expect(bot.ctx.index.documents.some((d) => d.place === '南京')).toBe(false);
    const after = await ask('南京2024年普惠性幼儿园覆盖率要达到多少?');
    expect(allText(after.blocks)).not.toContain('覆盖率达到93%');
  });

  it('adds an admin’s Word file, read as the CLI reads it, and answers the next question from it', async () => {
    // The Xiangxi plan as a .docx (a fixture made by scripts/make-fixtures.ts); the corpus has no Xiangxi plan.
    slack.addFile({
      id: 'FDOCX',
      name: '湘西州2020年工作要点.docx',
      content: readFileSync('test/fixtures/formats/docx/003_68e4817491ed8267.docx'),
    });
    await dm('UADMIN', [{ id: 'FDOCX' }], '1700007150.000100', '收录');
    const reply = await waitFor(() =>
      slack
        .callsTo('chat.postMessage')
        .find((c) => c.args.channel === 'D7' && c.args.blocks && visibleText(c.args.blocks).includes('湘西州2020年')),
    );
    const shown = visibleText(reply.args.blocks);
    for (const part of ['2020年全州教育和体育工作要点', '湘西', '2020', '工作要点']) expect(shown).toContain(part);
    const answer = await ask('湘西州2020年普惠性幼儿园覆盖率要达到多少?');
    expect(allText(answer.blocks)).toContain('普惠性幼儿园覆盖率达80%');
    expect(allText(answer.blocks)).toContain('2020年全州教育和体育工作要点');
  });

  it('adds a plan shared with a mention, and reports a file it cannot read as the CLI does', async () => {
    slack.addFile({
      id: 'FHTML',
      name: 'plan.html',
      content: `<html><body><p>${PLAN.split('\n').join('</p><p>')}</p></body></html>`,
    });
    await bot.mention('这是新计划', { user: 'UADMIN2', ts: '1700007200.000100', files: [{ id: 'FHTML' }] });
    const added = await waitFor(() =>
      slack.callsTo('chat.postMessage').find((c) => c.args.thread_ts === '1700007200.000100' && c.args.blocks),
    );
    expect(visibleText(added.args.blocks)).toContain('2024年南京市教育工作要点');

    slack.addFile({ id: 'FEMPTY', name: 'empty.txt', content: '   \n' });
    slack.addFile({ id: 'FXLS', name: 'figures.xlsx', content: 'PK\u0003\u0004' });
    const documents = bot.ctx.index.documents.length;
    await dm('UADMIN', [{ id: 'FEMPTY' }, { id: 'FXLS' }], '1700007300.000100', '再加两份');
    const notes = await waitFor(() => {
      const found = slack.callsTo('chat.postMessage').filter((c) => /^未添加/.test(c.args.text ?? ''));
      return found.length === 2 && found;
    });
    expect(notes[0].args.text).toBe('未添加：empty.txt: no text in file');
    expect(notes[1].args.text).toMatch(/^未添加：figures\.xlsx: not a supported file type \(supported: \.txt/);
    expect(readdirSync(join(corpusDir, 'uploads')).sort()).toEqual([
      'FDOCX-湘西州2020年工作要点.docx',
      'FHTML-plan.html',
    ]);
    expect(bot.ctx.index.documents.length).toBe(documents);
    expect(slack.rejected).toEqual([]);
  });
});
