// The manifest of a build: what it was built from and with, and the size and checksum of each of
// its files, so that damage is noticed when the index is opened. `CURRENT` names the build that
// serves; it is replaced atomically, so a reader sees either the old build or the new one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './files.js';

// Bump when the files of a build change shape or the rules that make them change (cleaning,
// chunking, tokens, features); a build of another version is rebuilt from the corpus.
export const INDEX_VERSION = 19;

const noiseSchema = z.record(z.string(), z.number());

export const manifestSchema = z.object({
  version: z.number(),
  builtAt: z.string(),
  embedder: z.object({
    kind: z.enum(['hashing', 'openai']),
    model: z.string(),
    dimension: z.number().int().positive(),
  }),
  problems: z.array(z.object({ file: z.string(), message: z.string() })),
  documents: z.number().int(),
  paragraphs: z.number().int(),
  /** The corpus it was built from (absolute path), and that corpus's fingerprint then. */
  corpusDir: z.string(),
  corpusFingerprint: z.string(),
  /** The file-size limit (MAX_FILE_MB) files were read under: raising it reads the files it skipped. */
  maxFileMB: z.number().optional(),
  /** Every other file of the build, with its size and CRC-32. */
  files: z.array(
    z.object({
      name: z.string(),
      bytes: z.number().int(),
      crc32: z.number().int(),
      sampleCrc32: z.number().int().optional(),
    }),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type EmbedderInfo = Manifest['embedder'];

export const sourcesSchema = z.array(
  z.object({
    file: z.string(),
    sha256: z.string(),
    encoding: z.string(),
    documents: z.array(z.string()),
    noise: noiseSchema,
  }),
);
export type SourceRecord = z.infer<typeof sourcesSchema>[number];

/** The pointer to the serving build. JSON, so that it can also say which corpus to heal from. */
const pointerSchema = z.object({ build: z.string().regex(/^[\w.-]+$/), corpusDir: z.string() });
export type Pointer = z.infer<typeof pointerSchema>;

export const buildsDir = (indexDir: string) => join(indexDir, 'builds');
export const buildDir = (indexDir: string, id: string) => join(indexDir, 'builds', id);

/** The serving build named in CURRENT, or undefined (no index yet, or a pointer that cannot be read). */
export async function readPointer(indexDir: string): Promise<Pointer | undefined> {
  try {
    const raw = await readFile(join(indexDir, 'CURRENT'), 'utf8');
    const parsed = pointerSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writePointer(indexDir: string, pointer: Pointer): Promise<void> {
  await writeFileAtomic(join(indexDir, 'CURRENT'), JSON.stringify(pointer));
}

export async function readManifest(dir: string): Promise<Manifest> {
  const parsed = manifestSchema.safeParse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
  if (!parsed.success) throw new Error(`manifest.json: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Rewrites a build's manifest (it is not among the files it records), atomically. */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
}
