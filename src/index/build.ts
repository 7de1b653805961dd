// Building the index from a corpus: load → ingest (clean, split, metadata, chunks) → tokens and
// features → postings, lexicon, vectors → one atomic build. One build at a time per index directory.
// A run in which nothing changed leaves the index as it is, unless the serving build is damaged.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { InputError, serviceFailure } from '../errors.js';
import { projectPath } from '../paths.js';
import { emptyNoise, type NoiseCounts } from '../ingest/clean.js';
import type { PlanDocument } from '../ingest/documents.js';
import { corpusFingerprint, loadCorpus, type LoadProblem, type SourceFile } from '../ingest/load.js';
import type { BatchResult, ChunkRecord } from './batch.js';
import { HASHING_MODEL, openaiEmbeddings, sameEmbedder, wantedEmbedder } from './embedders.js';
import { readVerified } from './files.js';
import { bucketIdf } from './hashing-embeddings.js';
import { buildLexicon } from './lexicon.js';
import { withBuildLock } from './lock.js';
import { FILES } from './layout.js';
import { INDEX_VERSION, sourcesSchema, writeManifest, type Manifest, type SourceRecord } from './manifest.js';
import { inThreadRunner, workerRunner, type BatchRunner } from './pool.js';
import { encodePostings } from './postings.js';
import { currentBuild } from './read.js';
import { previousVectors } from './reuse-vectors.js';
import { emptyVectors, quantiseInto, type QuantisedVectors } from './vectors.js';
import { removeBuildsExcept, writeBuild } from './write.js';

export type BuildStage = 'read' | 'process' | 'lexicon' | 'embed' | 'write';
/** Told how far a build has come: a stage, how much of it is done, and (when known) the file at hand. */
export type BuildProgress = (stage: BuildStage, done: number, total: number, detail?: string) => void;

export type IngestSummary = {
  status: 'built' | 'unchanged';
  documents: number;
  paragraphs: number;
  files: number;
  /** Paragraphs whose vectors came from the previous build (paid embedders only). */
  vectorsReused: number;
  noise: NoiseCounts;
  problems: LoadProblem[];
  /** Why the build was needed (nothing when unchanged). */
  reason?: string;
};

export type IngestOptions = {
  corpusDir: string;
  indexDir: string;
  config: Config;
  /** Rebuild even if nothing changed. */
  force?: boolean;
  progress?: BuildProgress;
  /** One-line notes for the person waiting (e.g. another build holds the lock). */
  note?: (line: string) => void;
  /** Called once a build is certain (files were read and differ), before the work starts. */
  onRebuild?: (reason: string) => void;
};

const GLOSSARY = projectPath('data', 'glossary.json');
/** Text per batch handed to a worker: small enough to balance two cores, large enough to be cheap to send. */
const BATCH_CHARS = 400_000;
/** Below this much text a build runs in this thread: starting workers would cost more than they save. */
const WORKER_MIN_CHARS = 1_500_000;

export async function ingestCorpus(options: IngestOptions): Promise<IngestSummary> {
  const note = options.note ?? (() => {});
  return withBuildLock(
    options.indexDir,
    () => buildUnderLock(options),
    (holder) =>
      note(
        `Waiting for another build of ${options.indexDir}${holder ? ` (process ${holder.pid} on ${holder.host})` : ''} to finish; a lock not refreshed for a minute is taken over…`,
      ),
  ).catch((err: unknown) => {
    throw indexDirError(err, options.indexDir) ?? err;
  });
}

/** Why the index directory cannot be written, said in one line (a path that is a file, no permission, a full disk). */
function indexDirError(err: unknown, indexDir: string): InputError | undefined {
  const code = (err as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOTDIR: 'a part of the path is a file, not a directory',
    EEXIST: 'it is a file, not a directory',
    EISDIR: 'a directory is where a file should be',
    ENOSPC: 'no space left on the device',
    ENOENT: 'the directory cannot be created there',
  };
  return code && reasons[code] ? new InputError(`Cannot write the index in ${indexDir}: ${reasons[code]}.`) : undefined;
}

