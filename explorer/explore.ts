import type { Command } from '../model/commands';
import type { DeliberateFault } from '../model/faults';
import type { Outcome } from '../model/outcomes';
import type { StepperKind, World } from '../model/types';
import { apply, createWorld } from '../model/world';
import { applicable, groundCommands, setupCommands } from './commands';
import type { ExplorerConfig } from './config';
import { makeKey } from './key';

/**
 * Breadth-first exploration of every world reachable from the configuration's setup, each
 * step checked by `check`. Breadth-first means the first violation found has a shortest trace.
 */

export interface Step {
  readonly before: World;
  readonly command: Command;
  readonly after: World;
  readonly outcome: Outcome;
}

export interface Progress {
  readonly states: number;
  readonly queued: number;
  readonly transitions: number;
  readonly depth: number;
  readonly elapsedMs: number;
}

export interface ExploreOptions<V> {
  readonly config: ExplorerConfig;
  readonly faults?: readonly DeliberateFault[];
  readonly stepper?: StepperKind;
  readonly seed?: number;
  /** Returns a violation for a bad step, or undefined. */
  readonly check?: (step: Step) => V | undefined;
  readonly onProgress?: (p: Progress) => void;
  /** Polled between batches; true stops the search with what was explored (Ctrl-C). */
  readonly shouldStop?: () => boolean;
  /** Caps the number of distinct states (for benchmarks); undefined means no cap. */
  readonly maxStates?: number;
}

export interface ExploreResult<V> {
  readonly states: number;
  /** Commands applied that the world answered (accepted or refused), over all expanded states. */
  readonly transitions: number;
  /** The greatest number of commands from the setup to a state found. */
  readonly depth: number;
  readonly stoppedBy: 'fixpoint' | 'depth' | 'interrupted' | 'violation' | 'maxStates';
  readonly elapsedMs: number;
  /** Statechart transitions taken, with how many times. */
  readonly lifecycleTransitions: ReadonlyMap<string, number>;
  readonly setup: readonly Command[];
  readonly violation?: { readonly violation: V; readonly path: readonly Command[]; readonly outcome: Outcome };
}

const BATCH = 512;

export async function explore<V>(options: ExploreOptions<V>): Promise<ExploreResult<V>> {
  const { config, check } = options;
  const started = performance.now();
  const key = makeKey(config);
  const moves = groundCommands(config);
  const setup = setupCommands(config);
  let initial = createWorld({ seed: options.seed ?? 1, faults: options.faults ?? [], stepper: options.stepper ?? 'table' });
  for (const cmd of setup) {
    const r = apply(initial, cmd);
    if (r.outcome.kind === 'invalid') throw new Error(`explorer setup: ${cmd.type} is invalid: ${r.outcome.problem}`);
    initial = r.world;
  }

  // States in discovery order; a state's world is dropped once expanded, its parent link kept for traces.
  const worlds: (World | undefined)[] = [initial];
  const parent: number[] = [-1];
  const via: number[] = [-1];
  const depthOf: number[] = [0];
  const seen = new Set<string>([key(initial)]);
  const lifecycleTransitions = new Map<string, number>();
  let transitions = 0;
  let maxDepth = 0;
  let stoppedBy: ExploreResult<V>['stoppedBy'] = 'fixpoint';
  let violation: ExploreResult<V>['violation'];

  const pathTo = (index: number, last?: number): Command[] => {
    const path: Command[] = last === undefined ? [] : [moves[last]];
    for (let i = index; parent[i] !== -1; i = parent[i]) path.push(moves[via[i]]);
    return path.reverse();
  };

  let head = 0;
  search: while (head < worlds.length) {
    for (let n = 0; n < BATCH && head < worlds.length; n++, head++) {
      const before = worlds[head];
      if (!before) continue;
      worlds[head] = undefined;
      const depth = depthOf[head];
      if (options.config.depth !== undefined && depth >= options.config.depth) {
        stoppedBy = 'depth';
        continue;
      }
      for (let m = 0; m < moves.length; m++) {
        const command = moves[m];
        if (!applicable(before, command)) continue;
        const { world: after, outcome } = apply(before, command);
        if (outcome.kind === 'invalid') continue;
        transitions++;
        for (const t of outcome.transitions) lifecycleTransitions.set(t.transition, (lifecycleTransitions.get(t.transition) ?? 0) + 1);
        const bad = check?.({ before, command, after, outcome });
        if (bad !== undefined) {
          violation = { violation: bad, path: pathTo(head, m), outcome };
          stoppedBy = 'violation';
          maxDepth = Math.max(maxDepth, depth + 1);
          break search;
        }
        if (after === before) continue;
        const k = key(after);
        if (seen.has(k)) continue;
        seen.add(k);
        worlds.push(after);
        parent.push(head);
        via.push(m);
        depthOf.push(depth + 1);
        if (depth + 1 > maxDepth) maxDepth = depth + 1;
        if (options.maxStates !== undefined && worlds.length >= options.maxStates) {
          stoppedBy = 'maxStates';
          break search;
        }
      }
    }
    options.onProgress?.({ states: worlds.length, queued: worlds.length - head, transitions, depth: maxDepth, elapsedMs: performance.now() - started });
    if (options.shouldStop?.()) {
      stoppedBy = 'interrupted';
      break;
    }
    // Let signal handlers (Ctrl-C) run between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return {
    states: worlds.length,
    transitions,
    depth: maxDepth,
    stoppedBy,
    elapsedMs: performance.now() - started,
    lifecycleTransitions,
    setup,
    ...(violation ? { violation } : {}),
  };
}
