// Derived data that costs seconds to compute and never changes between runs of the same code — the
// CC-CEDICT gloss table, the gazetteer with its aliases — is kept as JSON in
// node_modules/.cache/plans-bot (the usual place for a package's caches), keyed by a hash of the
// TypeScript source of the module that computes it (src/…, which every checkout has beside dist/),
// so that changing that code never serves a stale table and rebuilding dist/ does not discard it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from './paths.js';

const CACHE_DIR = projectPath('node_modules', '.cache', 'plans-bot');

function cacheFile(name: string, sourceModule: string, extra: string): string {
  const hash = createHash('sha1');
  try {
    hash.update(readFileSync(projectPath('src', sourceModule)));
  } catch {
    // No sources beside the compiled code: the cache is keyed by the extra key alone.
  }
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

/** The cached value, or `compute()` (then cached). `sourceModule` is the computing module's path under src/. */
export function cached<T>(name: string, sourceModule: string, compute: () => T, extra = ''): T {
  const file = cacheFile(name, sourceModule, extra);
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
