// Creating a directory and its missing parents, one level at a time. Node's own `recursive: true`
// never returns for a path under a filesystem that refuses new entries with ENOENT (/proc/foo): it
// retries forever. Here each level is made once, so such a path fails at once with its error.
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The path's ancestors that do not exist yet, outermost first, ending with the path itself. */
function missingLevels(path: string, exists: (p: string) => boolean): string[] {
  const levels: string[] = [];
  for (let p = path; !exists(p); p = dirname(p)) {
    levels.unshift(p);
    if (dirname(p) === p) break;
  }
  return levels;
}

const existsSync = (p: string) => {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
};

export function makeDirSync(path: string): void {
  for (const level of missingLevels(path, existsSync)) {
    try {
      mkdirSync(level);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  if (!statSync(path).isDirectory())
    throw Object.assign(new Error(`${path} is a file, not a directory`), { code: 'EEXIST' });
}

export async function makeDir(path: string): Promise<void> {
  // Which levels are missing is decided synchronously (a few stat calls); each is then made once.
  const levels = missingLevels(path, existsSync);
  for (const level of levels)
    await mkdir(level).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  // As mkdir would say it: a file where the directory should be is EEXIST.
  if (!(await stat(path)).isDirectory())
    throw Object.assign(new Error(`${path} is a file, not a directory`), { code: 'EEXIST' });
}
