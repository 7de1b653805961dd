// Opens the index for any command. A fresh clone needs no separate ingest step: with no index, one
// is built from the corpus; when the corpus has changed since the build (files added, removed or
// edited), it is brought up to date first (unchanged files are not processed again); a build from
// an older plans-bot is rebuilt.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { corpusFingerprint } from '../ingest/load.js';
import { ingestCorpus } from '../ingest/pipeline.js';
import { logger } from '../log.js';
import { IndexVersionError, loadIndex, readManifest, type BuildProgress, type PlanIndex } from './index-store.js';

export async function openIndex(
  config: Config,
  options: { corpusDir?: string; indexDir?: string; progress?: BuildProgress } = {},
): Promise<PlanIndex> {
  const indexDir = options.indexDir ?? config.INDEX_DIR;
  const manifest = await readManifest(indexDir).catch(() => undefined);
  // The corpus this index answers for: the one asked for, else the one it was built from.
  const corpusDir = options.corpusDir ?? manifest?.corpusDir ?? config.CORPUS_DIR;
  let force = false;
  try {
    const existing = await loadIndex(indexDir, config);
    if (existing && !(await corpusChanged(corpusDir, existing.manifest.corpusDir, existing.manifest.corpusFingerprint)))
      return existing;
    if (existing) logger.info({ corpusDir }, 'the corpus changed since the index was built; updating the index');
  } catch (err) {
    if (!(err instanceof IndexVersionError)) throw err;
    logger.info('the index was built by an older version; rebuilding it from the corpus');
    force = true;
  }
  await ingestCorpus({ corpusDir, indexDir, config, progress: options.progress, force });
  const built = await loadIndex(indexDir, config);
  if (!built) throw new Error(`The index could not be built in ${indexDir}.`);
  return built;
}

async function corpusChanged(
  corpusDir: string,
  builtFrom: string | undefined,
  fingerprint: string | undefined,
): Promise<boolean> {
  // An index used without its corpus (copied elsewhere, corpus removed) is served as it is.
  if (!existsSync(corpusDir)) return false;
  if (builtFrom && resolve(corpusDir) !== builtFrom) return true;
  return (await corpusFingerprint(corpusDir)) !== fingerprint;
}
