import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'messages/**/*.test.ts'],
    environment: 'node',
    // Generous limits: scrypt hashing and property runs are slow on a loaded 2-core machine,
    // and a timeout here would be a flaky failure, not a finding (speed lives in npm run bench).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The data-access layer imports "server-only"; outside Next it must resolve to nothing.
    alias: { 'server-only': path.resolve(__dirname, 'lib/testing/server-only-stub.ts') },
  },
});
