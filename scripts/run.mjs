// Runs a compiled entry point (`node scripts/run.mjs main`, `node scripts/run.mjs cli/bin …`),
// compiling first if any source file changed since the last build — so the repository's own
// commands always run the code as it is, and start in JavaScript's time, not TypeScript's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = process.argv[2];
process.argv.splice(2, 1);

const { sources, stampOf, STAMP, compile } = await import('./build.mjs');
let built;
try {
  built = readFileSync(STAMP, 'utf8');
} catch {
  built = undefined;
}
if (built !== stampOf(sources())) await compile();
await import(pathToFileURL(join(root, 'dist', `${entry}.js`)).href);
