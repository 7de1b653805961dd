// One real index on disk, built from the bundled corpus, shared by a test file.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestCorpus } from '../../src/index/build.js';
import { loadIndex } from '../../src/index/read.js';
import type { PlanIndex } from '../../src/index/store.js';
import { tempDir, testConfig } from './corpus.js';

let built: Promise<{ dir: string; index: PlanIndex }> | undefined;
export function bundledIndex(): Promise<{ dir: string; index: PlanIndex }> {
  built ??= (async () => {
    const dir = tempDir('plans-index-');
    await ingestCorpus({ corpusDir: 'corpus', indexDir: dir, config: testConfig() });
    return { dir, index: (await loadIndex(dir, testConfig()))! };
  })();
  return built;
}

/**
 * A real index on disk of the bundled plans and some pages of a test's own, so that the pages' words
 * are weighed as in a real corpus (a one-page corpus makes every word rare).
 */
export async function bundledIndexWith(pages: Record<string, string>): Promise<PlanIndex> {
  const corpus = tempDir('plans-corpus-');
  cpSync('corpus', corpus, { recursive: true });
  for (const [file, text] of Object.entries(pages)) writeFileSync(join(corpus, file), text);
  const dir = tempDir('plans-index-');
  await ingestCorpus({ corpusDir: corpus, indexDir: dir, config: testConfig() });
  return (await loadIndex(dir, testConfig()))!;
}
