import type fc from 'fast-check';
import type { Command } from '../model';
import { coveringSet } from '../planner/covering';
import { Planner } from '../planner/planner';
import type { Intent } from './arbitraries';
import { WorldStep, type Sim } from './sim';

/**
 * The planner's covering set as examples of the world property: fast-check runs them before
 * its random runs, so every run of the suite takes every reachable transition, transition pair
 * and lifecycle path (up to `maxPathLength`), whatever the seed. Each plan is one example, one
 * step per command.
 */

/** The longest lifecycle path the examples cover; reports/thresholds.json counts paths up to it. */
export const COVERED_PATH_LENGTH = 3;

/** A step that is exactly this command (the planner chose it; nothing to resolve). */
function exactly(command: Command): Intent {
  return { label: `exactly${JSON.stringify(command)}`, resolve: () => [command] };
}

let cached: readonly (readonly Command[])[] | undefined;

/** The covering plans' commands (the planner's exhaustive searches run once per process). */
export function coveringPlans(maxPathLength = COVERED_PATH_LENGTH): readonly (readonly Command[])[] {
  if (cached && maxPathLength === COVERED_PATH_LENGTH) return cached;
  const planner = new Planner(maxPathLength);
  const plans = coveringSet(planner, planner.reachableItems(), maxPathLength).plans.map((p) => p.plan.commands);
  if (maxPathLength === COVERED_PATH_LENGTH) cached = plans;
  return plans;
}

/** The examples, as values of the world property's commands arbitrary. */
export function coveringExamples(maxPathLength = COVERED_PATH_LENGTH): [Iterable<fc.Command<Sim, Sim>>][] {
  return coveringPlans(maxPathLength).map((commands) => [commands.map((c) => new WorldStep(exactly(c)))]);
}
