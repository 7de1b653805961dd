// Opens the index for any command. A fresh clone needs no separate ingest step: with no index, one
// is built from the corpus; when the corpus has changed since the build (files added, removed or
// edited), the index is brought up to date first; a build from another version of plans-bot is
// rebuilt; a damaged build (a file missing, truncated or altered) is noticed and rebuilt, with one
// line saying so — the command then answers as it would have.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { InputError } from '../errors.js';
import { corpusFingerprint } from '../ingest/load.js';
import { ingestCorpus, type BuildProgress } from './build.js';
import { readPointer } from './manifest.js';
import { IndexDamagedError, IndexVersionError, loadIndex } from './read.js';
import type { PlanIndex } from './store.js';

export type OpenOptions = {
  corpusDir?: string;
  indexDir?: string;
  progress?: BuildProgress;
  /** One-line notes for people (damage noticed, corpus changed, waiting for another build). */
  note?: (line: string) => void;
};

export async function openIndex(config: Config, options: OpenOptions = {}): Promise<PlanIndex> {
  const indexDir = options.indexDir ?? config.INDEX_DIR;
  const note = options.note ?? (() => {});
  // The corpus this index answers for: the one asked for, else the one it was built from.
  const corpusDir = options.corpusDir ?? (await readPointer(indexDir))?.corpusDir ?? config.CORPUS_DIR;
  let existing: PlanIndex | undefined;
  let onRebuild: (() => void) | undefined;
  try {
    existing = await loadIndex(indexDir, config);
    if (
      existing &&
      !(await corpusChanged(corpusDir, existing.manifest.corpusDir, existing.manifest.corpusFingerprint))
    ) {
      return existing;
    }
    // Said only once the files differ: a corpus merely touched (copied, checked out) is not "changed".
    if (existing)
      onRebuild = () => note(`The corpus in ${corpusDir} changed since the index was built; updating the index…`);
  } catch (err) {
    if (err instanceof IndexDamagedError) {
      if (!existsSync(corpusDir)) {
        throw new InputError(
          `The index in ${indexDir} is damaged (${err.reason}) and its corpus ${corpusDir} is gone; restore the corpus or point --corpus at it.`,
        );
      }
      note(`The index in ${indexDir} is damaged (${err.reason}); rebuilding it from ${corpusDir}…`);
    } else if (err instanceof IndexVersionError) {
      note(`The index in ${indexDir} was built by another version of plans-bot; rebuilding it from ${corpusDir}…`);
    } else throw err;
  }
  if (!existing && !existsSync(corpusDir))
    throw new InputError(`Corpus directory not found or not a directory: ${corpusDir}`);
  try {
    await ingestCorpus({ corpusDir, indexDir, config, progress: options.progress, note, onRebuild });
  } catch (err) {
    // An update that cannot be made (an unwritable directory, a corpus left with nothing readable)
    // does not cost the index there is: it keeps answering, and the person is told why once.
    if (existing && err instanceof InputError) {
      note(`${err.message} Answering from the index as it was built.`);
      return existing;
    }
    throw err;
  }
  const built = await loadIndex(indexDir, config);
  if (!built) throw new Error(`The index could not be built in ${indexDir}.`);
  return built;
}

async function corpusChanged(corpusDir: string, builtFrom: string, fingerprint: string): Promise<boolean> {
  // An index used without its corpus (copied elsewhere, corpus removed) is served as it is.
  if (!existsSync(corpusDir)) return false;
  if (resolve(corpusDir) !== builtFrom) return true;
  return (await corpusFingerprint(corpusDir)) !== fingerprint;
}
