// Preloaded into a process the benchmark measures (node --import ./bench/peak-rss.mjs …): on exit it
// writes the process's peak resident memory (worker threads included) to stderr, on a line of its own.
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-mb ${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
});
