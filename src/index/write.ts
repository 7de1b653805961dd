// Writing a build: every file into a fresh directory, the manifest (with each file's size and
// checksum) last, then CURRENT switched to it atomically. A build that fails or is killed midway
// never becomes current; the next build removes it.
import { makeDir } from '../make-dir.js';
import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import type { PlanDocument } from '../ingest/documents.js';
import type { ChunkRecord } from './batch.js';
import { encodeDocuments } from './documents-file.js';
import { buildWriter, bytesOf } from './files.js';
import type { HashingState } from './hashing-embeddings.js';
import { CHUNK_COLUMNS, FILES } from './layout.js';
import type { Lexicon } from './lexicon.js';
import {
  buildDir,
  buildsDir,
  INDEX_VERSION,
  writePointer,
  type EmbedderInfo,
  type Manifest,
  type SourceRecord,
} from './manifest.js';
import type { EncodedPostings } from './postings.js';
import { signBits, type QuantisedVectors } from './vectors.js';

export type BuildContents = {
  manifest: Omit<Manifest, 'version' | 'builtAt' | 'files' | 'embedder' | 'documents' | 'paragraphs'>;
  sources: SourceRecord[];
  documents: PlanDocument[];
  /** In position order. */
  chunks: ChunkRecord[];
  postings: EncodedPostings;
  vectors: QuantisedVectors;
  embedder: { info: EmbedderInfo; state?: HashingState };
  lexicon: Lexicon;
};

export const newBuildId = () => `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;

/** Writes a complete build and makes it the one that serves. Returns its directory. */
export async function writeBuild(indexDir: string, contents: BuildContents): Promise<string> {
  const id = newBuildId();
  const dir = buildDir(indexDir, id);
  await makeDir(dir);
  try {
    const files = buildWriter(dir);
    const { metadata, texts } = encodeDocuments(contents.documents);
    await files.write(FILES.documents, metadata);
    await files.write(FILES.texts, texts);
    await files.write(FILES.sources, JSON.stringify(contents.sources));
    const { columns, sections } = chunkColumns(contents, contents.postings.lengths);
    await files.write(FILES.chunks, bytesOf(columns));
    await files.write(FILES.sections, JSON.stringify(sections));
    await files.write(FILES.vocabulary, contents.postings.vocabulary);
    await files.write(FILES.postingsOffsets, bytesOf(contents.postings.offsets));
    await files.write(FILES.postingsFrequency, bytesOf(contents.postings.frequency));
    await files.write(FILES.postingsData, contents.postings.data);
    await files.write(FILES.vectors, bytesOf(contents.vectors.values));
    await files.write(FILES.scales, bytesOf(contents.vectors.scales));
    if (contents.embedder.info.kind === 'openai') await files.write(FILES.bits, bytesOf(signBits(contents.vectors)));
    await files.write(FILES.embedder, JSON.stringify(contents.embedder.state ?? contents.embedder.info));
    await files.write(FILES.lexicon, JSON.stringify(contents.lexicon));
    const manifest: Manifest = {
      version: INDEX_VERSION,
      builtAt: new Date().toISOString(),
      embedder: contents.embedder.info,
      documents: contents.documents.length,
      paragraphs: contents.chunks.length,
      ...contents.manifest,
      files: files.records,
    };
    // The manifest is written last: a build directory without one is incomplete and never served.
    await files.write('manifest.json', JSON.stringify(manifest, null, 1));
    await writePointer(indexDir, { build: id, corpusDir: contents.manifest.corpusDir });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  await removeBuildsExcept(indexDir, id);
  return dir;
}

function chunkColumns(contents: BuildContents, lengths: Uint32Array): { columns: Int32Array; sections: string[][] } {
  const docIndex = new Map(contents.documents.map((d, i) => [d.id, i]));
  const sectionIndex = new Map<string, number>();
  const sections: string[][] = [];
  const width = CHUNK_COLUMNS.length;
  const columns = new Int32Array(contents.chunks.length * width);
  contents.chunks.forEach((c, p) => {
    const key = JSON.stringify(c.sectionPath);
    let s = sectionIndex.get(key);
    if (s === undefined) {
      s = sections.length;
      sectionIndex.set(key, s);
      sections.push(c.sectionPath);
    }
    columns.set([docIndex.get(c.docId)!, c.start, c.end, c.ordinal, s, c.garbled ? 1 : 0, lengths[p]], p * width);
  });
  return { columns, sections };
}

/** Removes every build but `keep`: abandoned ones (killed or failed builds) and the one replaced. */
export async function removeBuildsExcept(indexDir: string, keep: string | undefined): Promise<void> {
  for (const b of await readdir(buildsDir(indexDir)).catch(() => [] as string[])) {
    if (b !== keep) await rm(buildDir(indexDir, b), { recursive: true, force: true });
  }
}
