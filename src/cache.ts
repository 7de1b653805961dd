// Derived data that costs seconds to compute and never changes between runs of the same code — the
// CC-CEDICT gloss table, the gazetteer with its aliases — is kept as JSON in
// node_modules/.cache/plans-bot (the usual place for a package's caches), keyed by a hash of the
// source of the module that computes it, so that changing that code never serves a stale table.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/plans-bot/', import.meta.url));

function cacheFile(name: string, moduleUrl: string, extra: string): string {
  const hash = createHash('sha1');
  hash.update(readFileSync(fileURLToPath(moduleUrl)));
  hash.update(extra);
  return join(CACHE_DIR, `${name}-${hash.digest('hex').slice(0, 12)}.json`);
}

function read<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function write(file: string, value: unknown): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {
    // A read-only install only loses the cache: the value is computed each time instead.
  }
}

/** The cached value, or `compute()` (then cached). `moduleUrl` is the computing module's import.meta.url. */
export function cached<T>(name: string, moduleUrl: string, compute: () => T, extra = ''): T {
  const file = cacheFile(name, moduleUrl, extra);
  const hit = read<T>(file);
  if (hit !== undefined) return hit;
  const value = compute();
  write(file, value);
  return value;
}

export async function cachedAsync<T>(
  name: string,
  moduleUrl: string,
  compute: () => Promise<T>,
  extra = '',
): Promise<T> {
  const file = cacheFile(name, moduleUrl, extra);
  const hit = read<T>(file);
  if (hit !== undefined) return hit;
  const value = await compute();
  write(file, value);
  return value;
}
