// Shared fixtures: the bundled corpus ingested once per test file, and temporary directories.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config } from '../../src/config.js';
import { ingestFile, type IngestedFile } from '../../src/ingest/documents.js';
import { loadCorpus } from '../../src/ingest/load.js';

export const testConfig = (overrides: Record<string, string> = {}): Config =>
  parseConfig({ LOG_LEVEL: 'silent', ...overrides });

export const tempDir = (prefix = 'plans-test-') => mkdtempSync(join(tmpdir(), prefix));

let bundled: IngestedFile[] | undefined;
export async function bundledCorpus(): Promise<IngestedFile[]> {
  if (!bundled) {
    const { files } = await loadCorpus('corpus', { maxFileBytes: 50 * 1024 * 1024 });
    bundled = files.map(ingestFile);
  }
  return bundled;
}

export async function bundledDocuments() {
  return (await bundledCorpus()).flatMap((f) => f.documents);
}
export async function bundledChunks() {
  return (await bundledCorpus()).flatMap((f) => f.chunks);
}
