// One real index on disk, built from the bundled corpus, shared by a test file.
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
