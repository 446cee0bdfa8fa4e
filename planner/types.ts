import type { Command, Expectation, LifecycleState } from '../model';

/** The planner's vocabulary, shared by the search (planner.ts) and the covering set (covering.ts). */

export interface Plan {
  readonly subject: { readonly account: string; readonly record: string };
  readonly commands: readonly Command[];
  /** The subject's transitions, in order: the lifecycle path the scenario walks. */
  readonly transitions: readonly string[];
  readonly finalState: LifecycleState;
  /** What the last command answered: a request under Require Approval installs the record and is refused (STATE-02). */
  readonly lastOutcome: Extract<Expectation, { type: 'outcome' }>;
}

export type PlanResult =
  | { readonly ok: true; readonly plan: Plan }
  /** `unreachable`: the exhaustive search found no way; otherwise it stopped at its limits, or replay disagreed. */
  | { readonly ok: false; readonly unreachable: boolean; readonly problem: string };

export type CoverItem =
  | { readonly kind: 'transition'; readonly id: string }
  | { readonly kind: 'pair'; readonly transitions: readonly [string, string] }
  | { readonly kind: 'path'; readonly transitions: readonly string[] };
