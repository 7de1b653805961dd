// One question, whatever the surface: guardrails, then a job for the answering threads, with the
// surface told what to show meanwhile (working, or in line) and at the end. `docs` and `help` are
// answered at once and do not count against the rate limit; everything else is a question.
import { HELP } from '../answer/dispatch.js';
import type { AnswerOutcome } from './answering/job.js';
import { fallbackText, docsBlocks, textBlocks } from './blocks/text.js';
import type { KnownBlock } from './blocks/kit.js';
import type { BotContext } from './context.js';
import { checkQuestion, friendlyFailure } from './guardrails.js';
import { langOf, strings, type Lang } from './i18n.js';

/** How a surface shows a question's progress and its answer. */
export type Surface = {
  /** The question is being answered (`ahead` = 0) or waits behind `ahead` others. */
  progress(ahead: number, lang: Lang): Promise<void>;
  answer(outcome: AnswerOutcome, lang: Lang): Promise<void>;
  /** A message instead of an answer: the list of plans, help, a refusal, a failure. */
  note(message: { text: string; blocks?: KnownBlock[] }, lang: Lang): Promise<void>;
};

export type Question = {
  user: string;
  text: string;
  /** The conversation this question continues (a thread, a DM). */
  conversationId?: string;
  /** Earlier questions in the thread, read only when the bot does not remember the conversation. */
  history?: () => Promise<string[]>;
  restate?: string;
  shareable?: boolean;
  where: string;
};

export async function ask(ctx: BotContext, q: Question, surface: Surface): Promise<void> {
  const lang = langOf(q.text);
  const t = strings(lang);
  const verb = q.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  // Requests already read off the sockets are acknowledged before this one's work begins.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    if (verb === 'docs' || verb === 'help' || !q.text.trim()) {
      const blocks = verb === 'docs' ? docsBlocks(ctx.index.documents, q.restate) : textBlocks(HELP, q.restate);
      return await surface.note(
        { text: fallbackText(verb === 'docs' ? `${ctx.index.documents.length} plans` : HELP), blocks },
        lang,
      );
    }
    const check = checkQuestion(ctx.config, ctx.limiter, q.user, q.text, lang);
    if (check.refused) return await surface.note({ text: fallbackText(check.message) }, lang);

    const id = q.conversationId;
    const history = id && !ctx.conversations.turns(id).length && q.history ? await q.history() : undefined;
    const answerId = ctx.newAnswerId();
    // Answering starts once Slack has every acknowledgement it is waiting for: on two cores, an
    // answering thread busy during a burst takes the time the acknowledgements need.
    await ctx.acknowledgementsFirst();
    const queued = ctx.answerer.submit({
      key: id,
      build: () => ({
        text: q.text,
        lang,
        answerId,
        restate: q.restate,
        shareable: q.shareable,
        conversation: id ? { id, turns: ctx.conversations.turns(id), history } : undefined,
      }),
      settle: (outcome) => {
        if (id) for (const turn of outcome.added) ctx.conversations.add(id, turn);
        if (outcome.result.kind === 'answer')
          ctx.remember({ answer: outcome.result.answer, restate: q.restate, lang }, answerId);
      },
    });
    if (queued.full) return await surface.note({ text: fallbackText(t.busy) }, lang);
    await surface.progress(queued.ahead, lang);
    const outcome = await queued.done;
    await ctx.acknowledgementsFirst();
    await surface.answer(outcome, lang);
  } catch (err) {
    await surface.note({ text: fallbackText(friendlyFailure(err, q.where, lang)) }, lang).catch(() => {});
  }
}
