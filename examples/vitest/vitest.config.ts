import { defineConfig } from 'vitest/config';

// The example's own config: `npx vitest run --config examples/vitest/vitest.config.ts`.
// (The package's `npm test` runs it once, from test/examples.test.ts.)
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    testTimeout: 30_000,
  },
});
