// Reading the serving build into a PlanIndex: each file read whole, once, and checked against the
// manifest (size and CRC-32) before it is parsed. A missing, truncated or altered file raises
// IndexDamagedError, which the opener answers by rebuilding; nothing is parsed on trust.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Chunk } from '../ingest/chunk.js';
import type { Config } from '../config.js';
import { InputError } from '../errors.js';
import { questionWords } from '../text/tokenize.js';
import { decodeDocuments } from './documents-file.js';
import { openaiEmbeddings, sameEmbedder, wantedEmbedder } from './embedders.js';
import { DamagedFileError, float32View, int32View, readVerified, uint32View } from './files.js';
import { HashingEmbeddings, type HashingState } from './hashing-embeddings.js';
import { CHUNK_COLUMNS, FILES } from './layout.js';
import type { Lexicon } from './lexicon.js';
import { buildDir, INDEX_VERSION, readManifest, readPointer, type Manifest } from './manifest.js';
import { postingsReader } from './postings.js';
import type { PlanIndex } from './store.js';
import { vectorSearch, type QuantisedVectors } from './vectors.js';

/** The serving build cannot be used as it is on disk; rebuilding it from the corpus repairs it. */
export class IndexDamagedError extends Error {
  constructor(readonly reason: string) {
    super(`the index is damaged (${reason})`);
  }
}
/** The build was written by another version of plans-bot: it is rebuilt from the corpus. */
export class IndexVersionError extends Error {}
/** The build was made with another embedder than the settings ask for: re-ingesting is the user's call. */
export class IndexMismatchError extends InputError {}

/** The serving build's directory and manifest, or undefined when there is no index yet. */
export async function currentBuild(
  indexDir: string,
): Promise<{ id: string; dir: string; manifest: Manifest } | undefined> {
  const pointer = await readPointer(indexDir);
  if (!pointer) {
    // No CURRENT is no index yet; a CURRENT that cannot be read is damage, and is said to be.
    if (existsSync(join(indexDir, 'CURRENT'))) throw new IndexDamagedError('CURRENT: unreadable');
    return undefined;
  }
  const dir = buildDir(indexDir, pointer.build);
  try {
    return { id: pointer.build, dir, manifest: await readManifest(dir) };
  } catch (err) {
    throw new IndexDamagedError(
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'manifest.json: missing' : (err as Error).message,
    );
  }
}

export async function loadIndex(indexDir: string, config: Config): Promise<PlanIndex | undefined> {
  // A build being replaced may be removed while it is read: read the new one instead.
  for (let attempt = 0; ; attempt++) {
    try {
      return await loadOnce(indexDir, config);
    } catch (err) {
      const vanished = err instanceof IndexDamagedError && /missing/.test(err.reason);
      const pointer = await readPointer(indexDir);
      if (!vanished || attempt >= 2 || !pointer) throw err;
    }
  }
}

async function loadOnce(indexDir: string, config: Config): Promise<PlanIndex | undefined> {
  const current = await currentBuild(indexDir);
  if (!current) return undefined;
  const { dir, manifest } = current;
  if (manifest.version !== INDEX_VERSION) throw new IndexVersionError(`built by another version (${manifest.version})`);
  if (!sameEmbedder(manifest.embedder, config)) {
    const wanted = wantedEmbedder(config);
    throw new IndexMismatchError(
      `The index in ${indexDir} was built with the ${manifest.embedder.kind} embedder (${manifest.embedder.model}, dimension ${manifest.embedder.dimension}), but the settings ask for ${wanted.kind} (${wanted.model}${wanted.dimension ? `, dimension ${wanted.dimension}` : ''}). Re-ingest to rebuild it: npm run -s plans -- ingest`,
    );
  }
  try {
    return await parseBuild(dir, manifest, config);
  } catch (err) {
    if (err instanceof DamagedFileError) throw new IndexDamagedError(err.message);
    if (err instanceof InputError) throw err;
    // Bytes that match their checksum but do not parse: damaged all the same (or written by a bug).
    throw new IndexDamagedError((err as Error).message);
  }
}

async function parseBuild(dir: string, manifest: Manifest, config: Config): Promise<PlanIndex> {
  const record = new Map(manifest.files.map((f) => [f.name, f]));
  const read = new Set<string>();
  const file = (name: string) => {
    read.add(name);
    return readVerified(dir, record.get(name), name);
  };
  const json = <T>(name: string) => JSON.parse(file(name).toString('utf8')) as T;

  const documents = decodeDocuments(file(FILES.documents).toString('utf8'), file(FILES.texts));
  const sections = json<string[][]>(FILES.sections);
  const columns = int32View(file(FILES.chunks));
  const width = CHUNK_COLUMNS.length;
  if (columns.length !== manifest.paragraphs * width) throw new Error(`${FILES.chunks}: wrong length`);
  const chunks: Chunk[] = new Array(manifest.paragraphs);
  const positionsByDoc = new Map<string, number[]>();
  const lengths = new Uint32Array(manifest.paragraphs);
  for (let p = 0; p < manifest.paragraphs; p++) {
    const [d, start, end, ordinal, s, garbled, tokens] = columns.subarray(p * width, (p + 1) * width);
    const doc = documents[d];
    if (!doc || start < 0 || end > doc.text.length || start > end || !sections[s])
      throw new Error(`${FILES.chunks}: chunk ${p} out of range`);
    chunks[p] = {
      id: `${doc.id}:${ordinal}`,
      docId: doc.id,
      ordinal,
      sectionPath: sections[s],
      start,
      end,
      text: doc.text.slice(start, end),
      garbled: garbled === 1,
    };
    lengths[p] = tokens;
    const list = positionsByDoc.get(doc.id);
    if (list) list.push(p);
    else positionsByDoc.set(doc.id, [p]);
  }

  const postings = postingsReader({
    vocabulary: file(FILES.vocabulary).toString('utf8'),
    offsets: uint32View(file(FILES.postingsOffsets)),
    frequency: uint32View(file(FILES.postingsFrequency)),
    data: file(FILES.postingsData),
    lengths,
  });
  const lexicon = json<Lexicon>(FILES.lexicon);
  const { dimension } = manifest.embedder;
  const values = file(FILES.vectors);
  const vectors: QuantisedVectors = {
    dimension,
    values: new Int8Array(values.buffer, values.byteOffset, values.byteLength),
    scales: float32View(file(FILES.scales)),
  };
  if (vectors.values.length !== manifest.paragraphs * dimension || vectors.scales.length !== manifest.paragraphs) {
    throw new Error(`${FILES.vectors}: wrong length`);
  }
  // A question is segmented against the words the corpus uses and the words the lexicon can expand.
  const known = (w: string) => postings.has(w) || Object.hasOwn(lexicon.zh, w);
  const search =
    manifest.embedder.kind === 'hashing'
      ? vectorSearch(
          vectors,
          new HashingEmbeddings(json<HashingState>(FILES.embedder), (text) => questionWords(text, known)),
          'lexical',
        )
      : vectorSearch(vectors, await openaiEmbeddings(config), 'semantic', uint32View(file(FILES.bits)));

  // Files answering does not read (what the corpus files became) are checked all the same: damage
  // is noticed when the index is opened, whichever file it is in.
  for (const f of manifest.files) if (!read.has(f.name)) file(f.name);

  return {
    dir,
    manifest,
    documents,
    docById: new Map(documents.map((d) => [d.id, d])),
    chunks,
    positionsOf: (docId) => positionsByDoc.get(docId) ?? [],
    lexicon,
    postings,
    vectors: search,
  };
}
