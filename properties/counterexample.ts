import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRuleId, redactText, type Command, type DeliberateFault, type Trace } from '../model';
import { traceToGherkin, traceToSimulation } from '../scenarios/gherkin';
import type { Violation } from './invariants';
import type { PropertySettings } from './settings';

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

/** The failure of a property fast-check reported, from what its run threw (the violation and the commands that led there). */
export function propertyFailure(
  property: string,
  settings: PropertySettings,
  details: { readonly seed: number; readonly counterexamplePath: string | null; readonly numRuns: number; readonly numShrinks: number },
  thrown: { readonly violation: Violation; readonly commands: readonly Command[] },
  replayPath?: string,
): PropertyFailure {
  return {
    property,
    violation: thrown.violation,
    commands: thrown.commands,
    worldSeed: settings.worldSeed,
    faults: settings.faults,
    seed: details.seed,
    path: details.counterexamplePath ?? undefined,
    replayPath,
    numRuns: details.numRuns,
    numShrinks: details.numShrinks,
  };
}

/** A property's name without its list of rule IDs. */
function shortName(property: string): string {
  return property.replace(/\s*\([^)]*\)\s*$/, '');
}

/**
 * The trace of a failure. Its tags are the rule the expectation asserts when there is one
 * (a refusal by OWN-03), else the invariant's rule IDs, so a pasted scenario claims no more
 * than it checks.
 */
function failureToTrace(f: PropertyFailure): Trace {
  const refusal = f.violation.expectations.flatMap((e) => (e.type === 'outcome' && e.kind === 'refused' && e.rule ? [e.rule] : []));
  const rules = refusal.length > 0 ? refusal : f.violation.rules.filter((r) => isRuleId(r));
  return {
    title: `Counterexample: ${redactText(f.violation.message)}`,
    tags: [...new Set(rules.length > 0 ? rules : f.violation.rules), 'counterexample'],
    seed: f.worldSeed,
    faults: f.faults,
    commands: f.commands,
    expectations: f.violation.expectations,
  };
}

function slug(text: string): string {
  const words = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').split('-');
  let out = '';
  for (const w of words) if ((out ? out.length + 1 : 0) + w.length <= 48) out = out ? `${out}-${w}` : w;
  return out || 'property';
}

/** A word for a POSIX shell: single-quoted, each single quote in it closed, escaped and reopened. */
const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** A vitest -t pattern (a regular expression) matching this text literally. */
const literalPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The command that replays a failure: the fast-check seed, path and replayPath, the faults,
 * and `-t` selecting this property alone (another property in the file would not replay).
 */
function replayCommandLine(f: PropertyFailure, testFile: string): string {
  const env = [`HARNESS_SEED=${f.seed}`];
  if (f.path) env.push(`HARNESS_PATH=${f.path}`);
  if (f.replayPath) env.push(`HARNESS_REPLAY_PATH=${shellQuote(f.replayPath)}`);
  if (f.faults.length > 0) env.push(`HARNESS_FAULT=${f.faults.join(',')}`);
  return `${env.join(' ')} npx vitest run ${testFile} -t ${shellQuote(literalPattern(f.property))}`;
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
  const simulationFile = join(dir, `${slug(shortName(f.property))}-seed${f.seed}${f.faults.length > 0 ? `-${f.faults.join('-')}` : ''}.json`);
  writeFileSync(simulationFile, traceToSimulation(trace));
  const text = [
    `Property failed: ${shortName(f.property)}`,
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
