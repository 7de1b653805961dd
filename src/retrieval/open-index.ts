// Opens the index for any command: loads the current build, or builds one from the corpus first,
// so that a fresh clone needs no separate ingest step.
import type { Config } from '../config.js';
import { ingestCorpus } from '../ingest/pipeline.js';
import type { BuildProgress } from './index-store.js';
import { loadIndex, type PlanIndex } from './index-store.js';

export async function openIndex(config: Config, options: { corpusDir?: string; indexDir?: string; progress?: BuildProgress } = {}): Promise<PlanIndex> {
  const indexDir = options.indexDir ?? config.INDEX_DIR;
  const existing = await loadIndex(indexDir, config);
  if (existing) return existing;
  await ingestCorpus({ corpusDir: options.corpusDir ?? config.CORPUS_DIR, indexDir, config, progress: options.progress });
  const built = await loadIndex(indexDir, config);
  if (!built) throw new Error(`The index could not be built in ${indexDir}.`);
  return built;
}
