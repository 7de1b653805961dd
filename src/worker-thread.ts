// Starting a worker thread from a module beside the caller, whether the program runs from the
// compiled JavaScript (dist/) or from the TypeScript sources (tests, tsx). A .ts worker is started
// through a one-line module that registers tsx's loader first: `--import tsx` in a worker's
// execArgv does not reach the worker's own entry module.
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(callerUrl: string, baseName: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${baseName}.js`, callerUrl), options);
  const entry = new URL(`./${baseName}.ts`, callerUrl).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), options);
}
