// Starting a worker thread from one of the project's modules (named by its path under src/, without
// extension), whether the program runs from the compiled JavaScript (dist/) or from the TypeScript
// sources (tests, tsx). A .ts worker is started through a one-line module that registers tsx's
// loader first: `--import tsx` in a worker's execArgv does not reach the worker's own entry module.
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { FROM_SOURCES, projectPath } from './paths.js';

export function startWorker(module: string, options: WorkerOptions = {}): Worker {
  if (!FROM_SOURCES) return new Worker(projectPath('dist', `${module}.js`), options);
  const entry = pathToFileURL(projectPath('src', `${module}.ts`)).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), options);
}
