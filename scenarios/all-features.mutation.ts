import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCucumber } from './testing/cucumber';

/**
 * Every Gherkin scenario of features/, in-process, as one vitest test: how `npm run mutation`
 * (vitest.mutation.config.mts) counts the scenarios among the checks that test the model.
 * Not part of `npm test`, which runs the scenarios with cucumber-js itself.
 */
it('every scenario of features/ passes', async () => {
  const run = await runCucumber(['-p', 'adhoc', 'features/'], { HARNESS_RAW_DIR: mkdtempSync(join(tmpdir(), 'mutation-raw-')) });
  expect(run.code, run.output.slice(-3000)).toBe(0);
});
