// A local OpenAI-compatible HTTP server for tests: records every request and answers chat
// completions from a script of handlers (reply, status, delay), and embeddings deterministically.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { path: string; body: any };
export type ChatStep =
  | { reply: unknown }
  | { replyTo: (body: any) => unknown }
  | { status: number; headers?: Record<string, string> }
  | { delayMs: number; reply: unknown };

export async function startFakeOpenAI(
  options: { chat?: ChatStep[]; repeat?: ChatStep; embeddingFailures?: number } = {},
) {
  const requests: RecordedRequest[] = [];
  const chat = [...(options.chat ?? [])];
  const repeat = options.repeat;
  let embeddingFailures = options.embeddingFailures ?? 0;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const part of req) raw += part;
    const body = raw ? JSON.parse(raw) : undefined;
    requests.push({ path: req.url ?? '', body });
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.url?.endsWith('/embeddings')) {
      if (embeddingFailures > 0) {
        embeddingFailures--;
        return json(429, { error: { message: 'rate limited' } }, { 'retry-after-ms': '10' });
      }
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      return json(200, {
        object: 'list',
        model: body.model,
        data: inputs.map((t, index) => ({
          object: 'embedding',
          index,
          embedding:
            body.encoding_format === 'base64'
              ? Buffer.from(Float32Array.from(fakeEmbedding(t)).buffer).toString('base64')
              : fakeEmbedding(t),
        })),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    }
    if (req.url?.endsWith('/chat/completions')) {
      const step = chat.shift() ?? repeat ?? { reply: { answer: 'no script left', found: false, citations: [] } };
      if ('status' in step) return json(step.status, { error: { message: `status ${step.status}` } }, step.headers);
      if ('delayMs' in step) await new Promise((r) => setTimeout(r, step.delayMs as number));
      const reply = 'replyTo' in step ? step.replyTo(body) : step.reply;
      if (res.destroyed) return;
      return json(200, {
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: 0,
        model: body.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: JSON.stringify(reply) } }],
      });
    }
    json(404, { error: { message: 'not found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path.endsWith('/chat/completions')),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A deterministic 32-dimensional embedding: character-bigram counts hashed into buckets. */
function fakeEmbedding(text: string): number[] {
  const v = new Array(32).fill(0);
  for (let i = 0; i + 1 < text.length; i++) v[(text.charCodeAt(i) * 31 + text.charCodeAt(i + 1)) % 32] += 1;
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}
