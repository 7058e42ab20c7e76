import { defineConfig } from 'vitest/config';

// One run, three kinds of tests: pure unit tests, integration tests that talk to
// SQLite and PostgreSQL, and browser tests that drive the built UI in Chromium.
export default defineConfig({
  test: {
    reporters: ['default', './vitest.summary.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/core/src/**/*.test.ts',
            'packages/importer/src/**/*.test.ts',
            'packages/web/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/server/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          // A browser waits on autosave debounces and round trips on two shared cores: a
          // state the UI must reach gets 10 s, not expect.poll's default 1 s.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
