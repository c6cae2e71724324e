import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most of the suite's wall time is real time spent waiting (rate-limit windows, child
    // processes): on 2 cores the default (one worker) runs the files one after the other.
    maxWorkers: 2,
  },
});
