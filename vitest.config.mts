import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['model/**/*.test.ts', 'io/**/*.test.ts', 'planner/**/*.test.ts', 'wire/**/*.test.ts', 'properties/**/*.test.ts', 'scenarios/**/*.test.ts', 'reports/**/*.test.ts', 'explorer/**/*.test.ts', 'scripts/**/*.test.ts', 'stryker/**/*.test.ts'],
    globalSetup: ['io/run-id.setup.ts'],
    // vitest's default is one worker fewer than the cores: 1 on a 2-core machine; most files wait on processes and sockets.
    maxWorkers: 2,
    // One module cache per worker, not per file: the step library and the model are compiled once per worker.
    // Tests restore what they change (environment variables, the cucumber support cache: scenarios/testing/cucumber.ts).
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
