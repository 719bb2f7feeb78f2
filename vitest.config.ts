import { defineConfig } from 'vitest/config';

const jsx = { runtime: 'automatic', importSource: 'preact' } as const;

export default defineConfig({
  oxc: { jsx },
  test: {
    projects: [
      {
        oxc: { jsx },
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'sandbox/**/*.test.ts'],
          restoreMocks: true,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One browser and one sandbox at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
