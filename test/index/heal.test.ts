// The index heals: every file of a build damaged in turn (emptied, truncated, overwritten, deleted)
// is noticed when the index is opened, and the rebuilt index answers exactly as before.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { ingestCorpus } from '../../src/index/build.js';
import { openIndex } from '../../src/index/open.js';
import { currentBuild, IndexDamagedError, loadIndex } from '../../src/index/read.js';
import { tempDir, testConfig } from '../helpers/corpus.js';

const QUESTIONS = [
  '青岛2020年要建多少个学科教研基地?',
  '湘西州2020年控辍保学有什么要求?',
  '广州2021年教育工作要点有哪些?',
];
const DAMAGE = {
  emptied: (file: string) => writeFileSync(file, ''),
  truncated: (file: string) => truncateSync(file, Math.floor(readFileSync(file).length / 2)),
  overwritten: (file: string) => {
    const bytes = readFileSync(file);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (bytes[i] * 31 + 7) & 0xff;
    writeFileSync(file, bytes);
  },
  deleted: (file: string) => rmSync(file),
};
type Damage = keyof typeof DAMAGE;

const config = testConfig();
const answersOf = async (index: Awaited<ReturnType<typeof openIndex>>) =>
  Promise.all(QUESTIONS.map(async (q) => JSON.stringify(await answerQuestion(index, q, config))));

let pristine: string;
let buildFiles: string[];
let expected: string[];

/** A copy of the pristine index, with one file of its build damaged. */
function damagedCopy(file: string, damage: Damage): string {
  const dir = tempDir('plans-damaged-');
  cpSync(pristine, dir, { recursive: true });
  const build = readdirSync(join(dir, 'builds'))[0];
  DAMAGE[damage](file === 'CURRENT' ? join(dir, 'CURRENT') : join(dir, 'builds', build, file));
  return dir;
}

