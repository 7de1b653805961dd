// Adding a plan from Slack (admins only, SLACK_ADMIN_USERS): a file shared with the bot is fetched
// with the bot's token (files.info → url_private_download), saved under CORPUS_DIR/uploads/, and
// the index is brought up to date (ingestCorpus, then a fresh loadIndex swapped in for the main
// thread and the answering threads). The old index answers until then. A file the ingest cannot
// read is removed again and reported with the same message as `plans ingest`.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import type { App } from '@slack/bolt';
import { logger } from '../log.js';
import { uploadBlocks } from './blocks/upload.js';
import { fallbackText } from './blocks/text.js';
import { plainSection, type KnownBlock } from './blocks/kit.js';
import type { BotContext } from './context.js';
import { isUserId } from './escape.js';
import { friendlyFailure } from './guardrails.js';
import { langOf, strings, type Lang } from './i18n.js';
import { ingestCorpus, loadIndex, SUPPORTED_EXTENSIONS } from './index-access.js';

export const UPLOADS = 'uploads';
type Message = { text: string; blocks?: KnownBlock[] };

export const isAdmin = (ctx: BotContext, user: string | undefined) =>
  Boolean(user && ctx.config.SLACK_ADMIN_USERS.includes(user));

/** A name safe to keep in the corpus: no directories, only ordinary characters, the file id first. */
export function corpusName(fileId: string, name: string): string {
  const ext = extname(name).toLowerCase();
  const stem = basename(name, extname(name))
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .slice(0, 80);
  return `${fileId.replace(/[^A-Za-z0-9]/g, '')}-${stem || 'plan'}${ext}`;
}

export async function receiveFiles(
  ctx: BotContext,
  client: App['client'],
  where: { user?: string; channel: string; threadTs?: string; files: Array<{ id: string }>; text: string },
): Promise<void> {
  const lang: Lang = where.text.trim() ? langOf(where.text) : 'zh-Hans';
  const t = strings(lang);
  const post = (message: Message) =>
    client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, ...message } as never);
  if (!isAdmin(ctx, where.user)) {
    const admins = ctx.config.SLACK_ADMIN_USERS.filter(isUserId).map((id) => `<@${id}>`);
    const text = admins.length ? t.uploadOnlyAdmins(admins.join(', ')) : t.uploadNoAdmins;
    // In a channel only the sender sees the note; a DM is private anyway.
    if (where.channel.startsWith('D') || !where.user) await post({ text });
    else await client.chat.postEphemeral({ channel: where.channel, user: where.user, text });
    return;
  }
  for (const { id } of where.files.slice(0, 5)) {
    try {
      await post(await addFile(ctx, client, id, lang));
    } catch (err) {
      await post({ text: fallbackText(friendlyFailure(err, 'upload', lang)) });
    }
  }
}

