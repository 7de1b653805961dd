// The unseen development set (eval/unseen/): every page read as a clerk files it — one document per
// titled plan, with its title, place, year/period and type — and no pinyin annotation in any chunk.
import { readFileSync } from 'node:fs';
import { readMeta, type Meta } from '../../eval/meta.js';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/documents.js';
import { bundledCorpus, bundledDocuments } from '../helpers/corpus.js';

const DIR = 'eval/unseen';
const metas: Meta[] = readMeta(DIR);
const read = (m: Meta) =>
  ingestFile({
    file: m.file,
    format: 'text',
    encoding: 'utf-8',
    sha256: 'x',
    text: readFileSync(`${DIR}/docs/${m.file}`, 'utf8'),
  });

describe('metadata of the unseen pages', () => {
  it.each(metas.map((m) => [m.file, m] as const))('%s', (_file, m) => {
    const r = read(m);
    expect(r.documents).toHaveLength(1);
    const [doc] = r.documents;
    expect({ title: doc.title, year: doc.year, period: doc.years, type: doc.type }).toEqual({
      title: m.title,
      year: m.year,
      period: m.period,
      type: m.type,
    });
    expect(doc.place).toBe(m.place);
    expect(doc.placeLevel).toBe(m.level === 'prefecture' ? 'prefecture' : m.level);
    if (m.parent) expect(doc.placeParents).toContain(m.parent);
  });

  it('leaves no pinyin annotation, HTML or image link in any chunk, and offsets still slice the text', () => {
    for (const m of metas) {
      const r = read(m);
      for (const c of r.chunks) {
        expect(c.text, c.id).not.toMatch(/[(（]\s?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\s?[)）]/);
        expect(c.text, c.id).not.toMatch(/<\/?[a-z][^>]*>|!\[[^\]]*\]\(/i);
        expect(r.documents[0].text.slice(c.start, c.end)).toBe(c.text);
      }
    }
  });

  it('keeps quotable text verbatim, pinyin aside', () => {
    const text = (file: string) => read(metas.find((m) => m.file === file)!).documents[0].text;
    expect(text('u19_meixian_2023huiyi.txt')).toContain('固定資產投資3.9億元');
    expect(text('u20_zixing_2023huiyi.txt')).toContain('率先實施“縣管校聘”改革');
    expect(text('u09_xilinguole_shisanwu.txt')).toContain('全面提升教育教学质量');
  });
});

describe('the bundled corpus reads as before', () => {
  it('6 documents with the same place, year and type', async () => {
    const docs = await bundledDocuments();
    expect(docs.map((d) => [d.file.slice(0, 3), d.place, d.year, d.type])).toEqual([
      ['000', '甘肃', 2020, '会议报道'],
      ['001', '青岛', 2020, '工作要点'],
      ['002', '广州', 2020, '工作总结'],
      ['002', '广州', 2021, '工作要点'],
      ['003', '湘西', 2020, '工作要点'],
      ['004', 'unknown', 2023, '工作要点'],
    ]);
    expect(docs.map((d) => d.title)).toEqual([
      '2020年全省教育工作會議',
      '2020年全市教育工作要點',
      '2020年市教育工作總結',
      '2021年廣州教育工作要點',
      '2020年全州教育和体育工作要点',
      '2023年全市教育工作要点',
    ]);
    expect((await bundledCorpus()).map((f) => f.documents.length)).toEqual([1, 1, 2, 1, 1]);
  });
});
