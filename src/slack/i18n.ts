// The interface speaks the asker's language and script: one table in English and simplified
// Chinese; traditional Chinese is converted from the simplified entries (OpenCC), so the three stay
// in step. Only the bot's own words are here; quotes always keep the source's own script.
import { detectScript, toTraditional, type Script } from '../text/script.js';

export type Lang = Script;

const en = {
  sources: 'Sources',
  showParagraph: (n: number) => `Show paragraph [${n}]`,
  share: 'Share in channel',
  sharedNote: 'Shared in the channel.',
  sharedBy: 'Shared by',
  paragraphTitle: 'Paragraph',
  close: 'Close',
  section: 'Section',
  paragraph: 'paragraph',
  source: 'source',
  closest: 'Closest documents',
  leftOut: '…more than fits in one Slack message was left out; use /plans search or the CLI for the rest.',
  truncated: '…(truncated)',
  lookingUp: 'Looking through the plans…',
  inLine: (ahead: number) => `In line: ${ahead} question${ahead === 1 ? '' : 's'} ahead of yours. I will answer here.`,
  busy: 'Too many questions are waiting right now. Please ask again in a minute.',
  searching: 'is searching the plan documents…',
  loading: ['Reading the plans…', 'Checking each quote against its source…', 'Putting the sources in order…'],
  greeting: 'Hello! Ask me about the indexed education plans; every answer quotes the paragraphs it rests on.',
  promptsTitle: 'Try one of these:',
  notEnabled: 'plans-bot is not enabled in this channel. Ask me in a direct message instead.',
  tooLong: (len: number, max: number) => `That question is ${len} characters long; please keep it under ${max}.`,
  rateLimited: (perMinute: number, wait: number) =>
    `You're asking faster than ${perMinute} questions a minute. Please try again in ${wait} s.`,
  failure: (ref: string) =>
    `Sorry — something went wrong while answering (reference ${ref}). Please try again; if it keeps happening, share the reference with the bot's maintainers.`,
  expired: 'That answer has expired; ask again to share it.',
  paragraphGone:
    'That paragraph is no longer in the index (the plans were re-ingested). Ask again to get fresh sources.',
  thanksUp: 'Thanks — glad it helped.',
  thanksDown: 'Thanks — noted. The sources above show what the plans say.',
  indexedPlans: (n: number) => `Indexed plans (${n})`,
  morePlans: '…more plans are indexed than fit here; /plans docs lists them all.',
  uploadOnlyAdmins: (admins: string) => `Only ${admins} can add plans. Ask one of them to share the file with me.`,
  uploadNoAdmins: 'Adding plans from Slack is turned off (no admins are set in SLACK_ADMIN_USERS).',
  uploadReading: (name: string) => `Reading ${name} and updating the index…`,
  uploadAdded: (name: string) => `Added ${name} to the plans:`,
  uploadNothing: (name: string) => `I could not read a plan from ${name}; the index is unchanged.`,
  uploadRejected: (message: string) => `Not added: ${message}`,
  uploadRemove: 'Remove this plan',
  uploadRemoved: (name: string) => `Removed ${name}; the index is up to date.`,
  uploadGone: (name: string) => `${name} is no longer in the corpus.`,
  paragraphs: 'paragraphs',
  taskSearch: 'Searching the plans',
  taskFound: (n: number) => `${n} source${n === 1 ? '' : 's'}, each quote checked against its paragraph`,
} as const;

type Table = {
  [K in keyof typeof en]: (typeof en)[K] extends (...a: infer A) => string
    ? (...a: A) => string
    : (typeof en)[K] extends readonly string[]
      ? readonly string[]
      : string;
};

const zhHans: Table = {
  sources: '来源',
  showParagraph: (n) => `显示段落 [${n}]`,
  share: '分享到频道',
  sharedNote: '已分享到频道。',
  sharedBy: '分享者',
  paragraphTitle: '原文段落',
  close: '关闭',
  section: '章节',
  paragraph: '段落',
  source: '原文链接',
  closest: '最接近的文件',
  leftOut: '…内容超出一条 Slack 消息的容量，其余部分已省略；请用 /plans search 或命令行查看。',
  truncated: '…(已截断)',
  lookingUp: '正在检索计划文件…',
  inLine: (ahead) => `排队中：前面还有 ${ahead} 个问题，稍后在此回答。`,
  busy: '当前排队的问题太多，请一分钟后再问。',
  searching: '正在检索计划文件…',
  loading: ['正在阅读计划文件…', '正在逐条核对引文…', '正在整理来源…'],
  greeting: '您好！可以问我已收录的教育计划文件，每个回答都会逐字引用所依据的段落。',
  promptsTitle: '可以试试：',
  notEnabled: '本频道未启用 plans-bot，请在私信中提问。',
  tooLong: (len, max) => `问题共 ${len} 个字符，请控制在 ${max} 个以内。`,
  rateLimited: (perMinute, wait) => `提问太快了（每分钟最多 ${perMinute} 个问题），请 ${wait} 秒后再试。`,
  failure: (ref) => `抱歉，回答时出错了（编号 ${ref}）。请再试一次；如仍出错，请把编号告诉维护人员。`,
  expired: '该回答已过期，请重新提问后再分享。',
  paragraphGone: '该段落已不在索引中（计划文件已重新导入），请重新提问以获取最新来源。',
  thanksUp: '谢谢，很高兴能帮上忙。',
  thanksDown: '谢谢，已记录。上面的来源就是计划文件的原文。',
  indexedPlans: (n) => `已收录的计划文件（${n}）`,
  morePlans: '…收录的文件较多，这里放不下；/plans docs 可列出全部。',
  uploadOnlyAdmins: (admins) => `只有 ${admins} 可以添加计划文件，请联系他们把文件发给我。`,
  uploadNoAdmins: '未开启从 Slack 添加计划文件（SLACK_ADMIN_USERS 未设置）。',
  uploadReading: (name) => `正在读取 ${name} 并更新索引…`,
  uploadAdded: (name) => `已将 ${name} 加入计划文件：`,
  uploadNothing: (name) => `未能从 ${name} 中读出计划文件，索引未改变。`,
  uploadRejected: (message) => `未添加：${message}`,
  uploadRemove: '删除此文件',
  uploadRemoved: (name) => `已删除 ${name}，索引已更新。`,
  uploadGone: (name) => `${name} 已不在文件库中。`,
  paragraphs: '段',
  taskSearch: '检索计划文件',
  taskFound: (n) => `找到 ${n} 处来源，每条引文均已与原文核对`,
};

function traditional(table: Table): Table {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'function')
      out[key] = (...args: unknown[]) => toTraditional((value as (...a: unknown[]) => string)(...args));
    else if (Array.isArray(value)) out[key] = value.map((v) => toTraditional(v));
    else out[key] = toTraditional(value as string);
  }
  return out as Table;
}

const TABLES: Record<Lang, Table> = { en, 'zh-Hans': zhHans, 'zh-Hant': traditional(zhHans) };

export const strings = (lang: Lang): Table => TABLES[lang];
export type Strings = Table;

const VERB = /^\s*(ask|summary|search|compare|docs|help)\b/i;

/** The language of the interface for a question: its script, judged without the command word. */
export function langOf(text: string): Lang {
  const rest = text.replace(VERB, '').trim();
  return detectScript(rest || text);
}
