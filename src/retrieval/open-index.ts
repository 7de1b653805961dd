// Opens the index for any command: loads the current build, or builds one from the corpus first,
// so that a fresh clone needs no separate ingest step.
import type { Config } from '../config.js';
import { ingestCorpus } from '../ingest/pipeline.js';
import type { BuildProgress } from './index-store.js';
import { IndexVersionError, loadIndex, type PlanIndex } from './index-store.js';
import { logger } from '../log.js';

export async function openIndex(config: Config, options: { corpusDir?: string; indexDir?: string; progress?: BuildProgress } = {}): Promise<PlanIndex> {
  const indexDir = options.indexDir ?? config.INDEX_DIR;
  let force = false;
  try {
    const existing = await loadIndex(indexDir, config);
    if (existing) return existing;
  } catch (err) {
    if (!(err instanceof IndexVersionError)) throw err;
    logger.info('the index was built by an older version; rebuilding it from the corpus');
    force = true;
  }
  await ingestCorpus({ corpusDir: options.corpusDir ?? config.CORPUS_DIR, indexDir, config, progress: options.progress, force });
  const built = await loadIndex(indexDir, config);
  if (!built) throw new Error(`The index could not be built in ${indexDir}.`);
  return built;
}
