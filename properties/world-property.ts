import fc from 'fast-check';
import type { Command, Outcome } from '../model';
import type { CoverageRecorder } from '../io/recorder';
import { DEFAULT_MIX, intentArb, type Mix } from './arbitraries';
import { propertyFailure, type PropertyFailure } from './counterexample';
import { coveringExamples } from './covering';
import type { EvidenceCounter } from './evidence';
import { INVARIANTS } from './invariants';
import type { PropertySettings } from './settings';
import { InvariantViolation, runSteps, Sim, WorldStep } from './sim';
import type { RunStats } from './stats';

/**
 * The model-based property: the planner's covering set (properties/covering.ts), then random
 * command sequences (fc.commands), each applied to a fresh world through fc.modelRun, every
 * invariant checked after every command.
 */

/** Every rule, assumption and fact ID the invariants check, in catalogue order of first mention. */
export const INVARIANT_IDS: readonly string[] = [...new Set(INVARIANTS.flatMap((i) => i.rules))];

export interface WorldPropertyOptions {
  /** Names the property; rule IDs in it are what its coverage record claims to check. */
  readonly name: string;
  readonly settings: PropertySettings;
  readonly mix?: Mix;
  readonly recorder?: CoverageRecorder;
  readonly stats?: RunStats;
  /** Counts, per rule, the steps that reached its interesting case (properties/evidence.ts). */
  readonly evidence?: EvidenceCounter;
  /** Run the planner's covering set as examples before the random runs (default true). */
  readonly covering?: boolean;
}

export interface PropertyResult {
  readonly name: string;
  /** Property runs, shrinking included. */
  readonly runs: number;
  readonly commands: number;
  readonly failure: PropertyFailure | undefined;
}

export function commandsArb(settings: PropertySettings, mix: Mix = DEFAULT_MIX): fc.Arbitrary<Iterable<fc.Command<Sim, Sim>>> {
  return fc.commands([intentArb(mix).map((i) => new WorldStep(i))], {
    maxCommands: settings.maxCommands,
    size: 'max',
    ...(settings.replayPath ? { replayPath: settings.replayPath } : {}),
  });
}

export function checkWorldProperty(options: WorldPropertyOptions): PropertyResult {
  const { settings, recorder, stats } = options;
  let run = 0;
  let commands = 0;
  const listener = (outcome: Outcome, command: Command) => {
    commands++;
    recorder?.observe(outcome, run);
    stats?.observe(outcome, command);
  };
  const property = fc.property(commandsArb(settings, options.mix), (steps) => {
    run++;
    try {
      runSteps(steps, { seed: settings.worldSeed, faults: settings.faults, listener, ...(options.evidence ? { onChecked: (step, violation) => options.evidence?.observe(step, violation) } : {}) });
    } finally {
      recorder?.endRun(run);
      stats?.endRun();
    }
  });
  // The covering set first (every reachable transition, pair and path), then numRuns random runs:
  // fast-check counts examples within numRuns, so they are added to it.
  const examples = (options.covering ?? settings.covering) ? coveringExamples() : [];
  const details = fc.check(property, {
    numRuns: settings.numRuns + examples.length,
    examples,
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    ...(settings.path !== undefined ? { path: settings.path } : {}),
  });
  if (!details.failed) return { name: options.name, runs: run, commands, failure: undefined };
  const error = details.errorInstance;
  if (!(error instanceof InvariantViolation)) {
    throw new Error(`${options.name}: the property failed without an invariant violation (seed ${details.seed}, path ${details.counterexamplePath ?? '?'}): ${String(error)}`);
  }
  const replayPath = /replayPath="([^"]*)"/.exec(String(details.counterexample?.[0] ?? ''))?.[1];
  return { name: options.name, runs: run, commands, failure: propertyFailure(options.name, settings, details, error, replayPath) };
}
