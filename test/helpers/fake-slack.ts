// A local Slack for tests: the Web API (for Bolt's clientOptions.slackApiUrl), response URLs and
// file downloads. It records every call and rejects what Slack would reject: unknown methods and
// arguments, invalid Block Kit (structure, rich text, limits), over-long text, streaming calls out
// of order, assistant.threads.* without their required arguments, downloads without the bot token.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SLACK_LIMITS } from '../../src/slack/limits.js';

export type SlackCall = { method: string; args: any };

const TOKEN = 'xoxb-test-token';
const len = (s: unknown) => (typeof s === 'string' ? [...s].length : 0);
const isText = (t: any, types = ['plain_text', 'mrkdwn']) =>
  t && types.includes(t.type) && typeof t.text === 'string' && t.text.length > 0;

const INLINE = new Set(['text', 'link', 'user', 'usergroup', 'channel', 'broadcast', 'emoji', 'date', 'team']);
const STYLES = new Set(['bold', 'italic', 'strike', 'code', 'underline', 'highlight', 'client_highlight', 'unlink']);

function richTextProblems(block: any): string[] {
  const problems: string[] = [];
  if (!Array.isArray(block.elements) || block.elements.length === 0) return ['rich_text without elements'];
  let chars = 0;
  const inline = (e: any) => {
    if (!INLINE.has(e?.type)) return problems.push(`rich text element ${e?.type}`);
    if (e.type === 'text') {
      if (typeof e.text !== 'string' || e.text.length === 0) problems.push('empty rich text run');
      chars += len(e.text);
    }
    if (e.type === 'link' && !/^https?:\/\//.test(e.url ?? '')) problems.push('rich text link without an http(s) url');
    if (e.style && Object.keys(e.style).some((k) => !STYLES.has(k))) problems.push('unknown rich text style');
  };
  const section = (s: any, types: string[]) => {
    if (!types.includes(s?.type)) return problems.push(`rich text part ${s?.type}`);
    if (!Array.isArray(s.elements) || s.elements.length === 0) return problems.push(`${s.type} without elements`);
    if (s.type === 'rich_text_list') {
      if (!['bullet', 'ordered'].includes(s.style)) problems.push('rich_text_list style');
      if (s.indent !== undefined && !(s.indent >= 0 && s.indent <= 8)) problems.push('rich_text_list indent');
      for (const item of s.elements) section(item, ['rich_text_section']);
    } else for (const e of s.elements) inline(e);
  };
  for (const part of block.elements)
    section(part, ['rich_text_section', 'rich_text_list', 'rich_text_quote', 'rich_text_preformatted']);
  if (chars > SLACK_LIMITS.richText) problems.push(`rich_text with ${chars} characters`);
  return problems;
}

function buttonProblems(btn: any): string[] {
  const problems: string[] = [];
  if (!isText(btn.text, ['plain_text'])) problems.push('button without plain_text label');
  else if (len(btn.text.text) > SLACK_LIMITS.buttonText) problems.push(`button label ${len(btn.text.text)}`);
  if (!btn.action_id || len(btn.action_id) > 255) problems.push('button action_id');
  if (btn.value !== undefined && len(btn.value) > SLACK_LIMITS.buttonValue) problems.push('button value too long');
  if (btn.style && !['primary', 'danger'].includes(btn.style)) problems.push('button style');
  return problems;
}

/** The problems Slack would report for a list of blocks (empty when it would accept them). */
export function blockProblems(blocks: any[] | undefined, maxBlocks: number): string[] {
  const problems: string[] = [];
  if (blocks === undefined) return problems;
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const blockIds = blocks.map((b) => b.block_id).filter(Boolean);
  if (new Set(blockIds).size !== blockIds.length) problems.push('duplicate block_id');
  for (const b of blocks) {
    if (b.block_id && len(b.block_id) > SLACK_LIMITS.blockId) problems.push('block_id too long');
    switch (b.type) {
      case 'divider':
        break;
      case 'header':
        if (!isText(b.text, ['plain_text']) || len(b.text.text) > SLACK_LIMITS.headerText) problems.push('header');
        break;
      case 'section':
        if (!b.text && !b.fields) problems.push('empty section');
        if (b.text && !isText(b.text)) problems.push('section text missing or empty');
        if (b.text && len(b.text.text) > SLACK_LIMITS.sectionText) problems.push(`section text ${len(b.text.text)}`);
        if (
          b.fields &&
          (b.fields.length > SLACK_LIMITS.sectionFields ||
            b.fields.some((f: any) => !isText(f) || len(f.text) > SLACK_LIMITS.fieldText))
        )
          problems.push('section fields over the limit');
        if (b.accessory?.type === 'button') problems.push(...buttonProblems(b.accessory));
        break;
      case 'context':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > SLACK_LIMITS.contextElements)
          problems.push(`context with ${b.elements?.length} elements`);
        for (const e of b.elements ?? [])
          if (!isText(e) || len(e.text) > SLACK_LIMITS.sectionText) problems.push('context element');
        break;
      case 'actions': {
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > SLACK_LIMITS.actionsElements)
          problems.push(`actions with ${b.elements?.length} elements`);
        for (const e of b.elements ?? []) problems.push(...buttonProblems(e));
        const ids = (b.elements ?? []).map((e: any) => e.action_id);
        if (new Set(ids).size !== ids.length) problems.push('duplicate action_id');
        break;
      }
      case 'context_actions':
        if (
          !Array.isArray(b.elements) ||
          b.elements.length === 0 ||
          b.elements.length > SLACK_LIMITS.contextActionsElements
        )
          problems.push('context_actions elements');
        for (const e of b.elements ?? []) {
          if (e.type !== 'feedback_buttons' && e.type !== 'icon_button') problems.push(`context_actions ${e.type}`);
          if (e.type === 'feedback_buttons')
            for (const side of [e.positive_button, e.negative_button])
              if (!side || !isText(side.text, ['plain_text']) || typeof side.value !== 'string' || !side.value)
                problems.push('feedback button');
        }
        break;
      case 'rich_text':
        problems.push(...richTextProblems(b));
        break;
      default:
        problems.push(`unknown block type ${b.type}`);
    }
  }
  return problems;
}

