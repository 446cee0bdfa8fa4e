import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apply, createWorld, DELIBERATE_FAULT_IDS, findConfidential, parseSimulationFile, type DeliberateFault } from '../model';
import { expectationToStep } from '../scenarios/gherkin';
import { reportCounterexample, type CounterexampleReport, type PropertyFailure } from './counterexample';
import { checkDecisionTable } from './decision-table';
import { checkStep } from './invariants';
import { DEFAULT_SETTINGS, type PropertySettings } from './settings';
import { checkWorldProperty } from './world-property';
import { runCucumber } from '../scenarios/testing/cucumber';

/**
 * Testing the tests: each deliberate fault (a test-only switch in the model) must make the
 * world property fail within the default number of runs, under the rule it breaks; the
 * printed counterexample must replay from its simulation file, and its Gherkin scenario must
 * fail through cucumber with the fault on and pass with it off.
 */

const scratch = mkdtempSync(join(tmpdir(), 'harness-faults-'));
const FILE = 'properties/faults.test.ts';

/** Default runs and length, a fresh seed each time (printed when a fault goes unfound). */
function settingsWith(fault: DeliberateFault): PropertySettings {
  return { ...DEFAULT_SETTINGS, faults: [fault], counterexampleDir: scratch };
}

const found = new Map<DeliberateFault, { failure: PropertyFailure; report: CounterexampleReport }>();
function findFault(fault: DeliberateFault): { failure: PropertyFailure; report: CounterexampleReport } {
  const known = found.get(fault);
  if (known) return known;
  const settings = settingsWith(fault);
  const result = checkWorldProperty({ name: `world property with ${fault} switched on`, settings });
  if (!result.failure) throw new Error(`${fault}: the world property passed ${result.runs} runs with the fault on; it should have failed`);
  const entry = { failure: result.failure, report: reportCounterexample(result.failure, scratch, FILE) };
  found.set(fault, entry);
  return entry;
}

interface Run {
  readonly code: number | null;
  readonly output: string;
}

/** The counterexample features through cucumber in this process (adhoc profile), with these deliberate faults on. */
function cucumber(files: readonly string[], faults: string | undefined): Promise<Run> {
  return runCucumber(['-p', 'adhoc', ...files], faults ? { HARNESS_FAULT: faults } : {});
}

describe('deliberate faults are caught', () => {
  it('the model offers at least the five deliberate faults AUTH-03, STATE-01, AUTH-07, OWN-03, SBX-02', () => {
    expect(DELIBERATE_FAULT_IDS).toEqual(expect.arrayContaining(['AUTH-03', 'STATE-01', 'AUTH-07', 'OWN-03', 'SBX-02']));
  });

  for (const fault of DELIBERATE_FAULT_IDS) {
    it(`${fault}: with the fault on, the world property fails within the default ${DEFAULT_SETTINGS.numRuns} runs, naming ${fault}`, () => {
      const { failure, report } = findFault(fault);
      expect(failure.violation.rules, failure.violation.message).toContain(fault);
      expect(failure.faults).toEqual([fault]);
      expect(failure.numRuns).toBeLessThanOrEqual(DEFAULT_SETTINGS.numRuns);
      // Printed three ways, nothing confidential in any of them.
      expect(report.text).toContain(`HARNESS_SEED=${failure.seed}`);
      expect(report.text).toContain(`npm run simulate -- ${report.simulationFile}`);
      expect(report.text).toContain('Scenario:');
      expect(findConfidential(report.text)).toEqual([]);
      // The simulation file replays to the same violation.
      const file = parseSimulationFile(readFileSync(report.simulationFile, 'utf8'), report.simulationFile);
      expect(file.faults).toEqual([fault]);
      let world = createWorld({ seed: file.seed, faults: file.faults });
      let violation;
      for (const command of file.commands) {
        const r = apply(world, command);
        violation = checkStep({ before: world, command, after: r.world, outcome: r.outcome });
        world = r.world;
      }
      expect(violation?.invariant).toBe(failure.violation.invariant);
    });
  }

  it('AUTH-03 STATE-01 AUTH-07: the decision table disagrees with a world that has a request fault switched on', () => {
    for (const fault of ['AUTH-03', 'STATE-01', 'AUTH-07'] as const) {
      const result = checkDecisionTable(settingsWith(fault));
      expect(result.failure?.violation.rules, `${fault} went unnoticed by the decision table`).toContain(fault);
    }
  });

  it('each found counterexample, printed as Gherkin, fails through cucumber at its Then step with its fault on, and passes with the fault off', async () => {
    const files = DELIBERATE_FAULT_IDS.map((fault) => {
      const { report } = findFault(fault);
      const path = join(scratch, `${fault}.feature`);
      writeFileSync(path, report.gherkin);
      return { fault, path };
    });
    const paths = files.map((f) => f.path);
    // Three runs: every scenario with no fault, every scenario with all faults on, and the
    // AUTH-03 scenario with only its own fault.
    const off = await cucumber(paths, undefined);
    const allOn = await cucumber(paths, DELIBERATE_FAULT_IDS.join(','));
    const auth03 = await cucumber([files[DELIBERATE_FAULT_IDS.indexOf('AUTH-03')].path], 'AUTH-03');
    expect(off.output).toContain(`${files.length} scenarios (${files.length} passed)`);
    expect(off.code).toBe(0);
    expect(allOn.code, allOn.output).toBe(1);
    expect(allOn.output).toContain(`${files.length} scenarios (${files.length} failed)`);
    expect(auth03.code, auth03.output).toBe(1);
    expect(auth03.output).toContain('1 scenario (1 failed)');
    // Cucumber prints feature paths relative to the working directory: match on the file name.
    const failureOf = (output: string, path: string) => output.split(/^\d+\) Scenario: /m).find((block) => block.includes(`/${basename(path)}:`)) ?? '';
    for (const { fault, path } of files) {
      const then = expectationToStep(findFault(fault).failure.violation.expectations[0])[0];
      const runs = fault === 'AUTH-03' ? [allOn, auth03] : [allOn];
      for (const run of runs) {
        const block = failureOf(run.output, path);
        const failed = block.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('✖'));
        expect(failed[0], `${fault}: ${block || run.output}`).toMatch(new RegExp(`^✖ Then ${then.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      }
    }
  });
});
