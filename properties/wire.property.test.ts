import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findConfidential, idsIn } from '../model';
import { CoverageRecorder } from '../io/recorder';
import { startSimulator, type Simulator } from '../wire';
import { reportCounterexample } from './counterexample';
import { resolvePropertySettings } from './settings';
import { checkWireProperty, WIRE_CLOCK } from './wire-property';

/**
 * The wire agrees with the model (properties/wire-property.ts), against one simulator on
 * 127.0.0.1 and a free port for the file, reset through its administration API before each
 * run. Modest by default: HARNESS_WIRE_RUNS runs (30) of HARNESS_WIRE_MAX_COMMANDS steps (25);
 * HARNESS_SEED, HARNESS_PATH, HARNESS_REPLAY_PATH and HARNESS_FAULT replay as for the world property.
 */

const FILE = 'properties/wire.property.test.ts';

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: Invalid value "${raw}": should be an integer of at least 1`);
  return n;
}

const settings = resolvePropertySettings(process.env, {
  numRuns: count('HARNESS_WIRE_RUNS', 30),
  maxCommands: count('HARNESS_WIRE_MAX_COMMANDS', 25),
});

export const WIRE_PROPERTY_NAME = 'the wire agrees with the model: answers and worlds after every command (FACT-13 FACT-14 ASM-18)';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ clock: () => WIRE_CLOCK * 1000 });
});
afterAll(async () => {
  await sim.close();
});

describe('the simulator on the wire', () => {
  it(WIRE_PROPERTY_NAME, async () => {
    const recorder = new CoverageRecorder('property', WIRE_PROPERTY_NAME, FILE);
    recorder.checks(idsIn(WIRE_PROPERTY_NAME));
    const result = await checkWireProperty({ name: WIRE_PROPERTY_NAME, settings, url: sim.url, recorder });
    recorder.finish(result.failure ? 'failed' : 'passed');
    if (result.failure) {
      const report = reportCounterexample(result.failure, settings.counterexampleDir, FILE);
      const text = `${report.text}\n\n   Run it over the wire: HARNESS_TARGET=wire npx cucumber-js -p adhoc <that feature file>`;
      console.error(text);
      throw new Error(text);
    }
    if (process.env.HARNESS_STATS) console.log(`${result.runs} runs, ${result.commands} commands, ${result.unsayable} the wire cannot say`);
    // Not vacuous: the runs took steps. A replayed HARNESS_PATH runs its one case only.
    expect(result.commands).toBeGreaterThan(settings.path === undefined ? settings.numRuns : 0);
  });

  it('catches a simulator that breaks a rule the model keeps, shrinks it, and prints the three forms', async () => {
    const caught = await checkWireProperty({
      name: 'the wire agrees with the model (self-test)', url: sim.url, wireFaults: ['AUTH-03'],
      settings: { ...settings, numRuns: 200, maxCommands: 25, seed: 7, path: undefined, replayPath: undefined, faults: [], counterexampleDir: mkdtempSync(join(tmpdir(), 'wire-cx-')) },
    });
    expect(caught.failure).toBeDefined();
    const failure = caught.failure!;
    expect(failure.violation.message).toMatch(/rules differ|kinds differ/);
    expect(failure.violation.message).toContain('AUTH-03');
    const report = reportCounterexample(failure, failure.faults.length > 0 ? 'x' : mkdtempSync(join(tmpdir(), 'wire-cx-')), FILE);
    if (process.env.HARNESS_STATS) console.log(report.text, caught.runs);
    expect(report.text).toContain('HARNESS_SEED=7');
    expect(report.gherkin).toContain('it is refused by AUTH-03');
    expect(findConfidential(report.text)).toEqual([]);
    // Shrunk: the account, the record, its token, the request.
    expect(failure.commands.length).toBeLessThanOrEqual(6);
  });
});
