import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
    // Index builds use the disk and both cores; running files one at a time keeps timings honest.
    fileParallelism: false,
  },
});
