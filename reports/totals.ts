import { deriveTransitions, INITIAL_STATE, LIFECYCLE_STATES, type LifecycleState, type TransitionDef } from '../model';

/**
 * What there is to cover, computed from the statechart alone (never kept by hand): its leaf
 * states, its transitions (guarded ones included, a parent's transition counted once per leaf),
 * pairs of consecutive transitions, and lifecycle paths (walks from the initial state of up to
 * `maxPathLength` transitions). Traversal is on the lifecycle state only: the world's context
 * (accounts, records, preferences) is not part of the key, so enumeration stays finite.
 *
 * Reachability here is the statechart's: a state no transition chain leads to from the initial
 * state, and every transition or pair leaving it, is `reachable: false` (reported as
 * unreachable, not as a gap). Whether the world can actually drive a transition is the
 * explorer's question (see explorer.ts in this folder).
 */

export const MAX_PATH_LENGTH_LIMIT = 4;

export interface StateItem {
  readonly id: LifecycleState;
  readonly reachable: boolean;
}

export interface TransitionItem extends TransitionDef {
  readonly reachable: boolean;
}

/** A walk through the statechart, named by its chain of transitions. */
export interface ChainItem {
  readonly id: string;
  readonly transitions: readonly string[];
  readonly reachable: boolean;
}

export interface StatechartTotals {
  readonly initial: LifecycleState;
  readonly maxPathLength: number;
  readonly states: readonly StateItem[];
  readonly transitions: readonly TransitionItem[];
  readonly pairs: readonly ChainItem[];
  readonly paths: readonly ChainItem[];
}

/**
 * A chain of transitions written once per state: `absent --CREATE--> enabled --BLOCK--> blocked`.
 * Unique, since a transition is identified by source, event, guard and target.
 */
function chainId(chain: readonly Pick<TransitionDef, 'from' | 'event' | 'guard' | 'to'>[]): string {
  if (chain.length === 0) return '';
  return chain.reduce((text, t) => `${text} --${t.event}${t.guard ? `[${t.guard}]` : ''}--> ${t.to}`, chain[0].from as string);
}

export interface TotalsInput {
  readonly transitions?: readonly TransitionDef[];
  readonly states?: readonly LifecycleState[];
  readonly initial?: LifecycleState;
  readonly maxPathLength: number;
}

/** What a maxPathLength may be, for every message that refuses one (CLI, thresholds file, totals). */
export const MAX_PATH_LENGTH_RULE = `a whole number from 1 to ${MAX_PATH_LENGTH_LIMIT} (paths grow about sevenfold per step)`;

export function isMaxPathLength(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_PATH_LENGTH_LIMIT;
}

export function checkMaxPathLength(n: number): number {
  if (!isMaxPathLength(n)) throw new RangeError(`maxPathLength: Invalid value ${JSON.stringify(n)}: should be ${MAX_PATH_LENGTH_RULE}`);
  return n;
}

/** Totals of the project's statechart (or of the given transitions, for tests). */
export function computeTotals(input: TotalsInput): StatechartTotals {
  const maxPathLength = checkMaxPathLength(input.maxPathLength);
  const defs = input.transitions ?? deriveTransitions();
  const stateIds = input.states ?? LIFECYCLE_STATES;
  const initial = input.initial ?? INITIAL_STATE;

  const outgoing = new Map<LifecycleState, TransitionDef[]>(stateIds.map((s) => [s, []]));
  for (const t of defs) {
    const list = outgoing.get(t.from);
    if (!list) throw new Error(`totals: transition "${t.id}" leaves "${t.from}", which is not a lifecycle state`);
    list.push(t);
  }

  const reached = new Set<LifecycleState>([initial]);
  const queue: LifecycleState[] = [initial];
  while (queue.length > 0) {
    const s = queue.shift() as LifecycleState;
    for (const t of outgoing.get(s) ?? []) {
      if (!reached.has(t.to)) {
        reached.add(t.to);
        queue.push(t.to);
      }
    }
  }

  const transitions = defs.map((t) => ({ ...t, reachable: reached.has(t.from) }));
  const pairs: ChainItem[] = [];
  for (const first of defs) {
    for (const second of outgoing.get(first.to) ?? []) {
      pairs.push({ id: chainId([first, second]), transitions: [first.id, second.id], reachable: reached.has(first.from) });
    }
  }

  const paths: ChainItem[] = [];
  const walk = (prefix: TransitionDef[]): void => {
    if (prefix.length > 0) paths.push({ id: chainId(prefix), transitions: prefix.map((t) => t.id), reachable: true });
    if (prefix.length === maxPathLength) return;
    const at = prefix.length === 0 ? initial : prefix[prefix.length - 1].to;
    for (const t of outgoing.get(at) ?? []) walk([...prefix, t]);
  };
  walk([]);

  return {
    initial,
    maxPathLength,
    states: stateIds.map((id) => ({ id, reachable: reached.has(id) })),
    transitions,
    pairs,
    paths,
  };
}
