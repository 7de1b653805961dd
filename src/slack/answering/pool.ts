// Answering runs off the thread that acknowledges Slack: a few worker threads, each with its own
// copy of the index loaded from disk, take jobs from one bounded queue. Jobs of one conversation run
// in order (a follow-up waits for the question it follows). With SLACK_WORKERS=0 the same queue
// runs jobs on the main thread instead (small installs, debugging).
import type { Worker } from 'node:worker_threads';
import type { Config } from '../../config.js';
import { logger } from '../../log.js';
import type { PlanIndex } from '../index-access.js';
import { composeAnswer } from './compose.js';
import type { AnswerJob, AnswerOutcome } from './job.js';
import { startWorker } from '../../worker-thread.js';
import type { FromWorker, ToWorker } from './worker.js';

export type Submission = {
  /** Jobs with the same key run one after another, in the order submitted. */
  key?: string;
  /** Called when the job starts, so it reads the conversation as the previous job left it. */
  build: () => AnswerJob;
  /** Called as soon as the job is done, before the next job of the same key starts. */
  settle?: (outcome: AnswerOutcome) => void;
};
export type Queued = { full: false; ahead: number; done: Promise<AnswerOutcome> };

export type Answerer = {
  submit(submission: Submission): Queued | { full: true };
  /** Every answering thread reloads the index from disk; resolves when all have. */
  reload(): Promise<void>;
  ready(): Promise<void>;
  close(): Promise<void>;
};

type Entry = Submission & { resolve: (o: AnswerOutcome) => void; reject: (e: Error) => void };
type Runner = { run(job: AnswerJob): Promise<AnswerOutcome> };

/** The queue shared by both kinds of answerer: `runners` are the free hands. */
function scheduler(queueLimit: number) {
  const queue: Entry[] = [];
  const running = new Set<string>();
  const idle: Runner[] = [];
  const pump = () => {
    while (idle.length) {
      const i = queue.findIndex((e) => !e.key || !running.has(e.key));
      if (i < 0) return;
      const [entry] = queue.splice(i, 1);
      const runner = idle.shift()!;
      if (entry.key) running.add(entry.key);
      let job: AnswerJob;
      try {
        job = entry.build();
      } catch (err) {
        finish(runner, entry);
        entry.reject(err as Error);
        continue;
      }
      runner.run(job).then(
        (outcome) => {
          entry.settle?.(outcome);
          finish(runner, entry);
          entry.resolve(outcome);
        },
        (err: Error) => {
          finish(runner, entry);
          entry.reject(err);
        },
      );
    }
  };
  const finish = (runner: Runner, entry: Entry) => {
    if (entry.key) running.delete(entry.key);
    idle.push(runner);
    queueMicrotask(pump);
  };
  return {
    addRunner(runner: Runner) {
      idle.push(runner);
      pump();
    },
    removeRunner(runner: Runner) {
      const i = idle.indexOf(runner);
      if (i >= 0) idle.splice(i, 1);
    },
    submit(submission: Submission): Queued | { full: true } {
      if (queue.length >= queueLimit) return { full: true };
      const ahead = idle.length ? 0 : queue.length + 1;
      let entry!: Entry;
      const done = new Promise<AnswerOutcome>((resolve, reject) => {
        entry = { ...submission, resolve, reject };
      });
      // The caller awaits `done` only after showing progress; until then a failure is not "unhandled".
      done.catch(() => {});
      queue.push(entry);
      pump();
      return { full: false, ahead, done };
    },
  };
}

/** Answers on the main thread, one job at a time, from the index the bot holds now. */
export function inProcessAnswerer(index: () => PlanIndex, config: Config, queueLimit: number): Answerer {
  const queue = scheduler(queueLimit);
  queue.addRunner({
    run: (job) => new Promise((resolve) => setImmediate(resolve)).then(() => composeAnswer(index(), config, job)),
  });
  return {
    submit: (s) => queue.submit(s),
    reload: async () => {},
    ready: async () => {},
    close: async () => {},
  };
}

/** An answering worker: compiled `.js` next to this file, or the `.ts` source run through tsx. */
function spawn(indexDir: string, config: Config): Worker {
  return startWorker('slack/answering/worker', { workerData: { indexDir, config } });
}

export function workerAnswerer(options: {
  size: number;
  indexDir: string;
  config: Config;
  queueLimit: number;
}): Answerer {
  const queue = scheduler(options.queueLimit);
  const workers = new Set<Worker>();
  const readies: Promise<void>[] = [];
  let closing = false;
  let seq = 0;

  const launch = (): Promise<void> =>
    new Promise((resolveReady, rejectReady) => {
      const worker = spawn(options.indexDir, options.config);
      workers.add(worker);
      const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
      const call = (message: ToWorker) =>
        new Promise<unknown>((resolve, reject) => {
          pending.set(message.seq, { resolve, reject });
          worker.postMessage(message);
        });
      const runner: Runner & { reload(): Promise<unknown> } = {
        run: (job) => call({ type: 'job', seq: ++seq, job }) as Promise<AnswerOutcome>,
        reload: () => call({ type: 'reload', seq: ++seq }),
      };
      reloaders.add(runner);
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          queue.addRunner(runner);
          resolveReady();
        } else if (message.type === 'failed')
          rejectReady(new Error(`an answering thread could not start: ${message.error}`));
        else {
          const waiting = pending.get(message.seq);
          pending.delete(message.seq);
          if (message.error) waiting?.reject(new Error(message.error));
          else waiting?.resolve(message.outcome);
        }
      });
      worker.on('error', (err) => logger.error({ err }, 'answering thread failed'));
      worker.on('exit', (code) => {
        workers.delete(worker);
        reloaders.delete(runner);
        queue.removeRunner(runner);
        for (const p of pending.values()) p.reject(new Error(`the answering thread stopped (exit code ${code})`));
        pending.clear();
        rejectReady(new Error(`the answering thread stopped before it was ready (exit code ${code})`));
        // A thread that dies (out of memory, a bug) is replaced; its job was reported as failed.
        if (!closing) launch().catch((err) => logger.error({ err }, 'answering thread could not restart'));
      });
    });

  const reloaders = new Set<{ reload(): Promise<unknown> }>();
  for (let i = 0; i < options.size; i++) readies.push(launch());
  const allReady = Promise.all(readies).then(() => {});
  allReady.catch(() => {});

  return {
    submit: (s) => queue.submit(s),
    reload: async () => {
      await Promise.all([...reloaders].map((r) => r.reload()));
    },
    ready: () => allReady,
    close: async () => {
      closing = true;
      await Promise.all([...workers].map((w) => w.terminate()));
    },
  };
}
