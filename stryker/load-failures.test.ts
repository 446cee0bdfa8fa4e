import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';
import { markUnloadedFiles } from './load-failures';

/**
 * `npm run mutation` counts a test file that fails to load as a failed test, so a mutant that
 * breaks a module's import is killed, not survived (stryker-js#6150). Checked on what a real
 * vitest run hands Stryker: one file that throws on import, one that loads and passes.
 */
describe('a test file that fails to load is a failed test for Stryker', () => {
  it('gives the unloadable file one failed test carrying its load error, and leaves a loaded file as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'load-failures-'));
    writeFileSync(join(dir, 'broken.test.mjs'), "throw new Error('module refused to load');\n");
    writeFileSync(join(dir, 'fine.test.mjs'), "import { it, expect } from 'vitest';\nit('passes', () => expect(1).toBe(1));\n");
    const vitest = await createVitest('test', { root: dir, include: ['*.test.mjs'], watch: false, reporters: [{}], config: false, globalSetup: [] });
    try {
      await vitest.start();
      const files = vitest.state.getFiles();
      const broken = files.find((f) => f.name.endsWith('broken.test.mjs'));
      const fine = files.find((f) => f.name.endsWith('fine.test.mjs'));
      expect(broken?.tasks).toEqual([]);
      expect(broken?.result?.state).toBe('fail');

      expect(markUnloadedFiles(files)).toBe(1);
      const [test] = broken?.tasks ?? [];
      expect(test?.type).toBe('test');
      expect(test?.result?.state).toBe('fail');
      expect(test?.result?.errors?.[0]?.message).toContain('module refused to load');
      expect(test?.file).toBe(broken);
      expect(fine?.tasks.map((t) => [t.name, t.result?.state])).toEqual([['passes', 'pass']]);
      // Marked once: a second pass finds nothing left to mark.
      expect(markUnloadedFiles(files)).toBe(0);
    } finally {
      await vitest.close();
    }
  });
});
