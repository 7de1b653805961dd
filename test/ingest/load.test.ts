// Reading a corpus directory safely: every real file once whatever the links, and every text file in
// the encoding that decodes it cleanly.
import { cpSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/documents.js';
import { corpusFingerprint, loadCorpus } from '../../src/ingest/load.js';
import { GARBLED } from '../../src/ingest/mojibake.js';
import { tempDir } from '../helpers/corpus.js';

const MAX_BYTES = { maxFileBytes: 50 * 1024 * 1024 };
const PLAN = '2032年全县教育工作要点\n一、总体要求\n1.新建学校2所，新增学位1800个。\n';

describe('symbolic links', () => {
  it('reads each real file once: a link to its own parent, two links forming a loop, links to files', async () => {
    const corpus = tempDir('plans-links-');
    cpSync('corpus', corpus, { recursive: true });
    mkdirSync(join(corpus, 'a'));
    mkdirSync(join(corpus, 'b'));
    writeFileSync(join(corpus, 'a', 'county.txt'), PLAN);
    symlinkSync('.', join(corpus, 'loop')); // ln -s . corpus/loop
    symlinkSync('../b', join(corpus, 'a', 'to-b')); // a/to-b → b, b/to-a → a
    symlinkSync('../a', join(corpus, 'b', 'to-a'));
    symlinkSync('000_cac1bf2761665676.txt', join(corpus, 'latest.txt')); // a second name for a file
    linkSync(join(corpus, 'a', 'county.txt'), join(corpus, 'b', 'hard-link.txt'));
    // A file outside the corpus, linked in: read under the link's name.
    const outside = tempDir('plans-outside-');
    writeFileSync(join(outside, 'elsewhere.txt'), PLAN.replace('全县', '全区'));
    symlinkSync(join(outside, 'elsewhere.txt'), join(corpus, 'b', 'linked.txt'));

    const { files, problems } = await loadCorpus(corpus, MAX_BYTES);
    expect(problems).toEqual([]);
    expect(files.map((f) => f.file)).toEqual([
      '000_cac1bf2761665676.txt',
      '001_bd21d4014cef2a4c.txt',
      '002_0c34e5e5763467a3.txt',
      '003_68e4817491ed8267.txt',
      '004_10dafd72f5573692.txt',
      'a/county.txt',
      'b/linked.txt',
    ]);
    expect(files.flatMap((f) => ingestFile(f).documents)).toHaveLength(8);
    // The fingerprint walks the same way, so it ends too.
    expect(await corpusFingerprint(corpus)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a broken link by name and reads the rest', async () => {
    const corpus = tempDir('plans-broken-link-');
    writeFileSync(join(corpus, 'plan.txt'), PLAN);
    symlinkSync('missing.txt', join(corpus, 'gone.txt'));
    symlinkSync('self', join(corpus, 'self'));
    const { files, problems } = await loadCorpus(corpus, MAX_BYTES);
    expect(files.map((f) => f.file)).toEqual(['plan.txt']);
    expect(problems).toEqual([
      { file: 'gone.txt', message: 'cannot read (ENOENT)' },
      { file: 'self', message: 'cannot read (ELOOP)' },
    ]);
  });
});

describe('which files are read', () => {
  it('skips hidden files and Office lock files, and reports two files that would share a document id', async () => {
    const corpus = tempDir('plans-names-');
    writeFileSync(join(corpus, 'plan.txt'), PLAN);
    writeFileSync(join(corpus, 'plan.md'), PLAN);
    writeFileSync(join(corpus, '.hidden.txt'), PLAN);
    writeFileSync(join(corpus, '~$plan.docx'), Buffer.from([0x06, 0x41, 0x64, 0x6d]));
    writeFileSync(join(corpus, 'notes.rtf'), PLAN);
    const { files, problems } = await loadCorpus(corpus, MAX_BYTES);
    expect(files.map((f) => f.file)).toEqual(['plan.md']);
    expect(problems).toEqual([
      { file: 'plan.txt', message: expect.stringMatching(/^same name as plan\.md .*rename one/) },
    ]);
  });

  it('notices a new PDF in the fingerprint', async () => {
    const corpus = tempDir('plans-fingerprint-');
    writeFileSync(join(corpus, 'plan.txt'), PLAN);
    const before = await corpusFingerprint(corpus);
    cpSync('test/fixtures/formats/scanned/scan.pdf', join(corpus, 'scan.pdf'));
    expect(await corpusFingerprint(corpus)).not.toBe(before);
  });
});

describe('encodings', () => {
  const original = readFileSync('corpus/003_68e4817491ed8267.txt', 'utf8');

  async function loadBytes(bytes: Buffer) {
    const corpus = tempDir('plans-encoding-');
    writeFileSync(join(corpus, 'plan.txt'), bytes);
    const { files, problems } = await loadCorpus(corpus, MAX_BYTES);
    expect(problems).toEqual([]);
    return files[0];
  }

  it('keeps a UTF-8 file with a few stray bytes as UTF-8, the bytes marked as garbled', async () => {
    const utf8 = Buffer.from(original, 'utf8');
    const at = utf8.indexOf(Buffer.from('1.加强党的全面领导。')) + Buffer.byteLength('1.加');
    const damaged = Buffer.concat([utf8.subarray(0, at), Buffer.from([0xff, 0x80]), utf8.subarray(at)]);
    const file = await loadBytes(damaged);
    expect(file.encoding).toBe('utf-8');
    expect(file.text.split('\n')).toHaveLength(original.split('\n').length);
    const damagedLine = file.text.split('\n').find((l) => l.includes(GARBLED))!;
    expect(damagedLine.startsWith('1.')).toBe(true);
    // Every other line is exactly as written.
    expect(file.text.replace(/\uFFFD+/, '')).toBe(original);
    const { chunks } = ingestFile(file);
    expect(chunks.filter((c) => c.garbled)).toHaveLength(1);
    expect(chunks.find((c) => c.text.startsWith('2.建强抓实基层党建'))).toBeDefined();
  });

  it('decodes whole plans saved as GB18030 and as Big5', async () => {
    const gb = await loadBytes(iconv.encode(original, 'gb18030'));
    expect([gb.encoding, gb.text]).toEqual(['gb18030', original]);
    const traditional = readFileSync('corpus/001_bd21d4014cef2a4c.txt', 'utf8');
    const big5Bytes = iconv.encode(traditional, 'big5');
    const big5 = await loadBytes(big5Bytes);
    // (Characters Big5 has no code for were lost when saving, not when reading.)
    expect([big5.encoding, big5.text]).toEqual(['big5', iconv.decode(big5Bytes, 'big5')]);
    expect(ingestFile(big5).documents.map((d) => [d.place, d.year])).toEqual([['青岛', 2020]]);
  });

  it('keeps a GB18030 file with a stray byte as GB18030, and reads UTF-16 by its byte order mark', async () => {
    const gbBytes = iconv.encode(original, 'gb18030');
    const gb = await loadBytes(Buffer.concat([gbBytes.subarray(0, 2001), Buffer.from([0xff]), gbBytes.subarray(2001)]));
    expect(gb.encoding).toBe('gb18030');
    expect(gb.text.slice(0, 500)).toBe(original.slice(0, 500));
    const utf16 = await loadBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le')]));
    expect([utf16.encoding, utf16.text]).toEqual(['utf-16le', original]);
  });
});
