import { apply, type World } from '../model';
import { StepCache } from './cache';
import { groundCommands, setupCommands } from './commands';
import { GroupCache } from './groups';
import { InheritedAnswers } from './inherited';
import { canonicalize, Interner, makeLayout } from './layout';
import { BATCH, initialWorld, pathTo, result, search } from './search';
import { bitsFor, Packing, StateStore, type Row } from './store';
import type { ExploreOptions, ExploreResult } from './types';

/**
 * States as rows of interned component values, stored packed (store.ts); each step's answer
 * comes from the group and step caches (learned from the model on first sight of a footprint),
 * or from the parent's (inherited.ts). A state's world is rebuilt by replaying its path only
 * when a step there has to be learned.
 */
export async function exploreCached<V>(options: ExploreOptions<V>): Promise<ExploreResult<V>> {
  const { config, check } = options;
  const validate = options.validate === true;
  const started = performance.now();
  const layout = makeLayout(config);
  const width = layout.width;
  const symmetric = layout.symmetricBlocks.length > 0;
  const interner = new Interner(layout);
  const moves = groundCommands(config);
  // A state records the move that reached it in 16 bits.
  if (moves.length > 0xffff) throw new RangeError(`explorer: ${moves.length} moves; at most 65,535 fit`);
  const setup = setupCommands(config);
  const cache = new StepCache<V>(layout, interner, moves, check);
  const groups = new GroupCache<V>(layout, moves, cache);
  const path = (index: number, last?: number) => pathTo(moves, (i) => store.parent(i), (i) => store.via(i), index, last);
  // The state being expanded, as a row and packed; a successor's row and canonical row.
  const current: Row = new Uint16Array(width);
  const next: Row = new Uint16Array(width);
  const nextCanon: Row = new Uint16Array(width);
  let currentWords = new Int32Array(0);
  // A state's changes, in move order: where each is in the group records, its group, and its
  // successor packed (and packed canonical, under symmetry). At most one per move.
  const changeAt = new Int32Array(moves.length);
  const changeGroup = new Int32Array(moves.length);
  let successors = new Int32Array(0);
  let successorKeys = successors;
  /** Only so the processor's early reads of table slots are not optimized away. */
  let fetched = 0;

  const initial = initialWorld(options, setup);
  interner.row(layout.values(initial), next);
  /** The packing that holds every value interned so far. */
  const packing = () => new Packing(Array.from({ length: width }, (_, c) => bitsFor(interner.count(c))));
  const store = new StateStore(packing());
  const sized = () => {
    const { words } = store.packing;
    if (currentWords.length === words) return;
    currentWords = new Int32Array(words);
    successors = new Int32Array(moves.length * words);
    successorKeys = symmetric ? new Int32Array(moves.length * words) : successors;
  };
  sized();
  /** After learning: widens the packing if a component took a value its bits cannot hold. */
  const fit = () => {
    const p = store.packing;
    for (let c = 0; c < width; c++) {
      if (p.holds(c, interner.count(c) - 1)) continue;
      store.repack(packing());
      sized();
      return;
    }
  };
  const canonical = (row: Row): Row => {
    nextCanon.set(row);
    return canonicalize(layout, nextCanon);
  };
  store.packing.encode(next, successors, 0);
  store.packing.encode(canonical(next), successorKeys, 0);
  store.add(successors, 0, successorKeys, 0, -1, -1, 0);

  // Worlds of states, rebuilt on demand by replaying the path from the nearest built ancestor.
  const worlds = new Map<number, World>([[0, initial]]);
  const worldOf = (index: number): World => {
    const known = worlds.get(index);
    if (known) return known;
    const w = apply(worldOf(store.parent(index)), moves[store.via(index)]).world;
    worlds.set(index, w);
    return w;
  };

  const inherited = new InheritedAnswers(store, groups);

  let transitions = 0;
  let replayed = 0;
  let maxDepth = 0;
  let depthCut = false;
  let violation: ExploreResult<V>['violation'];
  let head = 0;
  let expandedDepth = 0;

  const agree = (m: number, index: number, leaf: number) => {
    const fresh = new StepCache<V>(layout, interner, moves, check);
    const a = cache.answers[leaf];
    const row = interner.row(layout.values(worldOf(index)));
    if (row.some((v, c) => v !== current[c])) throw new Error(`explorer: the row of state ${index} differs from its world's`);
    const f = fresh.answers[fresh.learn(m, worldOf(index), current, 0)];
    const same = a.answered === f.answered && a.transitions.join() === f.transitions.join()
      && (a.violation === undefined) === (f.violation === undefined) && a.delta.join() === f.delta.join();
    if (!same) throw new Error(`explorer: the step cache disagrees with the model on "${moves[m].type}" after ${path(index).length} steps`);
  };

  /** The search stops at move `m` of group `g`: the group's later moves were never taken. */
  const stopAt = (g: number, m: number) => {
    transitions -= groups.stopAt(g, inherited.get(g), m);
  };

  const stoppedBy = await search(options, started, () => ({ states: store.size, head, transitions, depth: maxDepth }), () => {
    for (let n = 0; n < BATCH; n++, head++) {
      if (head >= store.size) return 'done';
      const depth = store.depth(head);
      if (depth > expandedDepth) {
        // Worlds of states two levels up are no longer parents of anything to expand.
        for (const i of worlds.keys()) if (i !== 0 && i < store.levelStart[depth - 1]) worlds.delete(i);
        expandedDepth = depth;
        inherited.startLevel(depth);
      }
      if (config.depth !== undefined && depth >= config.depth) {
        depthCut = true;
        continue;
      }
      store.row(head, current);
      // First every group's answer, noting the changes in move order; a violation ends the list.
      let count = 0;
      let bad = -1;
      let groupsDone = 0;
      inherited.start(head, depth);
      for (let g = 0; g < groups.groups.length && bad < 0; g++, groupsDone++) {
        let at = inherited.inherited(g);
        if (at < 0) at = groups.lookup(g, current, 0);
        if (at < 0) {
          at = groups.learn(g, current, 0, () => worldOf(head));
          fit();
          inherited.learned();
        } else replayed++;
        inherited.set(g, at);
        if (validate) for (const [m, leaf] of groups.stepsOf(at).entries()) agree(groups.groups[g][0] + m, head, leaf);
        transitions += groups.take(at);
        for (let k = groups.firstChange(at), n = groups.changes(at); n > 0; n--, k = groups.nextChange(k)) {
          changeAt[count] = k;
          changeGroup[count++] = g;
          if (groups.violates(k)) {
            bad = count - 1;
            break;
          }
        }
      }
      // Then the successors (the packing is final for this state now): this row with each
      // change's [component, value id] pairs; their table slots are fetched together.
      const p = store.packing;
      const words = p.words;
      store.words(head, currentWords);
      const fresh = bad < 0 ? count : bad;
      for (let e = 0; e < fresh; e++) {
        const k = changeAt[e];
        const at = e * words;
        if (symmetric) {
          for (let c = 0; c < width; c++) next[c] = current[c];
          groups.applyTo(k, next);
          p.encode(next, successors, at);
          p.encode(canonical(next), successorKeys, at);
        } else {
          for (let w = 0; w < words; w++) successors[at + w] = currentWords[w];
          groups.packInto(k, p, successors, at);
        }
      }
      fetched |= store.prefetch(successorKeys, fresh);
      // Last, in move order, each new successor is added; the search may stop at any of them.
      for (let e = 0; e < count; e++) {
        const m = groups.changeMove(changeAt[e]);
        const g = changeGroup[e];
        if (e === bad) {
          stopAt(g, m);
          // Report the model's own words for this very world, not the cached ones.
          const before = worldOf(head);
          const command = moves[m];
          const { world: after, outcome } = apply(before, command);
          const found = check?.({ before, command, after, outcome });
          if (found === undefined) throw new Error(`explorer: the step cache recorded a violation of "${command.type}" that the model does not repeat`);
          violation = { violation: found, path: path(head, m), outcome };
          maxDepth = Math.max(maxDepth, depth + 1);
          return 'violation';
        }
        if (!store.add(successors, e * words, successorKeys, e * words, head, m, depth + 1)) continue;
        if (depth + 1 > maxDepth) maxDepth = depth + 1;
        if (options.maxStates !== undefined && store.size >= options.maxStates) {
          // The groups after this one were looked up but never taken.
          for (let j = g + 1; j < groupsDone; j++) transitions -= groups.untake(inherited.get(j));
          stopAt(g, m);
          return 'maxStates';
        }
      }
    }
    return 'more';
  });

  groups.settle();
  const lifecycleTransitions = new Map<string, number>();
  for (const { answer, hits } of cache.taken()) {
    for (const t of answer.transitions) lifecycleTransitions.set(t, (lifecycleTransitions.get(t) ?? 0) + hits);
  }
  return result({
    states: store.size, transitions, depth: maxDepth, stoppedBy, depthCut, started, lifecycleTransitions, setup, violation,
    cache: { learned: cache.misses, replayed, words: store.packing.words },
  });
}
