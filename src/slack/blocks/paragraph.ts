// The "Show paragraph" modal: the whole paragraph as a rich-text quote with the cited span in bold,
// where it sits in the plan, and a link to the source page when (and only when) it is http(s).
import type { PlanDocument } from '../../ingest/documents.js';
import { safeLink, slackText } from '../escape.js';
import { strings, type Lang } from '../i18n.js';
import { SLACK_LIMITS } from '../limits.js';
import {
  clip,
  mrkdwnContext,
  plainContext,
  plainSection,
  richText,
  splitText,
  type KnownBlock,
  type View,
} from './kit.js';

type Paragraph = { text: string; sectionPath: string[]; ordinal: number; start: number };

export function paragraphModal(
  doc: PlanDocument,
  paragraph: Paragraph,
  quote: { start: number; end: number } | undefined,
  lang: Lang,
): View {
  const t = strings(lang);
  const meta = [doc.place, String(doc.year), doc.type, ...(doc.issuer !== 'unknown' ? [doc.issuer] : [])].join(' · ');
  const link = safeLink(doc.sourceUrl);
  const blocks: KnownBlock[] = [
    plainSection(doc.title),
    plainContext([meta]),
    ...(link ? [mrkdwnContext(`<${link}|${slackText(t.source, 'mrkdwn')}>`)] : []),
    plainContext([`${t.section}: ${paragraph.sectionPath.join(' > ') || '—'} · ${t.paragraph} ${paragraph.ordinal}`]),
    ...quoteBlocks(paragraph, quote),
  ];
  return {
    type: 'modal',
    title: { type: 'plain_text', text: clip(t.paragraphTitle, SLACK_LIMITS.viewTitle) },
    close: { type: 'plain_text', text: clip(t.close, SLACK_LIMITS.viewTitle) },
    blocks: blocks.slice(0, SLACK_LIMITS.modalBlocks),
  };
}

/** The paragraph as rich_text_quote blocks; the cited span (offsets into the document) in bold. */
function quoteBlocks(paragraph: Paragraph, quote: { start: number; end: number } | undefined): KnownBlock[] {
  const text = paragraph.text;
  const inside = quote && quote.start >= paragraph.start && quote.end <= paragraph.start + text.length;
  const s = inside ? quote.start - paragraph.start : 0;
  const e = inside ? quote.end - paragraph.start : 0;
  // Cut into pieces within the per-block budget, keeping each piece's offset to place the bold span.
  const blocks: KnownBlock[] = [];
  let offset = 0;
  for (const piece of splitText(text, SLACK_LIMITS.richText - 100)) {
    const from = offset;
    const to = offset + piece.length;
    offset = to + (text[to] === '\n' ? 1 : 0);
    const runs = [
      { text: text.slice(from, Math.max(from, Math.min(s, to))), bold: false },
      { text: text.slice(Math.max(from, s), Math.min(to, e)), bold: true },
      { text: text.slice(Math.max(from, e), to), bold: false },
    ].filter((r) => r.text);
    blocks.push({
      type: 'rich_text',
      elements: [
        {
          type: 'rich_text_quote',
          elements: runs.map((r) => (r.bold ? richText(r.text, { bold: true }) : richText(r.text))),
        },
      ],
    });
  }
  return blocks;
}
