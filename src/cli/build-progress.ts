// What a person sees while the index is built or updated, on stderr: on a terminal, one bar that
// names the stage and the file at hand; otherwise a few plain lines. Notes (damage noticed, corpus
// changed, waiting for another build) are single lines either way.
import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';
import type { BuildProgress, BuildStage } from '../index/build.js';

const STAGES: Record<BuildStage, string> = {
  read: 'reading files',
  process: 'cleaning and indexing',
  lexicon: 'dictionary',
  embed: 'vectors',
  write: 'writing',
};

export type BuildReporter = { progress: BuildProgress; note: (line: string) => void; finish: () => void };

export function buildReporter(out: NodeJS.WriteStream = process.stderr): BuildReporter {
  let bar: SingleBar | undefined;
  let stage: BuildStage | undefined;
  let started: number | undefined;
  let lastLine = 0;
  const plain = (line: string) => out.write(`${line}\n`);

  const progress: BuildProgress = (next, done, total, detail) => {
    started ??= performance.now();
    if (!out.isTTY) {
      // Not a terminal (a pipe, a log): a line when a stage starts or ends, and one every five seconds.
      const now = performance.now();
      if (next !== stage || done === total || now - lastLine > 5000) {
        plain(`Indexing: ${STAGES[next]} ${done}/${total}${detail ? ` (${detail})` : ''}`);
        lastLine = now;
      }
      stage = next;
      return;
    }
    if (!bar) {
      // cli-progress is loaded only when there is a build to show.
      const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
      bar = new SingleBar(
        { format: 'Indexing {stage} [{bar}] {value}/{total} {detail}', hideCursor: true, stream: out },
        Presets.shades_classic,
      );
      bar.start(total, done, { stage: STAGES[next], detail: detail ?? '' });
    } else if (next !== stage) {
      bar.setTotal(total);
      bar.update(done, { stage: STAGES[next], detail: detail ?? '' });
    } else bar.update(done, { detail: detail ?? '' });
    stage = next;
  };

  return {
    progress,
    note(line) {
      if (bar) {
        bar.stop();
        bar = undefined;
      }
      plain(line);
    },
    finish() {
      bar?.stop();
      bar = undefined;
      if (started !== undefined) plain(`Index ready (${((performance.now() - started) / 1000).toFixed(1)} s).`);
      started = undefined;
    },
  };
}
