import { isPresent, stateIn, type Command, type IntegrationRecord, type World } from '../../model';
import { Plan } from '../cast';
import type { Where } from './values';

/**
 * A generated step is an *intent*: a command's shape with its targets given by position (the
 * n-th record, the n-th token...). Each intent resolves against the world it meets into
 * concrete commands, adding the cast members it needs, so it stays applicable when shrinking
 * drops earlier steps, and targets things that exist. Here: the intent itself, the fresh
 * names a run hands out, and how a position or a `Where` picks its target in the world.
 */

/** Names handed out by counters of the run, never reused. */
export interface FreshNames {
  readonly tokens: number;
  readonly sessions: number;
  readonly bundles: number;
}

export const tokenName = (n: number): string => `token ${n + 1}`;
export const sessionName = (n: number): string => `session ${n + 1}`;
export const bundleName = (n: number): string => `Bundle ${n + 1}`;

export interface Intent {
  /** The generated parameters (fast-check prints this for a counterexample). */
  readonly label: string;
  /** The commands this step is in `world`; undefined when it does not apply there. */
  resolve(world: World, names: FreshNames): readonly Command[] | undefined;
}

export function intent<P>(kind: string, params: P, resolve: (plan: Plan, params: P, names: FreshNames) => readonly Command[] | undefined): Intent {
  return {
    label: `${kind}${JSON.stringify(params)}`,
    resolve: (world, names) => resolve(new Plan(world), params, names),
  };
}

export function recordAt(world: World, at: number): IntegrationRecord | undefined {
  const refs = Object.keys(world.records);
  return refs.length === 0 ? undefined : world.records[refs[at % refs.length]];
}

export function accountFor(plan: Plan, record: IntegrationRecord, where: Where): string {
  if (where.by === 'owner') return plan.account(record.owner);
  if (where.by === 'account') return plan.account(where.account);
  // Another account holding it (bundle, auto-installation, Issue Token, refresh), else the owner.
  const holders = Object.keys(plan.world.accounts).filter((a) => a !== record.owner && isPresent(stateIn(plan.world.accounts[a], record.ref)));
  return holders.length === 0 ? plan.account(record.owner) : holders[where.at % holders.length];
}

export const userField = (user: string | undefined): { user?: string } => (user === undefined ? {} : { user });

export function bundleAt(world: World, at: number): string | undefined {
  const names = Object.keys(world.bundles);
  return names.length === 0 ? undefined : names[at % names.length];
}
