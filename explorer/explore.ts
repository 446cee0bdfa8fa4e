import { apply, createWorld, type Command, type DeliberateFault, type Outcome, type StepperKind, type World } from '../model';
import { applicable, groundCommands, setupCommands } from './commands';
import type { ExplorerConfig } from './config';
import {
  CHANGE_FIRST_PAIR, CHANGE_LEAF, CHANGE_MOVE, CHANGE_PAIRS, GroupCache, LEAF_UNANSWERED, LEAF_VIOLATION,
  RECORD_ANSWERED, RECORD_CHANGES, RECORD_FIRST_CHANGE, RECORD_HITS, StepCache,
} from './cache';
import { InheritedAnswers } from './inherited';
import { bitsFor, Packing, StateStore, type Row } from './store';
import { canonicalize, Interner, makeKey, makeLayout } from './layout';

/**
 * Breadth-first exploration of every world reachable from the configuration's setup, each
 * step checked by `check`. Breadth-first means the first violation found has a shortest trace.
 * Two engines: 'cached' replays answers learned from the model (see cache.ts) over rows of
 * components; 'direct' asks the model on every step. They agree (cache.test.ts).
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
  /**
   * 'cached' (the default) learns each command's answer from the model once per footprint and
   * replays it on rows of components; 'direct' applies the model to every world and keys it.
   * Both give the same states, transitions and first violation (tested).
   */
  readonly engine?: 'cached' | 'direct';
  /** With the cached engine: also ask the model on every replayed step and fail on any disagreement. */
  readonly validate?: boolean;
}

export interface CacheFigures {
  /** Steps the model was asked (cache misses). */
  readonly learned: number;
  /** Lookups answered from the cache (one per run of similar commands per state). */
  readonly replayed: number;
  /** 32-bit words a state takes, packed. */
  readonly words: number;
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
  /** The cached engine's figures. */
  readonly cache?: CacheFigures;
}

/** States expanded between progress reports and chances to stop (Ctrl-C). */
const BATCH = 2048;

type StopReason = ExploreResult<unknown>['stoppedBy'];

function initialWorld(options: ExploreOptions<unknown>, setup: readonly Command[]): World {
  let world = createWorld({ seed: options.seed ?? 1, faults: options.faults ?? [], stepper: options.stepper ?? 'table' });
  for (const cmd of setup) {
    const r = apply(world, cmd);
    if (r.outcome.kind === 'invalid') throw new Error(`explorer setup: ${cmd.type} is invalid: ${r.outcome.problem}`);
    world = r.world;
  }
  return world;
}

/** The moves from the setup to state `index` (then `last`, when given), following parent links. */
function pathTo(moves: readonly Command[], parent: (i: number) => number, via: (i: number) => number, index: number, last?: number): Command[] {
  const path: Command[] = last === undefined ? [] : [moves[last]];
  for (let i = index; parent(i) !== -1; i = parent(i)) path.push(moves[via(i)]);
  return path.reverse();
}

export async function explore<V>(options: ExploreOptions<V>): Promise<ExploreResult<V>> {
  return (options.engine ?? 'cached') === 'cached' ? exploreCached(options) : exploreDirect(options);
}

/** Batches with progress, Ctrl-C and a yield to the event loop between them. */
async function search(
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

/** Every step through the model; states keyed by their canonical string. */
async function exploreDirect<V>(options: ExploreOptions<V>): Promise<ExploreResult<V>> {
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

/** The result of a search that stopped with `stoppedBy` (a fixpoint that cut at the depth bound is 'depth'). */
function result<V>(r: Omit<ExploreResult<V>, 'elapsedMs'> & { depthCut: boolean; started: number }): ExploreResult<V> {
  const { depthCut, started, violation, cache, ...rest } = r;
  return {
    ...rest,
    stoppedBy: r.stoppedBy === 'fixpoint' && depthCut ? 'depth' : r.stoppedBy,
    elapsedMs: performance.now() - started,
    ...(violation ? { violation } : {}),
    ...(cache ? { cache } : {}),
  };
}

/**
 * States as rows of interned component values, stored packed (store.ts); each step's answer
 * comes from the group and step caches (learned from the model on first sight of a footprint),
 * or from the parent's (inherited.ts). A state's world is rebuilt by replaying its path only
 * when a step there has to be learned.
 */
async function exploreCached<V>(options: ExploreOptions<V>): Promise<ExploreResult<V>> {
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

  /** The search stops at move `m` of group `g` (record at `at`): the group's later moves were never taken. */
  const stopAt = (g: number, at: number, m: number) => {
    groups.records[at + RECORD_HITS]--;
    const [first] = groups.groups[g];
    groups.stepsOf(at).forEach((step, i) => {
      if (first + i <= m) cache.hits[step]++;
      else if (cache.kinds[step] !== LEAF_UNANSWERED) transitions--;
    });
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
        const r = groups.records;
        r[at + RECORD_HITS]++;
        transitions += r[at + RECORD_ANSWERED];
        for (let k = at + RECORD_FIRST_CHANGE, n = 0; n < r[at + RECORD_CHANGES]; n++, k += CHANGE_FIRST_PAIR + 2 * r[k + CHANGE_PAIRS]) {
          changeAt[count] = k;
          changeGroup[count++] = g;
          if (cache.kinds[r[k + CHANGE_LEAF]] === LEAF_VIOLATION) {
            bad = count - 1;
            break;
          }
        }
      }
      // Then the successors (the packing is final for this state now): this row with each
      // change's [component, value id] pairs; their table slots are fetched together.
      const r = groups.records;
      const p = store.packing;
      const words = p.words;
      store.words(head, currentWords);
      const fresh = bad < 0 ? count : bad;
      for (let e = 0; e < fresh; e++) {
        const k = changeAt[e];
        const from = k + CHANGE_FIRST_PAIR;
        const to = from + 2 * r[k + CHANGE_PAIRS];
        const at = e * words;
        if (symmetric) {
          for (let c = 0; c < width; c++) next[c] = current[c];
          for (let d = from; d < to; d += 2) next[r[d]] = r[d + 1];
          p.encode(next, successors, at);
          p.encode(canonical(next), successorKeys, at);
        } else {
          for (let w = 0; w < words; w++) successors[at + w] = currentWords[w];
          for (let d = from; d < to; d += 2) p.set(successors, at, r[d], r[d + 1]);
        }
      }
      fetched |= store.prefetch(successorKeys, fresh);
      // Last, in move order, each new successor is added; the search may stop at any of them.
      for (let e = 0; e < count; e++) {
        const k = changeAt[e];
        const m = r[k + CHANGE_MOVE];
        const g = changeGroup[e];
        if (e === bad) {
          stopAt(g, inherited.get(g), m);
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
          for (let j = g + 1; j < groupsDone; j++) {
            r[inherited.get(j) + RECORD_HITS]--;
            transitions -= r[inherited.get(j) + RECORD_ANSWERED];
          }
          stopAt(g, inherited.get(g), m);
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
