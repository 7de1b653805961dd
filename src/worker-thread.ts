// Starting a worker thread from a module beside the caller, whether the program runs from the
// compiled JavaScript (dist/) or from the TypeScript sources (tests, tsx): a .ts worker is started
// with tsx's loader, a .js one as it is.
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(callerUrl: string, baseName: string, options: WorkerOptions = {}): Worker {
  const fromSources = callerUrl.endsWith('.ts');
  const url = new URL(`./${baseName}.${fromSources ? 'ts' : 'js'}`, callerUrl);
  return new Worker(url, { ...options, execArgv: fromSources ? ['--import', 'tsx'] : options.execArgv });
}
