// OpenAI (or any OpenAI-compatible server) embeddings behind LangChain's Embeddings interface:
// batched, a bounded number of requests in flight, retried with backoff on 429 / 5xx by the SDK.
// Floats are asked for explicitly: several compatible servers (Ollama, vLLM) do not speak base64.
import { Embeddings } from '@langchain/core/embeddings';
import OpenAI from 'openai';
import type { Config } from '../config.js';

export class OpenAICompatibleEmbeddings extends Embeddings {
  readonly model: string;
  private client: OpenAI;
  private batchSize: number;
  private concurrency: number;

  constructor(config: Config) {
    super({});
    this.model = config.OPENAI_EMBEDDING_MODEL;
    this.client = new OpenAI({
      apiKey: config.OPENAI_API_KEY ?? 'not-needed',
      baseURL: config.OPENAI_BASE_URL,
      maxRetries: config.LLM_MAX_RETRIES,
      timeout: config.LLM_TIMEOUT_MS,
    });
    this.batchSize = config.EMBED_BATCH_SIZE;
    this.concurrency = config.EMBED_CONCURRENCY;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) batches.push(texts.slice(i, i + this.batchSize));
    const results: number[][][] = new Array(batches.length);
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const i = next++;
        const response = await this.client.embeddings.create({
          model: this.model,
          input: batches[i],
          encoding_format: 'float',
        });
        results[i] = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, batches.length) }, worker));
    return results.flat();
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedDocuments([text]))[0];
  }
}
