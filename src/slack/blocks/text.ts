// Messages that are not answers: help and short notes (the bot's own mrkdwn, escaped), and the list
// of indexed plans (document text, shown literally).
import type { PlanDocument } from '../../ingest/documents.js';
import { SLACK_LIMITS } from '../limits.js';
import { escapedWithin, mrkdwnSection, plainContext, plainSection, splitText, type KnownBlock } from './kit.js';
import { docLine } from './home.js';

export function textBlocks(text: string, restate?: string): KnownBlock[] {
  return [...(restate ? [plainContext([restate])] : []), ...splitText(text).map(mrkdwnSection)].slice(
    0,
    SLACK_LIMITS.messageBlocks,
  );
}

export function docsBlocks(documents: PlanDocument[], restate?: string): KnownBlock[] {
  return [
    ...(restate ? [plainContext([restate])] : []),
    ...splitText(documents.map(docLine).join('\n')).map(plainSection),
  ].slice(0, SLACK_LIMITS.messageBlocks);
}

/** A message's `text` fallback for any string. */
export const fallbackText = (text: string) => escapedWithin(text, 3000, 'mrkdwn');
