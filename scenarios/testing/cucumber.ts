import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfiguration, loadSupport, runCucumber as runCucumberApi, type ISupportCodeLibrary } from '@cucumber/cucumber/api';

/**
 * Runs cucumber for tests: in-process through its JavaScript API (`runCucumber`), or, where a
 * test needs the real command line, as a child process (`spawnCucumber`). Coverage records of
 * these runs go to a temporary directory, never into reports/out/raw, and no HTML or JUnit
 * report is written unless the arguments ask for one.
 */

export interface CucumberRun {
  readonly code: number | null;
  readonly output: string;
  /** Where the run's coverage records went. */
  readonly rawDir: string;
}

/** Support code libraries by profile: loaded once per profile, reused by later runs. */
const libraries = new Map<string, ISupportCodeLibrary>();

/**
 * Step files register themselves when first required, so a library loaded after another one
 * (another profile, or another test file in the same worker) needs them required afresh: forget
 * the project's support modules before loading it.
 */
export function forgetSupportModules(): void {
  const scenarios = resolve('scenarios');
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(scenarios) && !key.includes(`${join('scenarios', 'testing')}`)) delete require.cache[key];
  }
}

function splitProfiles(args: readonly string[]): { profiles: string[]; rest: string[] } {
  const profiles: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-p' || args[i] === '--profile') profiles.push(args[++i]);
    else rest.push(args[i]);
  }
  return { profiles, rest };
}

/**
 * cucumber-js with these arguments, in this process. Environment variables the support code
 * reads (HARNESS_FAULT, HARNESS_SEED) are set for the run and restored after it, so runs must
 * not overlap: await each one.
 */
export async function runCucumber(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CucumberRun> {
  const rawDir = mkdtempSync(join(tmpdir(), 'harness-raw-'));
  const runEnv: Record<string, string> = { HARNESS_RAW_DIR: rawDir, FORCE_COLOR: '0', NO_COLOR: '1', ...env };
  // A run sees only the deliberate faults and seed it is given, never the caller's.
  const saved = new Map(Object.keys(runEnv).concat('HARNESS_FAULT', 'HARNESS_SEED').map((k) => [k, process.env[k]]));
  delete process.env.HARNESS_FAULT;
  delete process.env.HARNESS_SEED;
  Object.assign(process.env, runEnv);
  let output = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk);
      done();
    },
  });
  const environment = { cwd: process.cwd(), stdout: sink, stderr: sink, env: { ...process.env } };
  try {
    const { profiles, rest } = splitProfiles(args);
    const { runConfiguration } = await loadConfiguration({ profiles, provided: rest }, environment);
    const key = profiles.join(',') || 'default';
    let support = libraries.get(key);
    if (!support) {
      forgetSupportModules();
      support = await loadSupport(runConfiguration, environment);
      libraries.set(key, support);
    }
    const result = await runCucumberApi({ ...runConfiguration, support }, environment);
    return { code: result.success ? 0 : 1, output, rawDir };
  } catch (e) {
    return { code: 1, output: `${output}${e instanceof Error ? e.message : String(e)}\n`, rawDir };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** cucumber-js as a user runs it, in a child process (for what only the real command line shows). */
export function spawnCucumber(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CucumberRun> {
  const rawDir = mkdtempSync(join(tmpdir(), 'harness-raw-'));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join('node_modules', '.bin', 'cucumber-js'), [...args], {
      env: { ...process.env, HARNESS_RAW_DIR: rawDir, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, output, rawDir }));
  });
}
