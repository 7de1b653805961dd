// The App Home tab: how to ask, and the indexed plans (titles shown literally).
import type { PlanDocument } from '../../ingest/documents.js';
import { strings, type Lang } from '../i18n.js';
import { SLACK_LIMITS } from '../limits.js';
import { mrkdwnSection, plainContext, plainSection, splitText, type KnownBlock, type View } from './kit.js';

export const docLine = (d: PlanDocument) => `• ${d.place} · ${d.year} · ${d.type} — ${d.title}`;

export function homeView(documents: PlanDocument[], lang: Lang = 'en'): View {
  const t = strings(lang);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'plans-bot: education plans, with sources' } },
    mrkdwnSection(
      'Ask about the indexed plans in simplified or traditional Chinese or in English. Every answer quotes, word for word, the paragraphs it rests on.',
    ),
    mrkdwnSection(
      [
        '*How to ask*',
        '• Open plans-bot in the AI side panel, or mention me in a channel: `@plans-bot 青岛2020年普惠性幼儿园覆盖率要达到多少?` — I answer in the thread, and replies in that thread are follow-ups.',
        '• Send me a direct message.',
        '• `/plans ask …`, `/plans summary 青岛 2020`, `/plans search 集团化办学`, `/plans compare 青岛 湘西 智慧教育`, `/plans docs`, `/plans help`',
      ].join('\n'),
    ),
    { type: 'divider' },
    plainSection(t.indexedPlans(documents.length)),
  ];
  for (const piece of splitText(documents.map(docLine).join('\n'))) blocks.push(plainSection(piece));
  const kept = blocks.slice(0, SLACK_LIMITS.homeBlocks - 1);
  if (blocks.length > kept.length) kept.push(plainContext([t.morePlans]));
  return { type: 'home', blocks: kept };
}