function chunkProblems(chunks: any): string[] {
  if (chunks === undefined) return [];
  if (!Array.isArray(chunks)) return ['chunks is not an array'];
  const problems: string[] = [];
  for (const c of chunks) {
    if (c.type === 'markdown_text') {
      if (typeof c.text !== 'string' || !c.text) problems.push('empty markdown_text chunk');
      if (len(c.text) > SLACK_LIMITS.markdownText) problems.push('markdown_text chunk too long');
    } else if (c.type === 'task_update') {
      if (!c.id || !c.title || !['pending', 'in_progress', 'complete', 'error'].includes(c.status))
        problems.push('task_update');
    } else if (c.type === 'plan_update') {
      if (!c.title) problems.push('plan_update');
    } else if (c.type === 'blocks') problems.push(...blockProblems(c.blocks, SLACK_LIMITS.messageBlocks));
    else problems.push(`unknown chunk ${c.type}`);
  }
  return problems;
}

const MESSAGE_TEXT = (args: any) =>
  len(args.text) > SLACK_LIMITS.messageText ? [`text ${len(args.text)} > ${SLACK_LIMITS.messageText}`] : [];

/** Each method this app may call: its arguments, and what Slack checks. */
const METHODS: Record<string, { args: string[]; check?: (args: any, state: State) => string[] }> = {
  'auth.test': { args: [] },
  'chat.postMessage': {
    args: ['channel', 'text', 'blocks', 'thread_ts', 'metadata', 'unfurl_links', 'unfurl_media', 'reply_broadcast'],
    check: (a) => [
      ...(a.channel ? [] : ['channel_not_found']),
      ...(a.text || a.blocks ? [] : ['no_text']),
      ...MESSAGE_TEXT(a),
      ...blockProblems(a.blocks, SLACK_LIMITS.messageBlocks),
    ],
  },
  'chat.update': {
    args: ['channel', 'ts', 'text', 'blocks', 'metadata'],
    check: (a) => [
      ...(a.channel ? [] : ['channel_not_found']),
      ...(a.ts ? [] : ['message_not_found']),
      ...(a.text || a.blocks ? [] : ['no_text']),
      ...MESSAGE_TEXT(a),
      ...blockProblems(a.blocks, SLACK_LIMITS.messageBlocks),
    ],
  },
  'chat.postEphemeral': {
    args: ['channel', 'user', 'text', 'blocks', 'thread_ts'],
    check: (a) => [
      ...(a.channel && a.user ? [] : ['user_not_in_channel']),
      ...(a.text || a.blocks ? [] : ['no_text']),
      ...MESSAGE_TEXT(a),
      ...blockProblems(a.blocks, SLACK_LIMITS.messageBlocks),
    ],
  },
  'views.open': {
    args: ['trigger_id', 'view'],
    check: (a) => [...(a.trigger_id ? [] : ['invalid_trigger_id']), ...viewProblems(a.view, 'modal')],
  },
  'views.publish': {
    args: ['user_id', 'view'],
    check: (a) => [...(a.user_id ? [] : ['user_not_found']), ...viewProblems(a.view, 'home')],
  },
  'assistant.threads.setStatus': {
    args: ['channel_id', 'thread_ts', 'status', 'loading_messages'],
    check: (a) => [
      ...(a.channel_id && a.thread_ts ? [] : ['invalid_arguments: channel_id and thread_ts']),
      ...(typeof a.status === 'string' ? [] : ['invalid_arguments: status']),
      ...(a.loading_messages === undefined ||
      (Array.isArray(a.loading_messages) &&
        a.loading_messages.length <= SLACK_LIMITS.loadingMessages &&
        a.loading_messages.every((m: unknown) => typeof m === 'string' && m))
        ? []
        : ['invalid_arguments: loading_messages']),
    ],
  },
  'assistant.threads.setSuggestedPrompts': {
    args: ['channel_id', 'thread_ts', 'prompts', 'title'],
    check: (a) => [
      ...(a.channel_id ? [] : ['invalid_arguments: channel_id']),
      ...(Array.isArray(a.prompts) &&
      a.prompts.length > 0 &&
      a.prompts.length <= SLACK_LIMITS.suggestedPrompts &&
      a.prompts.every((p: any) => p.title && p.message)
        ? []
        : ['invalid_arguments: prompts']),
    ],
  },
  'assistant.threads.setTitle': {
    args: ['channel_id', 'thread_ts', 'title'],
    check: (a) => (a.channel_id && a.thread_ts && a.title ? [] : ['invalid_arguments: title']),
  },
  'chat.startStream': {
    args: [
      'channel',
      'thread_ts',
      'markdown_text',
      'chunks',
      'recipient_user_id',
      'recipient_team_id',
      'task_display_mode',
    ],
    check: (a) => [
      ...(a.channel && a.thread_ts ? [] : ['invalid_arguments: channel and thread_ts']),
      // Outside a DM Slack must know whom the stream is for.
      ...(String(a.channel).startsWith('D') || (a.recipient_user_id && a.recipient_team_id)
        ? []
        : ['missing_recipient_user_id']),
      ...(len(a.markdown_text) > SLACK_LIMITS.markdownText ? ['msg_too_long'] : []),
      ...(a.task_display_mode && !['timeline', 'plan'].includes(a.task_display_mode) ? ['task_display_mode'] : []),
      ...chunkProblems(a.chunks),
    ],
  },
  'chat.appendStream': {
    args: ['channel', 'ts', 'markdown_text', 'chunks'],
    check: (a, state) => [
      ...(state.streams.get(`${a.channel}:${a.ts}`) === 'streaming' ? [] : ['message_not_in_streaming_state']),
      ...(a.markdown_text || a.chunks ? [] : ['invalid_arguments: markdown_text or chunks']),
      ...(len(a.markdown_text) > SLACK_LIMITS.markdownText ? ['msg_too_long'] : []),
      ...chunkProblems(a.chunks),
    ],
  },
  'chat.stopStream': {
    args: ['channel', 'ts', 'markdown_text', 'chunks', 'blocks', 'metadata'],
    check: (a, state) => [
      ...(state.streams.get(`${a.channel}:${a.ts}`) === 'streaming' ? [] : ['message_not_in_streaming_state']),
      ...(len(a.markdown_text) > SLACK_LIMITS.markdownText ? ['msg_too_long'] : []),
      ...chunkProblems(a.chunks),
      ...blockProblems(a.blocks, SLACK_LIMITS.messageBlocks),
    ],
  },
  'conversations.replies': {
    args: ['channel', 'ts', 'limit', 'oldest', 'inclusive', 'include_all_metadata', 'cursor'],
  },
  'files.info': { args: ['file'] },
};

