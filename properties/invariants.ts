import type { Command } from '../model/commands';
import type { Outcome } from '../model/outcomes';
import type { World } from '../model/types';
import type { Expectation } from '../scenarios/trace';

/**
 * Invariants over one step of the world, each named by the rule IDs it checks.
 * Pure, deterministic and cheap: the explorer calls them on hundreds of thousands of steps.
 */

export interface StepContext {
  readonly before: World;
  readonly command: Command;
  readonly after: World;
  readonly outcome: Outcome;
}

export interface Violation {
  readonly invariant: string;
  readonly rules: readonly string[];
  readonly message: string;
  readonly expectations: readonly Expectation[];
}

export interface Invariant {
  readonly name: string;
  readonly rules: readonly string[];
  check(step: StepContext): Violation | undefined;
}

export const INVARIANTS: readonly Invariant[] = [];

/** The first violation of any invariant, or undefined. */
export function checkStep(step: StepContext): Violation | undefined {
  for (const inv of INVARIANTS) {
    const v = inv.check(step);
    if (v) return v;
  }
  return undefined;
}
