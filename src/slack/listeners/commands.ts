// /plans: acknowledged at once (Slack allows 3 s), answered privately through the response URL,
// restating the query, with a "Share in channel" button.
import type { App } from '@slack/bolt';
import { ask } from '../ask.js';
import type { BotContext } from '../context.js';
import { channelAllowed } from '../guardrails.js';
import { langOf, strings } from '../i18n.js';
import { commandSurface } from '../surfaces/command.js';

export function register(app: App, ctx: BotContext): void {
  app.command('/plans', async ({ command, ack, respond }) => {
    await ack();
    if (!channelAllowed(ctx.config, command.channel_id)) {
      await respond({ response_type: 'ephemeral', text: strings(langOf(command.text)).notEnabled });
      return;
    }
    await ask(
      ctx,
      {
        user: command.user_id,
        text: command.text,
        conversationId: `${command.channel_id}:${command.user_id}:command`,
        restate: `${command.command} ${command.text}`.trim(),
        shareable: true,
        where: 'command',
      },
      commandSurface(respond),
    );
  });
}
