import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCucumber } from './testing/cucumber';

/**
 * Every Gherkin scenario of features/, in-process, one vitest test per feature file: how
 * `npm run mutation` (vitest.mutation.config.mts) counts the scenarios among the checks that
 * test the model. One test per file lets Stryker run, for each mutant, only the features that
 * reach the mutated code, and stop at the first that fails. Not part of `npm test`, which runs
 * the scenarios with cucumber-js itself.
 */
const FEATURES = readdirSync('features').filter((f) => f.endsWith('.feature')).sort();

it('features/ has feature files to run', () => {
  expect(FEATURES.length).toBeGreaterThan(5);
});

it.each(FEATURES)('every scenario of features/%s passes', async (file) => {
  const run = await runCucumber(['-p', 'adhoc', join('features', file)], { HARNESS_RAW_DIR: mkdtempSync(join(tmpdir(), 'mutation-raw-')) });
  expect(run.code, run.output.slice(-3000)).toBe(0);
});
