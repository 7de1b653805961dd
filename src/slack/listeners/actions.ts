// Button clicks: "Show paragraph" opens a modal with the whole paragraph; "Share in channel" posts
// the answer for everyone; 👍 / 👎 are stored with the question, answer and sources.
import type { App, BlockButtonAction } from '@slack/bolt';
import { ACTIONS, answerBlocks, answerText, paragraphModal } from '../blocks.js';
import type { BotContext } from '../context.js';
import { recordFeedback } from '../../answer/feedback.js';
import { friendlyFailure } from '../guardrails.js';

type ParagraphRef = { doc: string; ordinal: number; start: number; end: number };

export function register(app: App, ctx: BotContext): void {
  app.action<BlockButtonAction>(
    new RegExp(`^${ACTIONS.showParagraph}`),
    async ({ ack, body, action, client, respond }) => {
      await ack();
      try {
        const ref = JSON.parse(action.value ?? '{}') as ParagraphRef;
        const doc = ctx.index.docById.get(ref.doc);
        const chunk = ctx.index.chunks.find((c) => c.docId === ref.doc && c.ordinal === ref.ordinal);
        if (!doc || !chunk) {
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            text: 'That paragraph is no longer in the index (the plans were re-ingested). Ask again to get fresh sources.',
          });
          return;
        }
        await client.views.open({
          trigger_id: body.trigger_id,
          view: paragraphModal(doc, chunk, { start: ref.start, end: ref.end }),
        });
      } catch (err) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: friendlyFailure(err, 'show_paragraph'),
        });
      }
    },
  );

  app.action<BlockButtonAction>(ACTIONS.share, async ({ ack, action, body, respond }) => {
    await ack();
    const shown = ctx.recall(action.value ?? '');
    if (!shown) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That answer has expired; ask again to share it.',
      });
      return;
    }
    const blocks = answerBlocks(shown.answer, {
      restate: shown.restate,
      sharedBy: body.user.id,
      answerId: action.value,
    });
    await respond({ response_type: 'in_channel', replace_original: false, text: answerText(shown.answer), blocks });
  });

  for (const [actionId, rating] of [
    [ACTIONS.feedbackUp, 'up'],
    [ACTIONS.feedbackDown, 'down'],
  ] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, respond }) => {
      await ack();
      recordFeedback(ctx.config.FEEDBACK_FILE, body.user.id, rating, ctx.recall(action.value ?? '')?.answer);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text:
          rating === 'up' ? 'Thanks — glad it helped.' : 'Thanks — noted. The sources above show what the plans say.',
      });
    });
  }
}
