import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['model/**/*.test.ts', 'io/**/*.test.ts', 'planner/**/*.test.ts', 'wire/**/*.test.ts', 'properties/**/*.test.ts', 'scenarios/**/*.test.ts', 'reports/**/*.test.ts', 'explorer/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['io/run-id.setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