async function buildUnderLock(options: IngestOptions): Promise<IngestSummary> {
  const { corpusDir, indexDir, config } = options;
  const progress = options.progress ?? (() => {});
  const corpus = resolve(corpusDir);
  const fingerprint = await corpusFingerprint(corpusDir);
  const current = await currentBuild(indexDir).catch(() => undefined);
  const health = current ? await damageOf(current.dir, current.manifest) : 'no index yet';
  const reusable =
    current && !health && current.manifest.version === INDEX_VERSION && sameEmbedder(current.manifest.embedder, config);
  const sourcesOf = (dir: string, m: Manifest) =>
    sourcesSchema.parse(
      JSON.parse(
        readVerified(
          dir,
          m.files.find((f) => f.name === FILES.sources),
          FILES.sources,
        ).toString('utf8'),
      ),
    );
  const unchanged = (m: Manifest, sources: SourceRecord[]): IngestSummary => ({
    status: 'unchanged',
    documents: m.documents,
    paragraphs: m.paragraphs,
    files: sources.length,
    vectorsReused: 0,
    noise: sumNoise(sources),
    problems: m.problems,
  });
  // A leftover of a killed build is removed by the next ingest, whether or not it builds.
  const removeLeftovers = () => removeBuildsExcept(indexDir, current!.id);
  // Files skipped as too large are read once the limit is raised, though the corpus did not change.
  const sameLimit =
    current?.manifest.maxFileMB === config.MAX_FILE_MB ||
    !current?.manifest.problems.some((p) => p.message.includes('MAX_FILE_MB'));
  if (
    !options.force &&
    reusable &&
    sameLimit &&
    current.manifest.corpusDir === corpus &&
    current.manifest.corpusFingerprint === fingerprint
  ) {
    await removeLeftovers();
    return unchanged(current.manifest, sourcesOf(current.dir, current.manifest));
  }

  const { files, problems } = await loadCorpus(corpusDir, { maxFileBytes: config.MAX_FILE_MB * 1024 * 1024 });
  if (!options.force && reusable) {
    const sources = sourcesOf(current.dir, current.manifest);
    const before = new Map(sources.map((s) => [s.file, s.sha256]));
    const same = files.length === before.size && files.every((f) => before.get(f.file) === f.sha256);
    if (same && current.manifest.corpusDir === corpus) {
      // Files touched but not changed: remember the new fingerprint, keep the build.
      await writeManifest(current.dir, {
        ...current.manifest,
        corpusFingerprint: fingerprint,
        maxFileMB: config.MAX_FILE_MB,
      });
      await removeLeftovers();
      return { ...unchanged(current.manifest, sources), problems };
    }
  }
  // Only the serving build and the one about to be written may exist.
  await removeBuildsExcept(indexDir, health ? undefined : current?.id);

  const reason = options.force ? 'forced' : (health ?? 'the corpus changed');
  options.onRebuild?.(reason);
  const built = await processCorpus(files, problems, config, progress);
  if (!built.chunks.length) {
    const detail = problems.length ? ` (${problems.map((p) => `${p.file}: ${p.message}`).join('; ')})` : '';
    throw new InputError(
      `No plan documents could be ingested from ${corpusDir}${detail}. The existing index is unchanged.`,
    );
  }
  progress('lexicon', 0, 1);
  const lexicon = await buildLexicon(built.corpusWords, GLOSSARY);
  progress('lexicon', 1, 1);
  const { vectors, embedder, reused } = await embed(
    built,
    config,
    current?.dir && reusable ? current.dir : undefined,
    progress,
  );
  progress('write', 0, 1);
  await writeBuild(indexDir, {
    manifest: { problems, corpusDir: corpus, corpusFingerprint: fingerprint, maxFileMB: config.MAX_FILE_MB },
    sources: built.sources,
    documents: built.documents,
    chunks: built.chunks,
    postings: built.postings,
    vectors,
    embedder,
    lexicon,
  });
  progress('write', 1, 1);
  return {
    status: 'built',
    documents: built.documents.length,
    paragraphs: built.chunks.length,
    files: built.sources.length,
    vectorsReused: reused,
    noise: sumNoise(built.sources),
    problems,
    reason,
  };
}

/** Why a build cannot be served as it is (a file missing, truncated or altered), or undefined when whole. */
export async function damageOf(dir: string, manifest: Manifest): Promise<string | undefined> {
  for (const f of manifest.files) {
    try {
      readVerified(dir, f, f.name, true);
    } catch (err) {
      return (err as Error).message;
    }
  }
  return undefined;
}

type ProcessedCorpus = {
  sources: SourceRecord[];
  documents: PlanDocument[];
  chunks: ChunkRecord[];
  texts: (position: number) => string;
  postings: ReturnType<typeof encodePostings>;
  corpusWords: Set<string>;
  /** For the offline embedder: per hash bucket, how many chunks touch it. */
  bucketFrequency?: Uint32Array;
  /** Which batch each chunk position came from, and the batch's first position. */
  batches: Array<{ batch: number; firstPosition: number; count: number }>;
  runner: BatchRunner;
};

