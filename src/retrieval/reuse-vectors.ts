// Re-ingesting with a paid embedder: paragraphs whose text is unchanged keep the vectors of the
// build now serving (read back from its HNSW graph), so only new or changed text is sent to the API.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { Chunk } from '../ingest/chunk.js';
import type { EmbedderInfo, Manifest } from './index-store.js';

export type VectorLookup = (text: string) => number[] | undefined;

export async function previousVectors(
  buildDir: string | undefined,
  embedder: EmbedderInfo,
): Promise<VectorLookup | undefined> {
  if (!buildDir || embedder.kind !== 'openai') return undefined;
  try {
    const manifest = JSON.parse(await readFile(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.embedder.kind !== embedder.kind || manifest.embedder.model !== embedder.model) return undefined;
    const indexFile = join(buildDir, 'hnswlib', 'hnswlib.index');
    if (!existsSync(indexFile)) return undefined;
    const { chunks } = JSON.parse(await readFile(join(buildDir, 'store.json'), 'utf8')) as { chunks: Chunk[] };
    const graph = new hnswlib.HierarchicalNSW('cosine', manifest.embedder.dimension);
    await graph.readIndex(indexFile);
    const positionOf = new Map(chunks.map((c, i) => [c.text, i]));
    return (text) => {
      const position = positionOf.get(text);
      return position === undefined ? undefined : graph.getPoint(position);
    };
  } catch {
    // A previous build that cannot be read only means more embedding calls.
    return undefined;
  }
}
