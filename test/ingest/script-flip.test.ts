// Staff's plans come in either script: every real page of the page sets, converted by OpenCC to the other script,
// must be read as the same document — same title (up to script), place, level, year, period and type.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { readMeta } from '../../eval/meta.js';
import { ingestFile } from '../../src/ingest/documents.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const SETS = [
  'eval/unseen',
  'eval/holdout-pages',
  'eval/holdout-pages-2',
  'eval/holdout-pages-3',
  'eval/holdout-pages-4',
];

function read(file: string, text: string) {
  const r = ingestFile({ file, format: 'text', encoding: 'utf-8', sha256: 'x', text });
  return r.documents.map((d) => ({
    title: toSimplified(d.title ?? ''),
    place: d.place,
    level: d.placeLevel,
    year: d.year,
    period: d.years,
    type: d.type,
  }));
}

describe.each(SETS)('%s read in the other script', (dir) => {
  it.each(readMeta(dir).map((m) => [m.file]))('%s', (file) => {
    const text = readFileSync(`${dir}/docs/${file}`, 'utf8');
    // A page mostly in traditional script goes to simplified, any other to traditional.
    const traditional = (text.match(/[們這個為說會國學發與無時]/g) ?? []).length > 5;
    const flipped = traditional ? toSimplified(text) : toTraditional(text);
    expect(flipped).not.toBe(text);
    expect(read(file, flipped)).toEqual(read(file, text));
  });
});
