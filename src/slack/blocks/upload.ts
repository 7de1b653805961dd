// What the bot read from a plan an admin shared: one line per document (title, place, year or
// period, type, paragraphs), and a button to remove the file again.
import type { PlanDocument } from '../../ingest/documents.js';
import { strings, type Lang } from '../i18n.js';
import { ACTIONS, button, plainContext, plainSection, type KnownBlock } from './kit.js';

const period = (d: PlanDocument) =>
  d.years !== 'unknown' && d.years[0] !== d.years[1] ? `${d.years[0]}—${d.years[1]}` : String(d.year);

export function uploadBlocks(name: string, file: string, documents: PlanDocument[], lang: Lang): KnownBlock[] {
  const t = strings(lang);
  return [
    plainSection(t.uploadAdded(name)),
    ...documents
      .slice(0, 40)
      .map((d) => plainContext([d.title, d.place, period(d), d.type, `${d.paragraphs} ${t.paragraphs}`])),
    {
      type: 'actions',
      elements: [button(t.uploadRemove, ACTIONS.removeUpload, JSON.stringify({ file, lang }), 'danger')],
    },
  ];
}
