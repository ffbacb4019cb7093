import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/compiler/**/*.test.ts', 'test/ingest/**/*.test.ts', 'test/search/**/*.test.ts', 'test/site/**/*.test.ts', 'test/*.test.ts'], testTimeout: 30_000 },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
