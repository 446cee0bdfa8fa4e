import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs cucumber-js as a user would (tests only). Coverage records of these runs go to a
 * temporary directory, never into reports/out/raw, and no HTML or JUnit report is written
 * unless the arguments ask for one.
 */

export interface CucumberRun {
  readonly code: number | null;
  readonly output: string;
  /** Where the run's coverage records went. */
  readonly rawDir: string;
}

export function runCucumber(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CucumberRun> {
  const rawDir = mkdtempSync(join(tmpdir(), 'harness-raw-'));
  return new Promise((resolve, reject) => {
    const child = spawn(join('node_modules', '.bin', 'cucumber-js'), [...args], {
      env: { ...process.env, HARNESS_RAW_DIR: rawDir, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, rawDir }));
  });
}
