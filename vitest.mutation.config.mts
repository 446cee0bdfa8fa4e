import { defineConfig } from 'vitest/config';

/**
 * The checks that test the model, for `npm run mutation` (Stryker): the model's and the
 * properties' suites, and every Gherkin scenario run in-process (scenarios/all-features.mutation.ts),
 * so each mutant counts as killed when any of them notices it.
 */
export default defineConfig({
  test: {
    include: ['model/**/*.test.ts', 'properties/**/*.test.ts', 'scenarios/all-features.mutation.ts'],
    // Left out: the wire (it tests the simulator against the model, not the model), the deliberate
    // faults (they switch rules off on purpose), and the evidence counter (it tests that the
    // generators reach each rule's case; the world property it reruns is counted already).
    exclude: ['properties/wire.property.test.ts', 'properties/faults.test.ts', 'properties/evidence.test.ts'],
    globalSetup: ['io/run-id.setup.ts'],
    // A test file that fails to load counts as a failed test (stryker/load-failures.ts, stryker-js#6150).
    reporters: ['default', './stryker/load-failures.ts'],
    isolate: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
