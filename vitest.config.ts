import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // PGlite boots a WebAssembly Postgres per file; two cores, so keep the pool small.
          maxWorkers: 3,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          // A whole journey (the crisis line runs ~70 s alone) on two cores; each step has its own,
          // shorter timeout, so a stuck step still fails with its own message.
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Journeys each start a server and a browser; one at a time keeps them steady on two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