async function processCorpus(
  files: SourceFile[],
  problems: LoadProblem[],
  config: Config,
  progress: BuildProgress,
): Promise<ProcessedCorpus> {
  const batches = intoBatches(files);
  const totalChars = files.reduce((n, f) => n + f.text.length, 0);
  const threads = Math.min(availableParallelism(), 4, batches.length);
  const runner = totalChars >= WORKER_MIN_CHARS && threads > 1 ? workerRunner(threads) : inThreadRunner();
  const hashDimension = wantedEmbedder(config).kind === 'hashing' ? config.HASH_DIM : undefined;
  let filesDone = 0;
  progress('process', 0, files.length);
  const results: BatchResult[] = await Promise.all(
    batches.map(async (sources, batch) => {
      try {
        const result = await runner.process(batch, sources, hashDimension);
        filesDone += sources.length;
        progress('process', filesDone, files.length, sources[sources.length - 1]?.file);
        return result;
      } catch (err) {
        await runner.close();
        throw err;
      }
    }),
  );

  const sources: SourceRecord[] = [];
  const documents: PlanDocument[] = [];
  const chunks: ChunkRecord[] = [];
  const placed: ProcessedCorpus['batches'] = [];
  const tokenBatches = [];
  let bucketFrequency: Uint32Array | undefined;
  for (const result of results) {
    placed.push({ batch: result.batch, firstPosition: chunks.length, count: result.chunkCount });
    tokenBatches.push({ firstPosition: chunks.length, ...result.tokens });
    for (const f of result.files) {
      sources.push({
        file: f.file,
        sha256: f.sha256,
        encoding: f.encoding,
        documents: f.documents.map((d) => d.id),
        noise: f.noise,
      });
      documents.push(...f.documents);
      chunks.push(...f.chunks);
    }
    problems.push(...result.problems);
    if (result.bucketFrequency) {
      bucketFrequency ??= new Uint32Array(result.bucketFrequency.length);
      for (let b = 0; b < bucketFrequency.length; b++) bucketFrequency[b] += result.bucketFrequency[b];
    }
  }
  const postings = encodePostings(tokenBatches, chunks.length);
  const corpusWords = new Set(postings.vocabulary.split('\n').filter((t) => t && !t.startsWith('~')));
  const docText = new Map(documents.map((d) => [d.id, d.text]));
  return {
    sources,
    documents,
    chunks,
    texts: (p) => docText.get(chunks[p].docId)!.slice(chunks[p].start, chunks[p].end),
    postings,
    corpusWords,
    bucketFrequency,
    batches: placed,
    runner,
  };
}

/** Consecutive files grouped to about BATCH_CHARS of text each, in corpus order. */
function intoBatches(files: SourceFile[]): SourceFile[][] {
  const batches: SourceFile[][] = [];
  let current: SourceFile[] = [];
  let chars = 0;
  for (const f of files) {
    if (current.length && chars + f.text.length > BATCH_CHARS) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(f);
    chars += f.text.length;
  }
  if (current.length) batches.push(current);
  return batches;
}

async function embed(
  built: ProcessedCorpus,
  config: Config,
  previousBuild: string | undefined,
  progress: BuildProgress,
): Promise<{ vectors: QuantisedVectors; embedder: Parameters<typeof writeBuild>[1]['embedder']; reused: number }> {
  const count = built.chunks.length;
  try {
    if (built.bucketFrequency) {
      // Offline: the idf of every bucket is known only now; each batch's vectors are made where its features are.
      const idf = bucketIdf(built.bucketFrequency, count);
      const vectors = emptyVectors(count, config.HASH_DIM);
      let done = 0;
      await Promise.all(
        built.batches.map(async ({ batch, firstPosition, count: n }) => {
          const part = await built.runner.embed(batch, idf);
          vectors.values.set(part.values, firstPosition * config.HASH_DIM);
          vectors.scales.set(part.scales, firstPosition);
          done += n;
          progress('embed', done, count);
        }),
      );
      const state = {
        kind: 'hashing' as const,
        dimension: config.HASH_DIM,
        documents: count,
        idf: Array.from(idf, (v) => Math.round(v * 1e4) / 1e4),
      };
      return {
        vectors,
        embedder: { info: { kind: 'hashing', model: HASHING_MODEL, dimension: config.HASH_DIM }, state },
        reused: 0,
      };
    }
    // An OpenAI-compatible embedder: only paragraphs the previous build did not have are sent.
    const embedder = await openaiEmbeddings(config);
    const reuse = await previousVectors(previousBuild, embedder.model);
    const texts = Array.from({ length: count }, (_, p) => built.texts(p));
    const known = texts.map((t) => reuse?.(t));
    const missing = texts.filter((_, i) => !known[i]);
    progress('embed', count - missing.length, count);
    let fresh: number[][] = [];
    try {
      fresh = missing.length ? await embedder.embedDocuments(missing) : [];
    } catch (err) {
      throw new InputError(
        `The embedding server ${config.OPENAI_BASE_URL ?? 'at OpenAI'} did not embed the paragraphs (${serviceFailure(err)}); the index is unchanged.`,
      );
    }
    const dimension = (known.find(Boolean) ?? fresh[0])!.length;
    const vectors = emptyVectors(count, dimension);
    let next = 0;
    known.forEach((v, p) => quantiseInto(vectors, p, v ?? fresh[next++]));
    progress('embed', count, count);
    return {
      vectors,
      embedder: { info: { kind: 'openai', model: embedder.model, dimension } },
      reused: count - missing.length,
    };
  } finally {
    await built.runner.close();
  }
}

function sumNoise(sources: SourceRecord[]): NoiseCounts {
  const total = emptyNoise();
  for (const s of sources) for (const k of Object.keys(total) as Array<keyof NoiseCounts>) total[k] += s.noise[k] ?? 0;
  return total;
}
