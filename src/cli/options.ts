import type cliProgress from 'cli-progress';
import type { BuildProgress } from '../index/build.js';

export const indexOptions = (opts: { index?: string; corpus?: string }) => ({
  indexDir: opts.index,
  corpusDir: opts.corpus,
});

/** Adapts a cli-progress bar (or nothing, when stderr is not a terminal) to the build's progress callback. */
export function progressBar(bar: cliProgress.SingleBar | undefined): BuildProgress {
  let stage = '';
  return (next, done, total) => {
    if (!bar) return;
    if (next !== stage) {
      if (stage) bar.stop();
      stage = next;
      bar.start(total, done, { stage: next.padEnd(8) });
    } else bar.update(done);
  };
}
