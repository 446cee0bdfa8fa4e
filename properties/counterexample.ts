import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../model/commands';
import type { DeliberateFault } from '../model/faults';
import { redactText } from '../model/redact';
import { isRuleId } from '../model/rules';
import { traceToGherkin, traceToSimulation } from '../scenarios/gherkin';
import type { Trace } from '../scenarios/trace';
import type { Violation } from './invariants';

/**
 * A failed property, printed three ways: the fast-check settings that replay it, a
 * simulation file for `npm run simulate`, and a Gherkin scenario in the step library's
 * phrases that asserts what should have held (so it fails while the bug is there).
 */
export interface PropertyFailure {
  readonly property: string;
  readonly violation: Violation;
  /** The shrunk commands, from an empty world, the last one breaking the invariant. */
  readonly commands: readonly Command[];
  readonly worldSeed: number;
  readonly faults: readonly DeliberateFault[];
  /** fast-check replay settings. */
  readonly seed: number;
  readonly path: string | undefined;
  readonly replayPath: string | undefined;
  readonly numRuns: number;
  readonly numShrinks: number;
}

export function failureToTrace(f: PropertyFailure): Trace {
  const rules = f.violation.rules.filter((r) => isRuleId(r));
  return {
    title: `Counterexample to ${f.violation.invariant}`,
    tags: [...(rules.length > 0 ? rules : f.violation.rules), 'counterexample'],
    seed: f.worldSeed,
    faults: f.faults,
    commands: f.commands,
    expectations: f.violation.expectations,
  };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
}

export function replayCommandLine(f: PropertyFailure, testFile: string): string {
  const env = [`HARNESS_SEED=${f.seed}`];
  if (f.path) env.push(`HARNESS_PATH=${f.path}`);
  if (f.replayPath) env.push(`HARNESS_REPLAY_PATH='${f.replayPath}'`);
  if (f.faults.length > 0) env.push(`HARNESS_FAULT=${f.faults.join(',')}`);
  return `${env.join(' ')} npx vitest run ${testFile}`;
}

export interface CounterexampleReport {
  readonly text: string;
  readonly simulationFile: string;
  readonly gherkin: string;
}

/** Writes the simulation file under `dir` and returns the three-way report. */
export function reportCounterexample(f: PropertyFailure, dir: string, testFile: string): CounterexampleReport {
  const trace = failureToTrace(f);
  const gherkin = traceToGherkin(trace);
  mkdirSync(dir, { recursive: true });
  const simulationFile = join(dir, `${slug(f.property)}-seed${f.seed}${f.faults.length > 0 ? `-${f.faults.join('-')}` : ''}.json`);
  writeFileSync(simulationFile, traceToSimulation(trace));
  const text = [
    `Property failed: ${f.property}`,
    `  ${f.violation.invariant}`,
    `  ${redactText(f.violation.message)}`,
    `  after ${f.commands.length} commands (${f.numRuns} runs, ${f.numShrinks} shrinks)${f.faults.length > 0 ? `, deliberate faults on: ${f.faults.join(', ')}` : ''}`,
    '',
    '1. Replay with fast-check (same seed and path; the replayPath replays the command sequence):',
    `   ${replayCommandLine(f, testFile)}`,
    `   fc.assert(property, { seed: ${f.seed}, path: ${JSON.stringify(f.path ?? '')}, endOnFailure: true }) with fc.commands(..., { replayPath: ${JSON.stringify(f.replayPath ?? '')} })`,
    '',
    '2. Simulation file:',
    `   npm run simulate -- ${simulationFile}`,
    '',
    '3. Gherkin scenario (paste into a feature file under features/):',
    '',
    gherkin.replace(/^/gm, '   '),
  ].join('\n');
  return { text, simulationFile, gherkin };
}
