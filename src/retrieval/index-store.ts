// The persisted index: documents and chunks, BM25, the query lexicon and the HNSWLib vectors.
// Every build goes into a fresh directory and is only then named in CURRENT (written to a temp file
// and renamed), so a crash or an error mid-build leaves the previous build serving.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import { Document } from '@langchain/core/documents';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import type { Embeddings } from '@langchain/core/embeddings';
import { embedderKind, type Config } from '../config.js';
import { InputError } from '../errors.js';
import type { Chunk } from '../ingest/chunk.js';
import type { NoiseCounts } from '../ingest/clean.js';
import type { PlanDocument } from '../ingest/documents.js';
import type { LoadProblem } from '../ingest/load.js';
import { bm25Scorer, buildBm25, type Bm25Index, type Bm25Scorer } from './bm25.js';
import { HashingEmbeddings, type HashingState } from './hashing-embeddings.js';
import { buildLexicon, type Lexicon } from './lexicon.js';
import { OpenAICompatibleEmbeddings } from './openai-embeddings.js';
import { previousVectors, type VectorLookup } from './reuse-vectors.js';
import { lexicalTokens, words } from './tokenize.js';

// Bump when the files of a build change shape; an older build is then rebuilt from the corpus.
export const INDEX_VERSION = 3;

export type EmbedderInfo = { kind: 'hashing' | 'openai'; model: string; dimension: number };
export type FileRecord = { file: string; sha256: string; encoding: string; documents: string[]; noise: NoiseCounts };
export type Manifest = {
  version: number;
  builtAt: string;
  embedder: EmbedderInfo;
  files: FileRecord[];
  problems: LoadProblem[];
  documents: number;
  paragraphs: number;
  /** The corpus it was built from, and that corpus's fingerprint then (see corpusFingerprint). */
  corpusDir?: string;
  corpusFingerprint?: string;
};

export type PlanIndex = {
  dir: string;
  manifest: Manifest;
  documents: PlanDocument[];
  chunks: Chunk[];
  docById: Map<string, PlanDocument>;
  bm25: Bm25Scorer;
  vectors: HNSWLib;
  embedder: Embeddings;
  lexicon: Lexicon;
  /** The same vectors as HNSWLib holds, int8-quantised, for exact search inside a small scope. */
  quantised: QuantisedVectors;
};

export type QuantisedVectors = { dimension: number; values: Int8Array; scales: Float32Array };

export type BuildInput = {
  files: FileRecord[];
  problems: LoadProblem[];
  documents: PlanDocument[];
  chunks: Chunk[];
  corpusDir: string;
  corpusFingerprint: string;
};
export type BuildProgress = (stage: string, done: number, total: number) => void;

const GLOSSARY = new URL('../../data/glossary.json', import.meta.url).pathname;

export function embedderFor(config: Config, hashing?: HashingState): Embeddings {
  return embedderKind(config) === 'openai'
    ? new OpenAICompatibleEmbeddings(config)
    : new HashingEmbeddings(hashing ?? { dimension: config.HASH_DIM });
}

/** What the manifest records about the embedder a build used; loading with another is refused. */
function describeEmbedder(embedder: Embeddings, dimension: number): EmbedderInfo {
  return embedder instanceof OpenAICompatibleEmbeddings
    ? { kind: 'openai', model: embedder.model, dimension }
    : { kind: 'hashing', model: 'hashing-ngram-v1', dimension };
}

export async function currentBuildDir(indexDir: string): Promise<string | undefined> {
  const pointer = join(indexDir, 'CURRENT');
  if (!existsSync(pointer)) return undefined;
  const id = (await readFile(pointer, 'utf8')).trim();
  const dir = join(indexDir, 'builds', id);
  return existsSync(join(dir, 'manifest.json')) ? dir : undefined;
}

/** Records that the serving build still matches its corpus (files touched, content unchanged). */
export async function updateFingerprint(indexDir: string, corpusDir: string, fingerprint: string): Promise<void> {
  const dir = await currentBuildDir(indexDir);
  if (!dir) return;
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ ...manifest, corpusDir, corpusFingerprint: fingerprint }, null, 1));
  await rename(tmp, file);
}

export async function readManifest(indexDir: string): Promise<Manifest | undefined> {
  const dir = await currentBuildDir(indexDir);
  return dir ? (JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest) : undefined;
}

