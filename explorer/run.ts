import { basename, dirname } from 'node:path';
import { deriveTransitions, type DeliberateFault, type Trace } from '../model';
import { checkStep, type Violation } from '../properties/invariants';
import { traceToGherkin, traceToSimulation } from '../scenarios/gherkin';
import { writeAllOrNothing } from '../io/write';
import type { ExplorerConfig } from './config';
import { explore } from './explore';
import type { ExploreOptions, ExploreResult } from './types';

/** The explorer as the CLI, tests and bench use it: every invariant, and a trace for a violation. */

export interface Exploration {
  readonly result: ExploreResult<Violation>;
  readonly reachable: readonly string[];
  /** Statechart transitions this configuration never took. */
  readonly unreached: readonly string[];
  readonly trace?: Trace;
}

export async function runExploration(
  config: ExplorerConfig,
  faults: readonly DeliberateFault[] = [],
  options: Pick<ExploreOptions<Violation>, 'onProgress' | 'shouldStop' | 'stepper' | 'maxStates' | 'engine' | 'validate'> = {},
): Promise<Exploration> {
  const result = await explore<Violation>({ config, faults, check: (step) => checkStep(step), ...options });
  const all = deriveTransitions().map((t) => t.id);
  const reachable = all.filter((id) => result.lifecycleTransitions.has(id));
  const unreached = all.filter((id) => !result.lifecycleTransitions.has(id));
  if (!result.violation) return { result, reachable, unreached };
  const { violation, path } = result.violation;
  const trace: Trace = {
    title: `Explorer: ${violation.invariant} (shortest trace, ${path.length} steps)`,
    tags: ['explorer', ...violation.rules],
    seed: 1,
    faults,
    commands: [...result.setup, ...path],
    expectations: violation.expectations,
  };
  return { result, reachable, unreached, trace };
}

export function writeTraceFiles(trace: Trace, dir: string, stem: string): { feature: string; json: string } {
  const [feature, json] = writeAllOrNothing(dir, [
    { name: `${stem}.feature`, content: traceToGherkin(trace) },
    { name: `${stem}.json`, content: traceToSimulation(trace) },
  ]);
  return { feature, json };
}

/** Writes one file whole or not at all. */
export function writeWhole(path: string, text: string): void {
  writeAllOrNothing(dirname(path), [{ name: basename(path), content: text }]);
}

/** What the coverage report reads: which statechart transitions this configuration reaches. */
export function explorerReport(config: ExplorerConfig, exploration: Exploration): string {
  const r = exploration.result;
  return `${JSON.stringify({
    configuration: config.name,
    complete: r.stoppedBy === 'fixpoint',
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    reachableTransitions: exploration.reachable,
    unreachedTransitions: exploration.unreached,
  }, null, 2)}\n`;
}
