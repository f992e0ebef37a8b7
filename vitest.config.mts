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
          // Files share one database and one running app; run them one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