async function addFile(ctx: BotContext, client: App['client'], fileId: string, lang: Lang): Promise<Message> {
  const t = strings(lang);
  const info = await client.files.info({ file: fileId });
  const file = info.file;
  const name = file?.name ?? fileId;
  const rejected = (message: string): Message => ({ text: fallbackText(t.uploadRejected(`${name}: ${message}`)) });
  const ext = extname(name).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext))
    return rejected(`not a supported file type (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  const maxBytes = ctx.config.MAX_FILE_MB * 1024 * 1024;
  if ((file?.size ?? 0) > maxBytes)
    return rejected(
      `file is ${((file?.size ?? 0) / 1048576).toFixed(1)} MB, over the ${ctx.config.MAX_FILE_MB} MB limit (MAX_FILE_MB)`,
    );
  const url = file?.url_private_download ?? file?.url_private;
  if (!url) return rejected('Slack gave no download link for it');
  const bytes = await download(url, ctx.config.SLACK_BOT_TOKEN ?? '', maxBytes);
  if (typeof bytes === 'string') return rejected(bytes);

  const relative = `${UPLOADS}/${corpusName(fileId, name)}`;
  const path = join(ctx.config.CORPUS_DIR, relative);
  await mkdir(join(ctx.config.CORPUS_DIR, UPLOADS), { recursive: true });
  // Written to a hidden temp file (the corpus loader skips dotfiles) and renamed, so an ingest never
  // sees half a file.
  const tmp = join(ctx.config.CORPUS_DIR, UPLOADS, `.${basename(path)}.part`);
  await writeFile(tmp, bytes);
  await rename(tmp, path);
  return ctx.exclusive(async () => {
    const summary = await ingestCorpus({
      corpusDir: ctx.config.CORPUS_DIR,
      indexDir: ctx.indexDir,
      config: ctx.config,
    });
    const problem = summary.problems.find((p) => p.file === relative);
    const documents = problem ? [] : (await swapIndex(ctx)).documents.filter((d) => d.file === relative);
    if (!documents.length) {
      await rm(path, { force: true });
      await ingestCorpus({ corpusDir: ctx.config.CORPUS_DIR, indexDir: ctx.indexDir, config: ctx.config });
      await swapIndex(ctx);
      return problem ? rejected(problem.message) : { text: fallbackText(t.uploadNothing(name)) };
    }
    logger.info({ file: relative, documents: documents.length }, 'plan added from Slack');
    return { text: fallbackText(t.uploadAdded(name)), blocks: uploadBlocks(name, relative, documents, lang) };
  });
}

/** The file's bytes, fetched with the bot token; a string says why not. */
async function download(url: string, token: string, maxBytes: number): Promise<Buffer | string> {
  // Slack answers a request without a valid token with a redirect to its sign-in page.
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, redirect: 'manual' });
  if (res.status !== 200) return `Slack refused the download (HTTP ${res.status})`;
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > maxBytes) return `file is over the ${Math.round(maxBytes / 1048576)} MB limit (MAX_FILE_MB)`;
  return bytes;
}

/** Loads the freshly built index and gives it to the main thread and every answering thread. */
async function swapIndex(ctx: BotContext) {
  const index = await loadIndex(ctx.indexDir, ctx.config);
  if (!index) throw new Error('the index disappeared while it was being updated');
  ctx.index = index;
  await ctx.answerer.reload();
  return index;
}

export async function removeUpload(
  ctx: BotContext,
  user: string,
  value: string,
  reply: (message: Message) => Promise<unknown>,
): Promise<void> {
  let relative = '';
  let lang: Lang = 'en';
  try {
    const parsed = JSON.parse(value) as { file?: unknown; lang?: unknown };
    relative = typeof parsed.file === 'string' ? parsed.file : '';
    if (parsed.lang === 'zh-Hans' || parsed.lang === 'zh-Hant') lang = parsed.lang;
  } catch {
    // A value this bot did not make: nothing to remove.
  }
  const t = strings(lang);
  if (!isAdmin(ctx, user)) return void (await reply({ text: t.uploadNoAdmins }));
  const uploads = resolve(ctx.config.CORPUS_DIR, UPLOADS);
  const path = resolve(ctx.config.CORPUS_DIR, relative);
  // Only a file the bot itself put in uploads/ can be removed this way.
  if (!path.startsWith(uploads + sep)) return void (await reply({ text: t.uploadGone(relative) }));
  try {
    await ctx.exclusive(async () => {
      if (!existsSync(path)) return;
      await rm(path);
      await ingestCorpus({ corpusDir: ctx.config.CORPUS_DIR, indexDir: ctx.indexDir, config: ctx.config });
      await swapIndex(ctx);
    });
    const name = basename(relative);
    await reply({ text: fallbackText(t.uploadRemoved(name)), blocks: [plainSection(t.uploadRemoved(name))] });
  } catch (err) {
    await reply({ text: fallbackText(friendlyFailure(err, 'remove_upload', lang)) });
  }
}
