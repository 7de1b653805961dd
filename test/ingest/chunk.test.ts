import { describe, expect, it } from 'vitest';
import { chunkDocument, MAX_CHUNK_CHARS, sentenceSpans } from '../../src/ingest/chunk.js';
import { toSimplified } from '../../src/text/script.js';
import { bundledChunks, bundledDocuments } from '../helpers/corpus.js';

describe('chunks of the bundled corpus', () => {
  it('slice back to their text from the offsets into the cleaned document, in either script', async () => {
    const docs = new Map((await bundledDocuments()).map((d) => [d.id, d]));
    // The index simplifies each document once and slices chunks out of it: that needs the conversion
    // to keep every character in place.
    const simplified = new Map([...docs].map(([id, d]) => [id, toSimplified(d.text)]));
    for (const c of await bundledChunks()) {
      expect(docs.get(c.docId)!.text.slice(c.start, c.end)).toBe(c.text);
      expect(simplified.get(c.docId)!.slice(c.start, c.end)).toBe(toSimplified(c.text));
    }
  });

  it('start a chunk at each of Qingdao 2020’s items 1–26, under the right top-level section', async () => {
    const qd = (await bundledDocuments()).find((d) => d.place === '青岛')!;
    const chunks = (await bundledChunks()).filter((c) => c.docId === qd.id);
    const topOf = (n: number) =>
      n <= 5 ? '一、' : n <= 9 ? '二、' : n <= 12 ? '三、' : n <= 17 ? '四、' : n <= 21 ? '五、' : '六、';
    for (let n = 1; n <= 26; n++) {
      const chunk = chunks.find((c) => c.text.startsWith(`${n}.`));
      expect(chunk, `item ${n}`).toBeDefined();
      expect(chunk!.sectionPath[0].startsWith(topOf(n)), `item ${n}`).toBe(true);
      expect(chunk!.sectionPath[1].startsWith(`${n}.`)).toBe(true);
    }
  });

  it('never cross a top-level section and never cut a sentence', async () => {
    const docs = new Map((await bundledDocuments()).map((d) => [d.id, d]));
    for (const c of await bundledChunks()) {
      const doc = docs.get(c.docId)!;
      const tops = doc.outline.filter((o) => o.level === 1 && o.start > c.start && o.start < c.end);
      expect(tops, c.id).toEqual([]);
      expect(c.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
      const next = doc.text[c.end];
      expect(next === undefined || next === '\n' || /[。；;！!？?”」）)]$/.test(c.text), c.id).toBe(true);
    }
  });

  it('splits long paragraphs at sentence ends with overlap, and at inline 一是/二是 items', () => {
    const item = (n: string) =>
      `${n}是聚焦重点任务，${'持续推进各项工作落实落地'.repeat(8)}。${'加强统筹协调和督促检查'.repeat(5)}。`;
    const text = `会议提出要抓好四项工作。${item('一')}${item('二')}${item('三')}${item('四')}`;
    const { chunks } = chunkDocument('d', text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(chunks.some((c) => c.sectionPath.at(-1)?.startsWith('二是聚焦重点任务'))).toBe(true);
  });

  it('ends a sentence at an ASCII ! or ? only when it is sentence-final, never inside <!channel> or an address', () => {
    const text =
      '请<!channel>和<!here|here>注意：今年新建学校10所! 详见<https://edu.example.cn/a?id=3&b=1|通知>。' +
      '是否完成?请于月底前上报!“双减”成效要巩固?! 访问 example.cn/?q=1 或 Yahoo!Mail；全面落实。';
    const sentences = sentenceSpans(text).map(([s, e]) => text.slice(s, e));
    expect(sentences).toEqual([
      '请<!channel>和<!here|here>注意：今年新建学校10所!',
      ' 详见<https://edu.example.cn/a?id=3&b=1|通知>。',
      '是否完成?',
      '请于月底前上报!',
      '“双减”成效要巩固?!',
      ' 访问 example.cn/?q=1 或 Yahoo!Mail；',
      '全面落实。',
    ]);
    expect(sentences.join('')).toBe(text);
    // Chunks of a long paragraph split at sentence ends, so a token is never cut.
    const long = `${'<!channel> 各校要落实“双减”政策，持续推进各项工作落实落地，加强统筹协调和督促检查'.repeat(12)}。`;
    for (const c of chunkDocument('d', long).chunks) expect(c.text).not.toMatch(/^channel>|<!$/);
  });
});
