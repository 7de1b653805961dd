// Button clicks: "Show paragraph" opens a modal with the whole paragraph; "Share in channel" posts
// the answer for everyone and takes the Share button off the private copy; 👍 / 👎 (Slack's native
// feedback buttons) are stored, one vote per person per answer; "Remove this plan" undoes an upload.
import type { App, BlockAction, BlockButtonAction, RespondFn } from '@slack/bolt';
import { answerBlocks, answerText } from '../blocks/answer.js';
import { ACTIONS } from '../blocks/kit.js';
import { paragraphModal } from '../blocks/paragraph.js';
import type { BotContext } from '../context.js';
import { recordFeedback } from '../../answer/feedback.js';
import { friendlyFailure } from '../guardrails.js';
import { strings, type Lang } from '../i18n.js';
import { removeUpload } from '../uploads.js';

type ParagraphRef = { doc: string; ordinal: number; start: number; end: number; lang?: Lang };
const LANGS: Lang[] = ['en', 'zh-Hans', 'zh-Hant'];

export function register(app: App, ctx: BotContext): void {
  const privately = (respond: RespondFn, text: string) =>
    respond({ response_type: 'ephemeral', replace_original: false, text });

  app.action<BlockButtonAction>(
    new RegExp(`^${ACTIONS.showParagraph}`),
    async ({ ack, body, action, client, respond }) => {
      await ack();
      let lang: Lang = 'en';
      try {
        const ref = JSON.parse(action.value ?? '{}') as ParagraphRef;
        lang = LANGS.includes(ref.lang as Lang) ? (ref.lang as Lang) : 'en';
        const doc = ctx.index.docById.get(ref.doc);
        const chunk = ctx.index.chunks.find((c) => c.docId === ref.doc && c.ordinal === ref.ordinal);
        if (!doc || !chunk) {
          await privately(respond, strings(lang).paragraphGone);
          return;
        }
        await client.views.open({
          trigger_id: body.trigger_id,
          view: paragraphModal(doc, chunk, { start: ref.start, end: ref.end }, lang),
        });
      } catch (err) {
        await privately(respond, friendlyFailure(err, 'show_paragraph', lang));
      }
    },
  );

  app.action<BlockButtonAction>(ACTIONS.share, async ({ ack, action, body, respond }) => {
    await ack();
    const id = action.value ?? '';
    const shown = ctx.recall(id);
    if (!shown) return void (await privately(respond, strings('en').expired));
    const { answer, restate, lang } = shown;
    ctx.shared.add(id, shown, body.user.id);
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      text: answerText(answer),
      blocks: answerBlocks(answer, { lang, restate, sharedBy: body.user.id, answerId: id }),
    });
    // The private copy loses its Share button, so the same answer is not shared twice.
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      text: answerText(answer),
      blocks: answerBlocks(answer, { lang, restate, answerId: id, shareable: true, shared: true }),
    });
  });

  app.action<BlockAction>(ACTIONS.feedback, async ({ ack, action, body, client, respond }) => {
    await ack();
    const value = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const [rating, id = ''] = value.split(':');
    if (rating !== 'up' && rating !== 'down') return;
    const shown = ctx.recall(id);
    recordFeedback(ctx.config.FEEDBACK_FILE, body.user.id, rating, shown?.answer, id);
    const t = strings(shown?.lang ?? 'en');
    const text = rating === 'up' ? t.thanksUp : t.thanksDown;
    if (body.response_url) await privately(respond, text);
    else if (body.channel?.id)
      await client.chat.postEphemeral({
        channel: body.channel.id,
        user: body.user.id,
        text,
        ...(body.message?.thread_ts ? { thread_ts: body.message.thread_ts } : {}),
      });
  });

  app.action<BlockButtonAction>(ACTIONS.removeUpload, async ({ ack, action, body, respond }) => {
    await ack();
    await removeUpload(ctx, body.user.id, action.value ?? '', (message) =>
      respond({ response_type: 'ephemeral', replace_original: true, ...message }),
    );
  });
}
