import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'messages/**/*.test.ts'],
    environment: 'node',
    // The data-access layer imports "server-only"; outside Next it must resolve to nothing.
    alias: { 'server-only': path.resolve(__dirname, 'lib/testing/server-only-stub.ts') },
  },
});
