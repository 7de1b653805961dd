// Which embedder a build uses, how the manifest records it, and whether an existing build was
// made with the one the settings ask for now. The OpenAI client is imported only when used.
import type { Embeddings } from '@langchain/core/embeddings';
import { embedderKind, type Config } from '../config.js';
import type { EmbedderInfo } from './manifest.js';

export const HASHING_MODEL = 'hashing-ngram-v2';

/** What the settings ask for (the dimension of an OpenAI-compatible model is known only after a call). */
export function wantedEmbedder(config: Config): Omit<EmbedderInfo, 'dimension'> & { dimension?: number } {
  return embedderKind(config) === 'openai'
    ? { kind: 'openai', model: config.OPENAI_EMBEDDING_MODEL }
    : { kind: 'hashing', model: HASHING_MODEL, dimension: config.HASH_DIM };
}

export function sameEmbedder(built: EmbedderInfo, config: Config): boolean {
  const wanted = wantedEmbedder(config);
  return (
    built.kind === wanted.kind &&
    built.model === wanted.model &&
    (wanted.dimension === undefined || wanted.dimension === built.dimension)
  );
}

export async function openaiEmbeddings(config: Config): Promise<Embeddings & { model: string }> {
  const { OpenAICompatibleEmbeddings } = await import('./openai-embeddings.js');
  return new OpenAICompatibleEmbeddings(config);
}
