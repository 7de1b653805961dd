// The App Home tab: the indexed documents, how to ask, examples.
import type { App } from '@slack/bolt';
import { homeView } from '../blocks/home.js';
import type { BotContext } from '../context.js';

export function register(app: App, ctx: BotContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView(ctx.index.documents) });
  });
}
