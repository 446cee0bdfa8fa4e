import type { CoverItem, Plan, PlanResult } from './types';



/** What the covering set asks for plans: the Planner, or anything answering like it. */
export interface PlanSource {
  transition(id: string): PlanResult;
  pair(first: string, second: string): PlanResult;
  path(transitions: readonly string[]): PlanResult;
}

/**
 * A small set of plans that together take every reachable transition, transition pair and
 * lifecycle path (up to a length): each plan's subject walks one lifecycle path, which covers
 * the transitions and pairs on it and every path it begins with. Chosen greedily from the
 * planner's shortest plans, the plan closing the most open items first (a greedy set cover is
 * within a logarithmic factor of the smallest).
 */

export function itemKey(item: CoverItem): string {
  return item.kind === 'transition' ? `transition:${item.id}` : `${item.kind}:${item.transitions.join(' | ')}`;
}

/** Every item a walk of an installation along `path` (from its absence) covers. */
export function itemsOfPath(path: readonly string[], maxPathLength: number): CoverItem[] {
  const items: CoverItem[] = path.map((id) => ({ kind: 'transition', id }));
  for (let i = 0; i + 1 < path.length; i++) items.push({ kind: 'pair', transitions: [path[i], path[i + 1]] });
  for (let n = 1; n <= Math.min(path.length, maxPathLength); n++) items.push({ kind: 'path', transitions: path.slice(0, n) });
  return items;
}

export interface CoveringPlan {
  readonly plan: Plan;
  /** Keys of the open items this plan closes (the ones no earlier plan of the set closed). */
  readonly closes: readonly string[];
}

/**
 * The covering set for `wanted` (items to close), shortest plans first among equals. Items the
 * planner cannot reach are returned as `unreached`, with its reason.
 */
export function coveringSet(planner: PlanSource, wanted: readonly CoverItem[], maxPathLength: number): { plans: CoveringPlan[]; unreached: { item: CoverItem; problem: string }[] } {
  const open = new Map(wanted.map((i) => [itemKey(i), i]));
  const candidates = new Map<string, { plan: Plan; covers: Set<string> }>();
  const unreached: { item: CoverItem; problem: string }[] = [];
  for (const item of open.values()) {
    const result = item.kind === 'transition' ? planner.transition(item.id) : item.kind === 'pair' ? planner.pair(item.transitions[0], item.transitions[1]) : planner.path(item.transitions);
    if (!result.ok) {
      unreached.push({ item, problem: result.problem });
      continue;
    }
    const key = result.plan.transitions.join(' | ');
    if (!candidates.has(key)) candidates.set(key, { plan: result.plan, covers: new Set(itemsOfPath(result.plan.transitions, maxPathLength).map(itemKey)) });
  }
  for (const u of unreached) open.delete(itemKey(u.item));
  const plans: CoveringPlan[] = [];
  while (open.size > 0) {
    let best: { plan: Plan; closes: string[] } | undefined;
    for (const c of candidates.values()) {
      const closes = [...c.covers].filter((k) => open.has(k));
      if (!best || closes.length > best.closes.length || (closes.length === best.closes.length && c.plan.commands.length < best.plan.commands.length)) best = { plan: c.plan, closes };
    }
    // Every open item has a candidate that covers it, so the best one closes at least one.
    if (!best || best.closes.length === 0) throw new Error(`covering set: ${open.size} items left that no plan covers`);
    for (const k of best.closes) open.delete(k);
    plans.push({ plan: best.plan, closes: best.closes.sort() });
  }
  return { plans, unreached };
}
