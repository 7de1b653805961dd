import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/index/build.js';
import { currentBuild } from '../../src/index/read.js';
import { run } from '../../src/cli/main.js';
import { tempDir, testConfig } from '../helpers/corpus.js';

const currentBuildDir = async (index: string) => (await currentBuild(index))?.dir;

function corpusCopy(): string {
  const dir = tempDir('plans-corpus-');
  cpSync('corpus', dir, { recursive: true });
  return dir;
}

describe('ingest pipeline', () => {
  it('reports each bad file clearly and still ingests the rest of the corpus', async () => {
    const corpus = corpusCopy();
    writeFileSync(join(corpus, 'empty.txt'), '');
    writeFileSync(
      join(corpus, 'binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]),
    );
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    writeFileSync(join(corpus, 'huge.txt'), big);
    mkdirSync(join(corpus, 'nested'));
    symlinkSync('loop', join(corpus, 'nested', 'loop'));
    const index = tempDir();
    const summary = await ingestCorpus({ corpusDir: corpus, indexDir: index, config: testConfig() });
    const messages = Object.fromEntries(summary.problems.map((p) => [p.file, p.message]));
    expect(messages['empty.txt']).toBe('empty file');
    expect(messages['binary.txt']).toBe('binary file, not text');
    expect(messages['huge.txt']).toMatch(/50\.0 MB, over the 20 MB limit/);
    expect(messages['nested/loop']).toMatch(/cannot read/);
    expect(summary.documents).toBe(6);
  });

  it('decodes GB18030 and Big5 files', async () => {
    const iconv = (await import('iconv-lite')).default;
    const corpus = tempDir('plans-enc-');
    const plan = (place: string) =>
      `${place}2032年教育工作要点\n一、总体要求\n1.推进教育现代化。全市新建学校10所，确保学位供给。\n2.加强教师队伍建设。培训教师3000人次。`;
    writeFileSync(join(corpus, 'gb.txt'), iconv.encode(plan('绵阳市'), 'gb18030'));
    writeFileSync(
      join(corpus, 'big5.txt'),
      iconv.encode(
        '德陽市2032年教育工作要點\n一、總體要求\n1.推進教育現代化。全市新建學校10所，確保學位供給。\n2.加強教師隊伍建設。培訓教師3000人次。',
        'big5',
      ),
    );
    const index = tempDir();
    await ingestCorpus({ corpusDir: corpus, indexDir: index, config: testConfig() });
    const { loadIndex } = await import('../../src/index/read.js');
    const store = (await loadIndex(index, testConfig()))!;
    expect(store.documents.map((d) => [d.place, d.year]).sort()).toEqual([
      ['德阳', 2032],
      ['绵阳', 2032],
    ]);
    expect(store.chunks.map((c) => c.text)).toContain('1.推進教育現代化。全市新建學校10所，確保學位供給。');
  });

  it('skips unchanged files and leaves the index alone when nothing changed', async () => {
    const corpus = corpusCopy();
    const index = tempDir();
    const config = testConfig();
    const first = await ingestCorpus({ corpusDir: corpus, indexDir: index, config });
    expect(first.status).toBe('built');
    const build = await currentBuildDir(index);
    const again = await ingestCorpus({ corpusDir: corpus, indexDir: index, config });
    expect(again.status).toBe('unchanged');
    expect(await currentBuildDir(index)).toBe(build);
    writeFileSync(
      join(corpus, 'extra.md'),
      '# 2033年全县教育工作总结\n\n2033年，全县教育系统完成各项任务。新建学校2所。',
    );
    const third = await ingestCorpus({ corpusDir: corpus, indexDir: index, config });
    expect([third.status, third.files, third.documents]).toEqual(['built', 6, 7]);
    // The replaced build is gone: only the serving one is left.
    expect(readdirSync(join(index, 'builds'))).toEqual([(await currentBuildDir(index))!.split('/').at(-1)]);
  });

  it('keeps the existing index when a rebuild fails, with a clear message', async () => {
    const corpus = corpusCopy();
    const index = tempDir();
    await ingestCorpus({ corpusDir: corpus, indexDir: index, config: testConfig() });
    const before = await currentBuildDir(index);

    const onlyBad = tempDir('plans-bad-');
    writeFileSync(join(onlyBad, 'empty.txt'), '');
    await expect(ingestCorpus({ corpusDir: onlyBad, indexDir: index, config: testConfig() })).rejects.toThrow(
      /No plan documents could be ingested.*existing index is unchanged/,
    );
    expect(await currentBuildDir(index)).toBe(before);

    // An embedder that fails mid-build (an OpenAI-compatible server that is not there).
    const failing = testConfig({
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      LLM_MAX_RETRIES: '0',
      LLM_TIMEOUT_MS: '2000',
    });
    await expect(ingestCorpus({ corpusDir: corpus, indexDir: index, config: failing, force: true })).rejects.toThrow();
    expect(await currentBuildDir(index)).toBe(before);
    expect(readdirSync(join(index, 'builds'))).toEqual([before!.split('/').at(-1)]);
    // …and it still answers.
    const { loadIndex } = await import('../../src/index/read.js');
    const { searchPlans } = await import('../../src/retrieval/search.js');
    const still = (await loadIndex(index, testConfig()))!;
    expect((await searchPlans(still, '青岛2020年要建多少个学科教研基地?')).hits[0].chunk.text).toContain(
      '建設200個學科教研基地',
    );
  });

  it('the CLI prints a message, not a stack trace, for a missing corpus directory', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      const code = await run(['ingest', '--corpus', '/nonexistent/corpus', '--index', tempDir()]);
      expect(code).toBe(2);
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).toMatch(/^plans: Corpus directory not found/);
    expect(errors.join('\n')).not.toMatch(/\n\s+at /);
  });
});

