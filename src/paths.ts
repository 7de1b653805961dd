// Where the project's own files are (prompts/, data/, the compiled dist/, node_modules/.cache), found
// from the project root rather than from a module's own place: the compiled code is bundled into
// chunks that sit at other depths than their sources.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return dirname(from);
  }
}

export const PROJECT_ROOT = findRoot(fileURLToPath(import.meta.url));
/** Running from the TypeScript sources (tests, tsx) rather than the compiled dist/. */
export const FROM_SOURCES = import.meta.url.endsWith('.ts');
export const projectPath = (...parts: string[]) => join(PROJECT_ROOT, ...parts);
