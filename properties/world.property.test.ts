import { describe, expect, it } from 'vitest';
import { idsIn } from '../model';
import { CoverageRecorder } from '../io/recorder';
import { reportCounterexample, type PropertyFailure } from './counterexample';
import { EvidenceCounter } from './evidence';
import { intentArb } from './arbitraries';
import { checkDecisionTable, DECISION_PROPERTY_NAME, DECISION_TABLE, decide, decisionInputArb, rowLabel } from './decision-table';
import { resolvePropertySettings } from './settings';
import { generatorStatistics, RunStats } from './stats';
import { checkWorldProperty, INVARIANT_IDS } from './world-property';

/**
 * The properties. Settings come from the environment (properties/settings.ts): HARNESS_RUNS,
 * HARNESS_SEED, HARNESS_PATH, HARNESS_REPLAY_PATH, HARNESS_MAX_COMMANDS, HARNESS_STATS,
 * HARNESS_FAULT. A failure prints the shrunk counterexample three ways and fails the test.
 */

const settings = resolvePropertySettings();
const FILE = 'properties/world.property.test.ts';

function fail(failure: PropertyFailure): never {
  const report = reportCounterexample(failure, settings.counterexampleDir, FILE);
  console.error(report.text);
  throw new Error(report.text);
}

function recorderFor(name: string): CoverageRecorder {
  const recorder = new CoverageRecorder('property', name, FILE);
  recorder.checks(idsIn(name));
  return recorder;
}

export const WORLD_PROPERTY_NAME = `random command sequences keep every invariant (${INVARIANT_IDS.join(' ')})`;

describe('properties of the world', () => {
  it(WORLD_PROPERTY_NAME, () => {
    const recorder = recorderFor(WORLD_PROPERTY_NAME);
    const stats = settings.stats ? new RunStats() : undefined;
    const evidence = new EvidenceCounter();
    const result = checkWorldProperty({ name: WORLD_PROPERTY_NAME, settings, recorder, stats, evidence });
    recorder.withEvidence(evidence.toEvidence());
    recorder.finish(result.failure ? 'failed' : 'passed');
    if (stats) {
      const mix = generatorStatistics('generated step kinds', intentArb(), (i) => i.label.replace(/\{.*$/, ''), 10_000, settings.seed);
      console.log(`${stats.format(WORLD_PROPERTY_NAME)}\n${mix}`);
    }
    if (result.failure) fail(result.failure);
    // Not vacuous: the runs took steps. A replayed HARNESS_PATH runs its one case only.
    expect(result.commands).toBeGreaterThan(settings.path === undefined ? settings.numRuns : 0);
  });

  it(DECISION_PROPERTY_NAME, () => {
    const recorder = recorderFor(DECISION_PROPERTY_NAME);
    const stats = settings.stats ? new RunStats() : undefined;
    const result = checkDecisionTable(settings, recorder, stats);
    recorder.finish(result.failure ? 'failed' : 'passed');
    if (stats) {
      const rows = generatorStatistics('inputs per table row', decisionInputArb, (i) => rowLabel(decide(i).row), 10_000, settings.seed);
      console.log(`${stats.format(DECISION_PROPERTY_NAME, [{ title: 'decision table rows', section: 'row', expected: DECISION_TABLE.map((_, n) => rowLabel(n)) }])}\n${rows}`);
    }
    if (result.failure) fail(result.failure);
    expect(result.runs).toBeGreaterThan(0);
  });
});
