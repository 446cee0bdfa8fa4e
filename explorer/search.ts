import { apply, createWorld, type Command, type World } from '../model';
import type { ExploreOptions, ExploreResult } from './types';

/**
 * What both engines share: the setup's world, the breadth-first loop in batches (progress,
 * Ctrl-C, a yield to the event loop between batches), shortest paths by parent links, and the
 * result. Breadth-first means the first violation found has a shortest trace.
 */

/** States expanded between progress reports and chances to stop (Ctrl-C). */
export const BATCH = 2048;

type StopReason = ExploreResult<unknown>['stoppedBy'];

export function initialWorld(options: ExploreOptions<unknown>, setup: readonly Command[]): World {
  let world = createWorld({ seed: options.seed ?? 1, faults: options.faults ?? [], stepper: options.stepper ?? 'table' });
  for (const cmd of setup) {
    const r = apply(world, cmd);
    if (r.outcome.kind === 'invalid') throw new Error(`explorer setup: ${cmd.type} is invalid: ${r.outcome.problem}`);
    world = r.world;
  }
  return world;
}

/** The moves from the setup to state `index` (then `last`, when given), following parent links. */
export function pathTo(moves: readonly Command[], parent: (i: number) => number, via: (i: number) => number, index: number, last?: number): Command[] {
  const path: Command[] = last === undefined ? [] : [moves[last]];
  for (let i = index; parent(i) !== -1; i = parent(i)) path.push(moves[via(i)]);
  return path.reverse();
}

/** Runs `expandBatch` until it is done or stops, reporting progress and polling for Ctrl-C between batches. */
export async function search(
  options: ExploreOptions<unknown>,
  started: number,
  count: () => { states: number; head: number; transitions: number; depth: number },
  expandBatch: () => StopReason | 'more' | 'done',
): Promise<StopReason> {
  for (;;) {
    const r = expandBatch();
    const c = count();
    options.onProgress?.({ states: c.states, queued: c.states - c.head, transitions: c.transitions, depth: c.depth, elapsedMs: performance.now() - started });
    if (r === 'done') return 'fixpoint';
    if (r !== 'more') return r;
    if (options.shouldStop?.()) return 'interrupted';
    // Let signal handlers (Ctrl-C) run between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The result of a search that stopped with `stoppedBy` (a fixpoint that cut at the depth bound is 'depth'). */
export function result<V>(r: Omit<ExploreResult<V>, 'elapsedMs'> & { depthCut: boolean; started: number }): ExploreResult<V> {
  const { depthCut, started, violation, cache, ...rest } = r;
  return {
    ...rest,
    stoppedBy: r.stoppedBy === 'fixpoint' && depthCut ? 'depth' : r.stoppedBy,
    elapsedMs: performance.now() - started,
    ...(violation ? { violation } : {}),
    ...(cache ? { cache } : {}),
  };
}
