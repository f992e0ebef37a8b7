import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only-stub.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    setupFiles: ['tests/support/loud-console.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database (a template copy) and its own app from a pool that boots the
          // next ones while files run (merged with the root setupFiles).
          globalSetup: ['tests/support/app-pool.ts'],
          setupFiles: ['tests/support/app-per-file.ts'],
        },
      },
    ],
  },
});
