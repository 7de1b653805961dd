// Compiles src/ to dist/, so that `npm start` and the `plans` CLI start from JavaScript instead of
// compiling TypeScript each time. The project's own modules are bundled (with code splitting, so
// that what a command loads lazily stays lazy): Node loads a few chunks instead of reading and
// linking a hundred files one by one. Dependencies stay in node_modules, as installed.
// Run by `npm install` (prepare) and, when a source file is newer than the build, by scripts/run.mjs.
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');

/** Every .ts file under src, with the newest modification time among them. */
export function sources() {
  const files = [];
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        files.push(path);
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  walk(src);
  return { files: files.sort(), newest };
}

/**
 * The compiled entry points: the two commands, the modules started as worker threads (started by
 * path, see src/worker-thread.ts), and the modules the benchmark's fresh processes import.
 */
const ENTRY_POINTS = ['main', 'cli/bin', 'index/batch-worker', 'slack/answering/worker', 'text/jieba-worker'];

/** What the stamp records: the source files and the newest time among them. */
export const stampOf = ({ files, newest }) => JSON.stringify({ newest, files: files.map((f) => relative(src, f)) });
export const STAMP = join(dist, '.stamp.json');

export async function compile() {
  // esbuild is loaded only to compile: checking whether to costs no more than a directory walk.
  const { build } = await import('esbuild');
  const found = sources();
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: ENTRY_POINTS.map((e) => join(src, `${e}.ts`)),
    bundle: true,
    splitting: true,
    packages: 'external',
    outdir: dist,
    outbase: src,
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  writeFileSync(STAMP, stampOf(found));
}

if (import.meta.url === `file://${process.argv[1]}`) await compile();
