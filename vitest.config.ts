import { configDefaults, defineConfig } from 'vitest/config';

// Most of the suite's wall time is real time spent waiting (rate-limit windows, child processes):
// on 2 cores the default (one worker) runs the files one after the other, so two run at once.
// The tests that measure a shared rate across real processes run alone, last: on a
// loaded 2-core machine, another file's CPU would slow its processes below the rate it checks.
const ALONE = ['test/redisFleet.test.ts', 'test/redisSentinel.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ALONE],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
