import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Browser tests build the site once; they run in their own project so unit tests stay fast.
    projects: [
      // A busy 2-core CI machine runs CLI subprocesses several times slower than an idle one: generous limits.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 120_000 } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
