import { defineConfig } from 'vitest/config';

/**
 * The checks that test the model, for `npm run mutation` (Stryker): the model's and the
 * properties' suites, and every Gherkin scenario run in-process (scenarios/all-features.mutation.ts),
 * so each mutant counts as killed when any of them notices it.
 */
export default defineConfig({
  test: {
    include: ['model/**/*.test.ts', 'properties/**/*.test.ts', 'scenarios/all-features.mutation.ts'],
    exclude: ['properties/wire.property.test.ts', 'properties/faults.test.ts'],
    globalSetup: ['io/run-id.setup.ts'],
    isolate: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
