// The whole ingest: load → clean → split → metadata → chunks, then one atomic index build.
// Idempotent: files whose content hash is unchanged are not processed again, and a run in which
// nothing changed leaves the index as it is.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { embedderKind, type Config } from '../config.js';
import { InputError } from '../errors.js';
import {
  currentBuildDir,
  INDEX_VERSION,
  readManifest,
  updateFingerprint,
  writeIndex,
  type BuildProgress,
  type FileRecord,
} from '../retrieval/index-store.js';
import type { Chunk } from './chunk.js';
import { emptyNoise, type NoiseCounts } from './clean.js';
import { ingestFile, type PlanDocument } from './documents.js';
import { corpusFingerprint, loadCorpus, type LoadProblem } from './load.js';

export type IngestSummary = {
  status: 'built' | 'unchanged';
  documents: number;
  paragraphs: number;
  filesProcessed: number;
  filesSkipped: number;
  noise: NoiseCounts;
  problems: LoadProblem[];
};

export async function ingestCorpus(options: {
  corpusDir: string;
  indexDir: string;
  config: Config;
  force?: boolean;
  progress?: BuildProgress;
}): Promise<IngestSummary> {
  const { corpusDir, indexDir, config } = options;
  const progress = options.progress ?? (() => {});
  const fingerprint = await corpusFingerprint(corpusDir);
  const { files, problems } = await loadCorpus(corpusDir, { maxFileBytes: config.MAX_FILE_MB * 1024 * 1024 });
  const previous = await readManifest(indexDir).catch(() => undefined);
  const previousByFile = new Map((previous?.files ?? []).map((f) => [f.file, f]));
  const sameEmbedder =
    previous?.embedder.kind === embedderKind(config) &&
    (embedderKind(config) !== 'hashing' || previous.embedder.dimension === config.HASH_DIM);
  // Work from a build of another version (other cleaning or chunking rules) is never reused.
  const sameVersion = previous?.version === INDEX_VERSION;
  const unchanged =
    !options.force &&
    sameVersion &&
    previous !== undefined &&
    sameEmbedder &&
    files.length === previous.files.length &&
    files.every((f) => previousByFile.get(f.file)?.sha256 === f.sha256);
  if (unchanged) {
    await updateFingerprint(indexDir, resolve(corpusDir), fingerprint);
    return {
      status: 'unchanged',
      documents: previous.documents,
      paragraphs: previous.paragraphs,
      filesProcessed: 0,
      filesSkipped: files.length,
      noise: sumNoise(previous.files),
      problems,
    };
  }

  const reusable = sameVersion && !options.force ? await previousStore(indexDir) : undefined;
  const records: FileRecord[] = [];
  const documents: PlanDocument[] = [];
  const chunks: Chunk[] = [];
  let processed = 0;
  let reused = 0;
  files.forEach((file, i) => {
    progress('clean', i, files.length);
    const old = previousByFile.get(file.file);
    if (reusable && old?.sha256 === file.sha256) {
      const docs = reusable.documents.filter((d) => old.documents.includes(d.id));
      documents.push(...docs);
      chunks.push(...reusable.chunks.filter((c) => old.documents.includes(c.docId)));
      records.push(old);
      reused++;
      return;
    }
    try {
      const result = ingestFile(file);
      if (!result.documents.length) throw new Error('no plan text found after cleaning');
      processed++;
      documents.push(...result.documents);
      chunks.push(...result.chunks);
      records.push({
        file: file.file,
        sha256: file.sha256,
        encoding: file.encoding,
        documents: result.documents.map((d) => d.id),
        noise: result.noise,
      });
    } catch (err) {
      problems.push({ file: file.file, message: (err as Error).message });
    }
  });
  progress('clean', files.length, files.length);
  if (!chunks.length) {
    throw new InputError(
      `No plan documents could be ingested from ${corpusDir}${problems.length ? ` (${problems.map((p) => `${p.file}: ${p.message}`).join('; ')})` : ''}. The existing index is unchanged.`,
    );
  }
  await writeIndex(
    indexDir,
    { files: records, problems, documents, chunks, corpusDir: resolve(corpusDir), corpusFingerprint: fingerprint },
    config,
    progress,
  );
  return {
    status: 'built',
    documents: documents.length,
    paragraphs: chunks.length,
    filesProcessed: processed,
    filesSkipped: reused,
    noise: sumNoise(records),
    problems,
  };
}

async function previousStore(indexDir: string): Promise<{ documents: PlanDocument[]; chunks: Chunk[] } | undefined> {
  const dir = await currentBuildDir(indexDir);
  if (!dir) return undefined;
  try {
    return JSON.parse(await readFile(join(dir, 'store.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function sumNoise(files: FileRecord[]): NoiseCounts {
  const total = emptyNoise();
  for (const f of files) for (const k of Object.keys(total) as Array<keyof NoiseCounts>) total[k] += f.noise[k];
  return total;
}
