import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

/**
 * A vitest reporter for `npm run mutation` only: a test file that fails to load gets one failed
 * test carrying its load error, so Stryker counts the mutant that broke it as killed.
 *
 * Why: Stryker's vitest runner (9.6.1, and 10.0.0) builds a mutant's result from the tests it
 * collected, and a file whose import throws collects none, so a mutant every check in that file
 * would catch is reported Survived (stryker-js#6150). Here that happens whenever a mutant
 * changes a value the generators build at module level (an endpoint era emptied leaves
 * `fc.constantFrom()` with nothing to draw). A file that loaded is left as it is.
 */
export function markUnloadedFiles(files: readonly RunnerTestFile[]): number {
  let marked = 0;
  for (const file of files) {
    if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
    // Only the fields Stryker reads (name, suite chain, file, mode, result); vitest types a test with a
    // context only it can build, and nothing reads one once the run has ended.
    const test = {
      type: 'test',
      id: `${file.id}_load`,
      name: 'the test file loads',
      mode: 'run',
      file,
      suite: file,
      meta: {},
      result: { state: 'fail', errors: file.result.errors ?? [{ message: 'the test file failed to load' }], duration: 0 },
    } as unknown as RunnerTestCase;
    file.tasks.push(test);
    marked++;
  }
  return marked;
}

export default class LoadFailuresAsFailedTests implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    if (this.vitest) markUnloadedFiles(this.vitest.state.getFiles());
  }
}
