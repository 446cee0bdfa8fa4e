import { apply, type World } from '../model';
import { applicable, groundCommands, setupCommands } from './commands';
import { makeKey } from './layout';
import { BATCH, initialWorld, pathTo, result, search } from './search';
import type { ExploreOptions, ExploreResult } from './types';

/** Every step through the model; states keyed by their canonical string. */
export async function exploreDirect<V>(options: ExploreOptions<V>): Promise<ExploreResult<V>> {
  const { config, check } = options;
  const started = performance.now();
  const key = makeKey(config);
  const moves = groundCommands(config);
  const setup = setupCommands(config);
  const initial = initialWorld(options, setup);
  // A state's world is dropped once expanded.
  const worlds: (World | undefined)[] = [initial];
  const parent: number[] = [-1];
  const via: number[] = [-1];
  const depthOf: number[] = [0];
  const seen = new Set<string>([key(initial)]);
  const lifecycleTransitions = new Map<string, number>();
  let transitions = 0;
  let maxDepth = 0;
  let depthCut = false;
  let violation: ExploreResult<V>['violation'];
  let head = 0;

  const stoppedBy = await search(options, started, () => ({ states: worlds.length, head, transitions, depth: maxDepth }), () => {
    for (let n = 0; n < BATCH; n++, head++) {
      if (head >= worlds.length) return 'done';
      const before = worlds[head] as World;
      worlds[head] = undefined;
      const depth = depthOf[head];
      if (config.depth !== undefined && depth >= config.depth) {
        depthCut = true;
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
          violation = { violation: bad, path: pathTo(moves, (i) => parent[i], (i) => via[i], head, m), outcome };
          maxDepth = Math.max(maxDepth, depth + 1);
          return 'violation';
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
        if (options.maxStates !== undefined && worlds.length >= options.maxStates) return 'maxStates';
      }
    }
    return 'more';
  });
  return result({ states: worlds.length, transitions, depth: maxDepth, stoppedBy, depthCut, started, lifecycleTransitions, setup, violation });
}