describe('a damaged index', () => {
  beforeAll(async () => {
    pristine = tempDir('plans-pristine-');
    await ingestCorpus({ corpusDir: 'corpus', indexDir: pristine, config });
    const build = await currentBuild(pristine);
    buildFiles = ['manifest.json', ...build!.manifest.files.map((f) => f.name)];
    expected = await answersOf((await loadIndex(pristine, config))!);
  });

  it('is noticed on opening, whichever file is damaged and however', async () => {
    for (const file of buildFiles)
      for (const damage of Object.keys(DAMAGE) as Damage[]) {
        const dir = damagedCopy(file, damage);
        await expect(loadIndex(dir, config), `${file} ${damage}`).rejects.toBeInstanceOf(IndexDamagedError);
        rmSync(dir, { recursive: true });
      }
  });

  it('is rebuilt from its corpus with a one-line note, and answers exactly as before', async () => {
    const kinds = Object.keys(DAMAGE) as Damage[];
    // Every file once, the kind of damage rotating (each kind is detected for every file above).
    for (const [i, file] of [...buildFiles, 'CURRENT'].entries()) {
      const damage = kinds[i % kinds.length];
      const dir = damagedCopy(file, damage);
      const notes: string[] = [];
      const index = await openIndex(config, { indexDir: dir, note: (line) => notes.push(line) });
      expect(await answersOf(index), `${file} ${damage}`).toEqual(expected);
      // A deleted CURRENT is no index at all; any other damage is said in one line.
      if (file !== 'CURRENT' || damage !== 'deleted')
        expect(notes.join('\n'), `${file} ${damage}`).toMatch(/damaged .*rebuilding it from/);
      // Only the new build is left.
      expect(readdirSync(join(dir, 'builds'))).toHaveLength(1);
      rmSync(dir, { recursive: true });
    }
  }, 180_000);

  it('is rebuilt by `plans ingest` too, which would otherwise say nothing changed', async () => {
    const dir = damagedCopy('postings.data', 'overwritten');
    const summary = await ingestCorpus({ corpusDir: 'corpus', indexDir: dir, config });
    expect(summary.status).toBe('built');
    expect(summary.reason).toMatch(/postings\.data: checksum/);
    expect(await answersOf((await loadIndex(dir, config))!)).toEqual(expected);
  });

  it('is reported in one line by the CLI, not a stack trace, and the command still answers', () => {
    const dir = damagedCopy('vectors.i8', 'truncated');
    const r = spawnSync('node', ['--import', 'tsx', 'src/cli/bin.ts', 'ask', QUESTIONS[0], '--index', dir], {
      encoding: 'utf8',
      env: process.env,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('建設200個學科教研基地');
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => /damaged/.test(l))).toEqual([expect.stringMatching(/vectors\.i8.*rebuilding/)]);
    // The rest is the rebuild's progress.
    expect(lines.filter((l) => !/damaged/.test(l)).every((l) => /^Index(ing:| ready)/.test(l))).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('builds of one index directory', () => {
  it('run one at a time: three concurrent forced ingests all succeed, leaving one build', async () => {
    const dir = tempDir('plans-concurrent-');
    const runs = Array.from(
      { length: 3 },
      () =>
        new Promise<{ code: number | null; err: string }>((resolve) => {
          const child = spawn('node', ['--import', 'tsx', 'src/cli/bin.ts', 'ingest', '--force', '--index', dir], {
            env: process.env,
          });
          let err = '';
          child.stderr.on('data', (d) => (err += d));
          child.on('close', (code) => resolve({ code, err }));
        }),
    );
    const results = await Promise.all(runs);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(readdirSync(join(dir, 'builds'))).toHaveLength(1);
    expect((await loadIndex(dir, config))!.documents).toHaveLength(6);
  }, 120_000);

  it('take over a lock whose heartbeat stopped: left by another host, or naming a pid now reused', async () => {
    const { hostname } = await import('node:os');
    const { utimesSync } = await import('node:fs');
    for (const owner of [
      { pid: 4242, host: 'a-container-long-gone', since: '' },
      // pid 1 is alive on any machine: only the stopped heartbeat says the lock is stale.
      { pid: 1, host: hostname(), since: '' },
    ]) {
      const dir = tempDir('plans-foreign-lock-');
      writeFileSync(join(dir, 'LOCK'), JSON.stringify(owner));
      const twoMinutesAgo = new Date(Date.now() - 120_000);
      utimesSync(join(dir, 'LOCK'), twoMinutesAgo, twoMinutesAgo);
      const notes: string[] = [];
      const summary = await ingestCorpus({ corpusDir: 'corpus', indexDir: dir, config, note: (l) => notes.push(l) });
      expect(summary.status, owner.host).toBe('built');
      expect(readdirSync(dir)).not.toContain('LOCK');
    }
  });

  it('take over a lock left by a process that is gone, and remove builds a killed ingest left behind', async () => {
    const dir = tempDir('plans-stale-');
    mkdirSync(join(dir, 'builds', 'left-by-a-killed-ingest'), { recursive: true });
    writeFileSync(join(dir, 'builds', 'left-by-a-killed-ingest', 'documents.json'), '[');
    const gone = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const { hostname } = await import('node:os');
    writeFileSync(join(dir, 'LOCK'), JSON.stringify({ pid: Number(gone.stdout), host: hostname(), since: '' }));
    const summary = await ingestCorpus({ corpusDir: 'corpus', indexDir: dir, config });
    expect(summary.status).toBe('built');
    expect(readdirSync(join(dir, 'builds'))).toEqual([(await currentBuild(dir))!.id]);
    expect(readdirSync(dir)).not.toContain('LOCK');
  });
});

describe('an ingest that finds nothing to change', () => {
  it('still removes builds a killed ingest left behind', async () => {
    const dir = tempDir('plans-leftover-');
    await ingestCorpus({ corpusDir: 'corpus', indexDir: dir, config });
    mkdirSync(join(dir, 'builds', 'left-by-a-killed-ingest'));
    const summary = await ingestCorpus({ corpusDir: 'corpus', indexDir: dir, config });
    expect(summary.status).toBe('unchanged');
    expect(readdirSync(join(dir, 'builds'))).toEqual([(await currentBuild(dir))!.id]);
  });

  it('reads the files it skipped as too large once MAX_FILE_MB is raised', async () => {
    const corpus = tempDir('plans-limit-');
    cpSync('corpus', corpus, { recursive: true });
    const big = '2030年某县教育工作要点\n一、重点任务\n1.新建学校3所。\n' + '　\n'.repeat(600_000);
    writeFileSync(join(corpus, 'big.txt'), big);
    const dir = tempDir('plans-limit-index-');
    const small = await ingestCorpus({ corpusDir: corpus, indexDir: dir, config: testConfig({ MAX_FILE_MB: '1' }) });
    expect(small.problems.map((p) => p.file)).toEqual(['big.txt']);
    const raised = await ingestCorpus({ corpusDir: corpus, indexDir: dir, config: testConfig({ MAX_FILE_MB: '5' }) });
    expect(raised.status).toBe('built');
    expect(raised.problems).toEqual([]);
    expect(raised.documents).toBe(small.documents + 1);
  });
});

describe('an index that cannot be updated', () => {
  it('keeps answering from the build it has, saying why in one line', async () => {
    const corpus = tempDir('plans-update-fails-');
    cpSync('corpus', corpus, { recursive: true });
    const dir = tempDir('plans-update-fails-index-');
    await ingestCorpus({ corpusDir: corpus, indexDir: dir, config });
    // Every plan replaced by something unreadable: an update would leave nothing to serve.
    for (const f of readdirSync(corpus)) rmSync(join(corpus, f));
    writeFileSync(join(corpus, 'empty.txt'), '');
    const notes: string[] = [];
    const index = await openIndex(config, { corpusDir: corpus, indexDir: dir, note: (l) => notes.push(l) });
    expect(index.documents).toHaveLength(6);
    expect(notes.at(-1)).toMatch(/^No plan documents could be ingested .* Answering from the index as it was built\.$/);
  });

  it('is refused in one line when its directory is a file', () => {
    const file = join(tempDir('plans-index-file-'), 'not-a-directory');
    writeFileSync(file, 'x');
    const r = spawnSync('node', ['--import', 'tsx', 'src/cli/bin.ts', 'ingest', '--index', file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`plans: Cannot write the index in ${file}: it is a file, not a directory.`);
  });

  it('is refused in one line, at once, where no directory can be made (Node’s own mkdir never returns there)', () => {
    const r = spawnSync('node', ['--import', 'tsx', 'src/cli/bin.ts', 'ingest', '--index', '/proc/plans-index'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'plans: Cannot write the index in /proc/plans-index: the directory cannot be created there.',
    );
  });
});