function viewProblems(view: any, type: 'modal' | 'home'): string[] {
  if (!view || view.type !== type) return [`view type ${view?.type}`];
  const problems: string[] = [];
  if (type === 'modal') {
    if (!isText(view.title, ['plain_text']) || len(view.title.text) > SLACK_LIMITS.viewTitle) problems.push('title');
    if (view.close && (!isText(view.close, ['plain_text']) || len(view.close.text) > SLACK_LIMITS.viewTitle))
      problems.push('close');
  }
  problems.push(...blockProblems(view.blocks, type === 'modal' ? SLACK_LIMITS.modalBlocks : SLACK_LIMITS.homeBlocks));
  return problems;
}

type State = { streams: Map<string, 'streaming' | 'completed'> };

/** A file the stand-in serves through files.info and its private download URL. */
export type FakeFile = { id: string; name: string; content: Buffer | string; user?: string };

const JSON_ARGS = ['blocks', 'view', 'prompts', 'chunks', 'loading_messages', 'metadata'];

export async function startFakeSlack() {
  const calls: SlackCall[] = [];
  const responses: Array<{ path: string; body: any }> = [];
  const rejected: Array<{ method: string; problems: string[] }> = [];
  const downloads: Array<{ path: string; authorization: string | undefined }> = [];
  const files = new Map<string, FakeFile>();
  const state: State = { streams: new Map() };
  let clock = 0;
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const part of req) raw += part;
    const reply = (payload: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const url = req.url ?? '';
    if (url.startsWith('/files/')) {
      // Slack's private file URLs need the bot token; without it they answer with a login page.
      const id = url.split('/')[2];
      downloads.push({ path: url, authorization: req.headers.authorization });
      const file = files.get(id);
      if (req.headers.authorization !== `Bearer ${TOKEN}` || !file) {
        res.writeHead(file ? 302 : 404, file ? { location: 'https://slack.com/signin' } : {});
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(file.content);
    }
    if (url.startsWith('/response/')) {
      const body = JSON.parse(raw);
      const problems = [
        ...blockProblems(body.blocks, SLACK_LIMITS.messageBlocks),
        ...MESSAGE_TEXT(body),
        ...(body.text || body.blocks || body.delete_original ? [] : ['no_text']),
        ...(body.response_type && !['ephemeral', 'in_channel'].includes(body.response_type) ? ['response_type'] : []),
      ];
      if (problems.length) {
        rejected.push({ method: 'response_url', problems });
        res.writeHead(400);
        return res.end('invalid_blocks');
      }
      responses.push({ path: url, body });
      res.writeHead(200);
      return res.end('ok');
    }
    const method = url.replace(/^\/api\//, '').split('?')[0];
    const args: any = (req.headers['content-type'] ?? '').includes('json')
      ? JSON.parse(raw || '{}')
      : Object.fromEntries(new URLSearchParams(raw));
    for (const key of JSON_ARGS)
      if (typeof args[key] === 'string') {
        try {
          args[key] = JSON.parse(args[key]);
        } catch {
          rejected.push({ method, problems: [`${key} is not JSON`] });
          return reply({ ok: false, error: 'invalid_arguments' });
        }
      }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return reply({ ok: false, error: 'invalid_auth' });
    const spec = METHODS[method];
    if (!spec) {
      rejected.push({ method, problems: ['unknown_method'] });
      return reply({ ok: false, error: 'unknown_method' });
    }
    // Bolt adds team_id to calls it makes for a known workspace; Slack accepts it on every method.
    const unknownArgs = Object.keys(args).filter((k) => !spec.args.includes(k) && k !== 'token' && k !== 'team_id');
    const problems = [...unknownArgs.map((k) => `unknown argument ${k}`), ...(spec.check?.(args, state) ?? [])];
    if (problems.length) {
      rejected.push({ method, problems });
      return reply({ ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } });
    }
    calls.push({ method, args });
    const ts = () => `${Math.floor(Date.now() / 1000)}.${String(++clock).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return reply({
          ok: true,
          url: 'https://test.slack.com/',
          team: 'Test',
          user: 'plans-bot',
          team_id: 'T1',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        });
      case 'chat.postMessage':
        return reply({ ok: true, channel: args.channel, ts: ts(), message: { text: args.text } });
      case 'chat.update':
        return reply({ ok: true, channel: args.channel, ts: args.ts });
      case 'chat.postEphemeral':
        return reply({ ok: true, message_ts: ts() });
      case 'chat.startStream': {
        const at = ts();
        state.streams.set(`${args.channel}:${at}`, 'streaming');
        return reply({ ok: true, channel: args.channel, ts: at });
      }
      case 'chat.appendStream':
        return reply({ ok: true, channel: args.channel, ts: args.ts });
      case 'chat.stopStream':
        state.streams.set(`${args.channel}:${args.ts}`, 'completed');
        return reply({ ok: true, channel: args.channel, ts: args.ts, message: { ts: args.ts } });
      case 'conversations.replies': {
        // The thread as this stand-in saw it: what the bot posted there, plus messages a test put in.
        const messages = [
          ...threadMessages.filter((m) => m.channel === args.channel && (m.thread_ts === args.ts || m.ts === args.ts)),
          ...calls
            .filter(
              (c) => c.method === 'chat.postMessage' && c.args.channel === args.channel && c.args.thread_ts === args.ts,
            )
            .map((c) => ({ type: 'message', user: 'UBOT', bot_id: 'BBOT', text: c.args.text, thread_ts: args.ts })),
        ];
        return reply({ ok: true, messages, has_more: false });
      }
      case 'files.info': {
        const file = files.get(args.file);
        if (!file) return reply({ ok: false, error: 'file_not_found' });
        const content = Buffer.from(file.content);
        return reply({
          ok: true,
          file: {
            id: file.id,
            name: file.name,
            title: file.name,
            user: file.user ?? 'U1',
            size: content.length,
            filetype: file.name.split('.').pop(),
            url_private: `${base}/files/${file.id}/${encodeURIComponent(file.name)}`,
            url_private_download: `${base}/files/${file.id}/download/${encodeURIComponent(file.name)}`,
          },
        });
      }
    }
    if (method.startsWith('views.')) return reply({ ok: true, view: { id: 'V1', ...args.view } });
    return reply({ ok: true });
  });
  const threadMessages: Array<{ channel: string; ts: string; thread_ts?: string; user: string; text: string }> = [];
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id: string) => `${base}/response/${id}`,
    calls,
    responses,
    rejected,
    downloads,
    /** Serves a file through files.info and its private download URL. */
    addFile: (file: FakeFile) => files.set(file.id, file),
    /** A person's message in a thread, as conversations.replies will return it. */
    addThreadMessage: (m: { channel: string; ts: string; thread_ts?: string; user: string; text: string }) =>
      threadMessages.push(m),
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    /** Messages with blocks the bot posted or updated: its answers in threads and DMs. */
    answers: () =>
      calls.filter((c) => (c.method === 'chat.postMessage' || c.method === 'chat.update') && c.args.blocks),
    /** Every payload the bot sent: Web API arguments and response-URL bodies. */
    payloads: () => [...calls.map((c) => c.args), ...responses.map((r) => r.body)],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The mentions, broadcasts and links Slack would make live in a payload: `<…>` tokens in the fields
 * it parses (a message's text, mrkdwn objects, streamed markdown, statuses, titles and prompts) and
 * rich-text link / user / broadcast elements. plain_text objects and rich-text `text` runs are shown
 * literally, so nothing there is live.
 */
export function liveTokens(payload: unknown): string[] {
  const found: string[] = [];
  const scan = (s: unknown) => {
    if (typeof s === 'string') for (const m of s.matchAll(/<([!@#]|https?:|mailto:)[^>]*>/g)) found.push(m[0]);
  };
  const PARSED = new Set(['text', 'markdown_text', 'status', 'title', 'message', 'loading_messages']);
  const walk = (node: any, parsedKey: boolean) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, parsedKey));
    if (typeof node === 'string') return parsedKey ? scan(node) : undefined;
    if (!node || typeof node !== 'object') return;
    if (node.type === 'plain_text') return;
    if (node.type === 'text' && typeof node.text === 'string' && !('verbatim' in node)) return;
    if (node.type === 'link') found.push(`<${node.url}>`);
    if (node.type === 'user') found.push(`<@${node.user_id}>`);
    if (node.type === 'broadcast') found.push(`<!${node.range}>`);
    for (const [key, value] of Object.entries(node)) walk(value, PARSED.has(key));
  };
  walk(payload, false);
  return found;
}

/** Slack's request signature (v0), with an injectable timestamp. */
export function signedHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 15000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the expected Slack call');
    await new Promise((r) => setTimeout(r, 20));
  }
}