/** Builds a complete index in a new directory, then switches CURRENT to it. */
export async function writeIndex(
  indexDir: string,
  input: BuildInput,
  config: Config,
  progress: BuildProgress = () => {},
): Promise<string> {
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  const dir = join(indexDir, 'builds', id);
  await mkdir(dir, { recursive: true });
  try {
    const texts = input.chunks.map((c) => c.text);
    progress('tokenise', 0, texts.length);
    const chunkWords = input.chunks.map((c) => words(c.simplified));
    const bm25 = buildBm25(input.chunks.map((c, i) => lexicalTokens(c.simplified, chunkWords[i])));
    const corpusWords = new Set(chunkWords.flat());
    progress('lexicon', 0, 1);
    const lexicon = await buildLexicon(corpusWords, GLOSSARY);
    const embedder = embedderFor(config);
    // Segmenting is the costliest step of a build: the words found above serve the embedder too.
    if (embedder instanceof HashingEmbeddings)
      embedder.fit(
        input.chunks.map((c) => c.simplified),
        chunkWords,
      );
    const reuse = await previousVectors(await currentBuildDir(indexDir), describeEmbedder(embedder, 0));
    const { store: vectors, quantised } = await embedAll(embedder, input.chunks, progress, chunkWords, reuse);
    const info = describeEmbedder(embedder, quantised.dimension);
    const manifest: Manifest = {
      version: INDEX_VERSION,
      builtAt: new Date().toISOString(),
      embedder: info,
      files: input.files,
      problems: input.problems,
      corpusDir: input.corpusDir,
      corpusFingerprint: input.corpusFingerprint,
      documents: input.documents.length,
      paragraphs: input.chunks.length,
    };
    await vectors.save(join(dir, 'hnswlib'));
    await writeFile(
      join(dir, 'vectors.i8'),
      new Uint8Array(quantised.values.buffer, quantised.values.byteOffset, quantised.values.byteLength),
    );
    await writeFile(join(dir, 'vectors.scale.f32'), new Uint8Array(quantised.scales.buffer));
    await writeFile(join(dir, 'store.json'), JSON.stringify({ documents: input.documents, chunks: input.chunks }));
    await writeFile(join(dir, 'bm25.json'), JSON.stringify(bm25));
    await writeFile(join(dir, 'lexicon.json'), JSON.stringify(lexicon));
    await writeFile(
      join(dir, 'embedder.json'),
      JSON.stringify(embedder instanceof HashingEmbeddings ? embedder.state() : info),
    );
    // The manifest is written last: a build directory without one is incomplete and never served.
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
    const pointerTmp = join(indexDir, `CURRENT.${id}.tmp`);
    await writeFile(pointerTmp, id);
    await rename(pointerTmp, join(indexDir, 'CURRENT'));
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  await pruneBuilds(indexDir, id);
  return dir;
}

/**
 * hnswlib's graph build dominates large ingests. HNSWLib would create the index with hnswlib's
 * default efConstruction (200); building it here with 100 roughly halves that time, and scoped
 * questions do not depend on it (they are searched exactly). The store is then handed to HNSWLib.
 */
const HNSW = { m: 16, efConstruction: 100, seed: 100 };

async function embedAll(
  embedder: Embeddings,
  chunks: Chunk[],
  progress: BuildProgress,
  chunkWords: string[][],
  reuse?: VectorLookup,
): Promise<{ store: HNSWLib; quantised: QuantisedVectors }> {
  const BATCH = 2000;
  let graph: HierarchicalNSW | undefined;
  let quantised: QuantisedVectors | undefined;
  const docs = new Map<string, Document>();
  for (let i = 0; i < chunks.length; i += BATCH) {
    progress('embed', i, chunks.length);
    const batch = chunks.slice(i, i + BATCH);
    const vectors =
      embedder instanceof HashingEmbeddings
        ? batch.map((c, k) => embedder.embedText(c.text, chunkWords[i + k]))
        : await embedReusing(
            embedder,
            batch.map((c) => c.text),
            reuse,
          );
    const dimension = vectors[0].length;
    if (!graph) {
      graph = new hnswlib.HierarchicalNSW('cosine', dimension);
      graph.initIndex(chunks.length, HNSW.m, HNSW.efConstruction, HNSW.seed);
    }
    quantised ??= {
      dimension,
      values: new Int8Array(chunks.length * dimension),
      scales: new Float32Array(chunks.length),
    };
    vectors.forEach((v, k) => {
      // Labels are chunk positions, as HNSWLib would number them; search relies on it.
      graph!.addPoint(v, i + k);
      docs.set(String(i + k), new Document({ pageContent: batch[k].text, metadata: { position: i + k } }));
      quantise(v, quantised!, i + k);
    });
  }
  progress('embed', chunks.length, chunks.length);
  if (!graph || !quantised) throw new Error('nothing to index');
  const store = new HNSWLib(embedder, {
    space: 'cosine',
    numDimensions: quantised.dimension,
    index: graph,
    docstore: new SynchronousInMemoryDocstore(docs),
  });
  // Only these two are saved to args.json; the index and docstore have files of their own.
  store.args = { space: 'cosine', numDimensions: quantised.dimension };
  return { store, quantised };
}

/** Embeds only the texts the previous build does not already have a vector for. */
async function embedReusing(embedder: Embeddings, texts: string[], reuse?: VectorLookup): Promise<number[][]> {
  const known = texts.map((t) => reuse?.(t));
  const missing = texts.filter((_, i) => !known[i]);
  const fresh = missing.length ? await embedder.embedDocuments(missing) : [];
  let next = 0;
  return known.map((v) => v ?? fresh[next++]);
}

function quantise(vector: number[], into: QuantisedVectors, position: number): void {
  let max = 0;
  for (const x of vector) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  into.scales[position] = scale;
  const offset = position * into.dimension;
  for (let j = 0; j < vector.length; j++) into.values[offset + j] = Math.round(vector[j] / scale);
}

/** Keeps the serving build and the one before it; removes older and abandoned ones. */
async function pruneBuilds(indexDir: string, keep: string): Promise<void> {
  const builds = (await readdir(join(indexDir, 'builds')).catch(() => [] as string[])).sort();
  const older = builds.filter((b) => b !== keep);
  for (const b of older.slice(0, -1)) await rm(join(indexDir, 'builds', b), { recursive: true, force: true });
  for (const f of await readdir(indexDir))
    if (/^CURRENT\..*\.tmp$/.test(f)) await rm(join(indexDir, f), { force: true });
}

export class IndexMismatchError extends InputError {}
/** The build was written by an older plans-bot: nothing to decide, it can simply be rebuilt. */
export class IndexVersionError extends IndexMismatchError {}

export async function loadIndex(indexDir: string, config: Config): Promise<PlanIndex | undefined> {
  const dir = await currentBuildDir(indexDir);
  if (!dir) return undefined;
  const read = async <T>(name: string) => JSON.parse(await readFile(join(dir, name), 'utf8')) as T;
  const manifest = await read<Manifest>('manifest.json');
  const wanted = embedderKind(config);
  if (manifest.version !== INDEX_VERSION)
    throw new IndexVersionError(
      `The index in ${indexDir} is from an older version of plans-bot. Re-ingest: npm run -s plans -- ingest`,
    );
  if (
    manifest.embedder.kind !== wanted ||
    (wanted === 'hashing' && manifest.embedder.dimension !== config.HASH_DIM) ||
    (wanted === 'openai' && manifest.embedder.model !== config.OPENAI_EMBEDDING_MODEL)
  ) {
    throw new IndexMismatchError(
      `The index in ${indexDir} was built with the ${manifest.embedder.kind} embedder (${manifest.embedder.model}, dimension ${manifest.embedder.dimension}), but the settings ask for ${wanted}${wanted === 'hashing' ? ` (dimension ${config.HASH_DIM})` : ` (${config.OPENAI_EMBEDDING_MODEL})`}. Re-ingest to rebuild it: npm run -s plans -- ingest`,
    );
  }
  const store = await read<{ documents: PlanDocument[]; chunks: Chunk[] }>('store.json');
  const embedder = embedderFor(config, wanted === 'hashing' ? await read<HashingState>('embedder.json') : undefined);
  const vectors = await HNSWLib.load(join(dir, 'hnswlib'), embedder);
  return {
    dir,
    manifest,
    documents: store.documents,
    chunks: store.chunks,
    docById: new Map(store.documents.map((d) => [d.id, d])),
    bm25: bm25Scorer(await read<Bm25Index>('bm25.json')),
    vectors,
    embedder,
    lexicon: await read<Lexicon>('lexicon.json'),
    quantised: await readQuantised(dir, manifest.embedder.dimension),
  };
}

async function readQuantised(dir: string, dimension: number): Promise<QuantisedVectors> {
  const values = await readFile(join(dir, 'vectors.i8'));
  const scales = await readFile(join(dir, 'vectors.scale.f32'));
  return {
    dimension,
    values: new Int8Array(values.buffer, values.byteOffset, values.byteLength),
    scales: new Float32Array(scales.buffer.slice(scales.byteOffset, scales.byteOffset + scales.byteLength)),
  };
}