describe('an index from an older version', () => {
  it('is rebuilt from the corpus when a command opens it', async () => {
    const { readFileSync: read, writeFileSync: write } = await import('node:fs');
    const { openIndex } = await import('../../src/index/open.js');
    const index = tempDir();
    const config = testConfig();
    await ingestCorpus({ corpusDir: 'corpus', indexDir: index, config });
    const old = await currentBuildDir(index);
    const manifestFile = join(old!, 'manifest.json');
    write(manifestFile, JSON.stringify({ ...JSON.parse(read(manifestFile, 'utf8')), version: 0 }));
    const opened = await openIndex(config, { indexDir: index, corpusDir: 'corpus' });
    expect(opened.dir).not.toBe(old);
    expect(opened.documents).toHaveLength(6);
  });
});

describe('a corpus that changed since the index was built', () => {
  it('is brought up to date when a command opens the index', async () => {
    const { openIndex } = await import('../../src/index/open.js');
    const corpus = corpusCopy();
    const index = tempDir();
    const config = testConfig();
    const first = await openIndex(config, { corpusDir: corpus, indexDir: index });
    expect(first.documents).toHaveLength(6);
    // Opened again with nothing changed: the same build, and the corpus it was built from is remembered.
    expect((await openIndex(config, { indexDir: index })).dir).toBe(first.dir);
    // Files touched but not changed: the same build, and nothing said about a change.
    const notes: string[] = [];
    const note = (line: string) => notes.push(line);
    const { utimesSync, readdirSync } = await import('node:fs');
    for (const f of readdirSync(corpus)) utimesSync(join(corpus, f), new Date(), new Date(Date.now() + 5000));
    expect((await openIndex(config, { indexDir: index, note })).dir).toBe(first.dir);
    expect(notes).toEqual([]);
    writeFileSync(join(corpus, 'added.txt'), '2036年全县教育工作要点\n一、总体要求\n1.新建学校2所。');
    const updated = await openIndex(config, { indexDir: index, note });
    expect(updated.dir).not.toBe(first.dir);
    expect(updated.documents).toHaveLength(7);
    expect(notes).toEqual([expect.stringMatching(/changed since the index was built; updating/)]);
  });
});
