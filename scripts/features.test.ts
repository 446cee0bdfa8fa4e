import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetSupportModules } from '../scenarios/testing/cucumber';
import { isNarrowed, main } from './features';

/**
 * npm run features keeps cucumber's HTML and JUnit whole: a narrowed run never overwrites the
 * full run's, and a Gherkin syntax error leaves both as they were (no 0-byte cucumber.xml).
 * In-process, into a scratch output directory.
 */

let out: string;
const savedRaw = process.env.HARNESS_RAW_DIR;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'features-out-'));
  process.env.HARNESS_RAW_DIR = mkdtempSync(join(tmpdir(), 'features-raw-'));
  // main loads the step files itself, as the command does: another file's run in this worker may have loaded them.
  forgetSupportModules();
});

afterAll(() => {
  if (savedRaw === undefined) delete process.env.HARNESS_RAW_DIR;
  else process.env.HARNESS_RAW_DIR = savedRaw;
});

describe('npm run features outputs', () => {
  it('tells narrowed runs from full ones', () => {
    expect(isNarrowed([])).toBe(false);
    expect(isNarrowed(['--parallel', '2', '--format', 'progress'])).toBe(false);
    expect(isNarrowed(['--tags', '@AUTH-03'])).toBe(true);
    expect(isNarrowed(['--name=Blocked'])).toBe(true);
    expect(isNarrowed(['features/states.feature'])).toBe(true);
    expect(isNarrowed(['--shard', '1/2'])).toBe(true);
  });

  it('a run narrowed by --tags writes cucumber-partial/ and not the full run\'s files; a Gherkin syntax error writes nothing', async () => {
    expect(await main(['--tags', '@TOKEN-02'], out)).toBe(0);
    const partial = readFileSync(join(out, 'cucumber-partial', 'cucumber.xml'), 'utf8');
    expect(partial).toMatch(/<testsuite /);
    expect(() => statSync(join(out, 'cucumber.xml'))).toThrow(/ENOENT/);

    forgetSupportModules();
    const bad = join(mkdtempSync(join(tmpdir(), 'bad-gherkin-')), 'bad.feature');
    writeFileSync(bad, 'Feature: broken\n  Scenario: one\n    Given a production account "Acme"\n  this line is not Gherkin\n');
    expect(await main([bad], out)).toBe(1);
    expect(readFileSync(join(out, 'cucumber-partial', 'cucumber.xml'), 'utf8')).toBe(partial);
  });
});
