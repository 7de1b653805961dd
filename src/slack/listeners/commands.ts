// /plans: acknowledged at once (Slack allows 3 s), answered through the response URL, ephemeral,
// restating the query, with a "Share in channel" button.
import type { App } from '@slack/bolt';
import { runCommand } from '../../answer/dispatch.js';
import type { BotContext } from '../context.js';
import { channelAllowed, checkQuestion, friendlyFailure } from '../guardrails.js';
import { messageFor } from '../reply.js';

export function register(app: App, ctx: BotContext): void {
  app.command('/plans', async ({ command, ack, respond }) => {
    await ack();
    const restate = `${command.command} ${command.text}`.trim();
    if (!channelAllowed(ctx.config, command.channel_id)) {
      await respond({
        response_type: 'ephemeral',
        text: 'plans-bot is not enabled in this channel. Ask in a direct message instead.',
      });
      return;
    }
    const check = checkQuestion(ctx.config, ctx.limiter, command.user_id, command.text);
    if (check.refused) {
      await respond({ response_type: 'ephemeral', text: check.message });
      return;
    }
    try {
      const result = await runCommand(ctx.index, ctx.config, command.text, {
        store: ctx.conversations,
        id: `${command.channel_id}:${command.user_id}:command`,
      });
      await respond({ response_type: 'ephemeral', ...messageFor(ctx, result, { restate, shareable: true }) });
    } catch (err) {
      await respond({ response_type: 'ephemeral', text: friendlyFailure(err, 'command') });
    }
  });
}
