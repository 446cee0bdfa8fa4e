import { DEFAULT_USER, type Expectation, type LifecycleState, type Outcome, type Reason, type Role, type World } from '../../model';
import type { Problem, StepContext } from './step';

/** The words the invariants share: expectations, who holds what, who may do what, and how an answer is said. */

export const refusedBy = (rule: Reason): Expectation => ({ type: 'outcome', kind: 'refused', rule });
export const ACCEPTED: Expectation = { type: 'outcome', kind: 'accepted' };
export const stateExpectation = (account: string, record: string, state: LifecycleState): Expectation => ({ type: 'state', account, record, state });
/** The expected answer as an expectation: accepted, or refused by a rule. */
const answer = (expected: Reason | 'accepted'): Expectation => (expected === 'accepted' ? ACCEPTED : refusedBy(expected));

/** The fields common to every account that holds a record (REC-04); the rest (State, Note) are each account's own. */
export const COMMON_FIELDS = ['name', 'description', 'authentication'] as const;

/** Held by the account. Stated here, not imported from model/state.ts: the model's rules use its own copy, and a shared bug would blind the invariants. */
export function isPresent(state: LifecycleState | undefined): boolean {
  return state === 'enabled' || state === 'blocked' || state === 'waitingForApproval';
}

export function stateIn(world: World, account: string, record: string): LifecycleState {
  return world.accounts[account]?.installations[record]?.state ?? 'absent';
}

/** The account created the record and still holds it as created (REC-03, ASM-13). */
export function createdAndHeld(world: World, account: string, record: string): boolean {
  const inst = world.accounts[account]?.installations[record];
  return world.records[record]?.owner === account && inst !== undefined && inst.origin === 'created' && isPresent(inst.state);
}

export function roleOf(world: World, account: string, user: string | undefined): Role | undefined {
  return world.accounts[account]?.users[user ?? DEFAULT_USER]?.role;
}

export function said(outcome: Outcome): string {
  if (outcome.kind === 'accepted') return 'accepted';
  if (outcome.kind === 'refused') return `refused by ${outcome.rule} (${outcome.fault.code})`;
  return `invalid at ${outcome.at}`;
}

/** The answer the world gave, in the terms of an expected one. */
function answerOf(outcome: Outcome): Reason | 'accepted' | 'invalid' {
  return outcome.kind === 'accepted' ? 'accepted' : outcome.kind === 'refused' ? outcome.rule : 'invalid';
}

export function mismatch(step: StepContext, what: string, expected: Reason | 'accepted'): Problem | undefined {
  const got = answerOf(step.outcome);
  if (got === 'invalid' || got === expected) return undefined;
  return {
    message: `${what} was ${said(step.outcome)}; expected ${expected === 'accepted' ? 'it to be accepted' : `a refusal by ${expected}`}`,
    expectations: [answer(expected)],
  };
}

/** Who may do what, stated by permission rather than by role (PERM-01, PERM-02, ASM-11). */
export const GRANTS: Readonly<Record<Role, { readonly list: boolean; readonly full: boolean }>> = {
  administrator: { list: true, full: true },
  integrationList: { list: true, full: false },
  integrationFull: { list: false, full: true },
  noIntegrationAccess: { list: false, full: false },
};

export const hasFull = (role: Role | undefined): boolean => role !== undefined && GRANTS[role].full;
