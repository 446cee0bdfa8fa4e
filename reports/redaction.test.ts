import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfidential } from '../model';
import { ConfidentialOutputError, refuseConfidential, runReport } from './report';
import { CoverageRecorder } from '../io/recorder';
import { confidentialValues, recordsForTransitions, writeRaw } from './testing/records';
import { writeAllOrNothing } from '../io/write';
import { traceToGherkin } from '../scenarios/gherkin';

/**
 * AUTH-08 for the reports: after a run with real generated values (worlds driven through every
 * transition, and a check whose name carries a real Application ID and secret, as a careless
 * counterexample name might), no Application ID, consumer key or secret, token ID or secret
 * appears in any file under the output directory, raw files included.
 */

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The forms a value may take in text: as generated, upper and lower case, with and without dashes. */
function forms(value: string): string[] {
  const bare = value.replace(/-/g, '');
  return [...new Set([value, value.toLowerCase(), value.toUpperCase(), bare.toLowerCase(), bare.toUpperCase()])];
}

describe('confidential values never reach the reports', () => {
  it('no generated Application ID, key, secret or token value appears in any file under the output directory', async () => {
    const out = mkdtempSync(join(tmpdir(), 'redaction-out-'));
    const raw = join(out, 'raw');
    const run = recordsForTransitions();
    const values = run.worlds.flatMap(confidentialValues);
    expect(values.length).toBeGreaterThan(50);

    writeRaw(raw, run.records, 2);
    // A check named with real values, written the way scenarios and properties write (recorder.finish).
    const world = run.worlds.find((w) => Object.values(w.tokens).length > 0) ?? run.worlds[0];
    const record = Object.values(world.records)[0];
    const token = Object.values(world.tokens)[0];
    const recorder = new CoverageRecorder('property', `counterexample: Application ID ${record.applicationId} with secret ${record.consumerSecret}${token ? ` and token ${token.tokenSecret}` : ''} (AUTH-08)`);
    recorder.checks(['AUTH-08']);
    recorder.finish('failed', raw);

    await runReport({ print: traceToGherkin, rawDirectories: [raw], outDir: out, explorerFiles: [] });
    const files = filesUnder(out);
    expect(files.map((f) => f.slice(out.length + 1)).sort()).toEqual(expect.arrayContaining(['coverage.json', 'index.html', 'summary.md']));
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(findConfidential(text), f).toEqual([]);
      for (const v of values) for (const form of forms(v)) expect(text.includes(form), `${f} contains a generated value`).toBe(false);
    }
    // The careless check is still there, by its redacted name.
    const json = readFileSync(join(out, 'coverage.json'), 'utf8');
    expect(json).toMatch(/counterexample: Application ID \[redacted #[0-9a-f]{6}\] with secret \[redacted #[0-9a-f]{6}\]/);
  });

  it('refuses to write an output that would contain a confidential-looking value', () => {
    expect(new ConfidentialOutputError('index.html', 2).message).toMatch(/index\.html would contain 2 value\(s\).*nothing was written/);
    // The guard buildReport runs on every output: clean outputs pass, one leaked value in any file refuses them all.
    const clean = { name: 'summary.md', content: 'no secrets here' };
    expect(() => refuseConfidential([clean])).not.toThrow();
    const leaked = { name: 'index.html', content: `Application ID 1A2B3C4D-0000-4000-8000-ABCDEF012345 and secret ${'ab'.repeat(32)}` };
    expect(() => refuseConfidential([clean, leaked])).toThrow(ConfidentialOutputError);
    expect(() => refuseConfidential([clean, leaked])).toThrow(/index\.html would contain 2 value\(s\)/);
  });

  it('writes all files or none: a failing write leaves the old files and no temporary file', () => {
    const out = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeAllOrNothing(out, [{ name: 'a.txt', content: 'old a' }, { name: 'b.txt', content: 'old b' }]);
    expect(() => writeAllOrNothing(out, [{ name: 'a.txt', content: 'new a' }, { name: 'missing/dir/b.txt', content: 'new b' }])).toThrow(/ENOENT/);
    expect(readdirSync(out).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a');
  });
});
