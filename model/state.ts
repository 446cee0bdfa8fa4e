import { Log } from './log';
import { DEFAULT_USER, type CommandType } from './commands';
import type { DeliberateFault } from './faults';
import { lifecycle, PRESENT_STATES, xstateStepper, type LifecycleStepper } from './lifecycle.table';
import type { LifecycleEvent, LifecycleState } from './lifecycle.machine';
import type { Accepted, Fault, InstallationStep, Invalid, Reason, Refused } from './outcomes';
import { drawHex, formatApplicationId } from './random';
import type { Account, Installation, IntegrationRecord, StepperKind, User, World } from './types';

/** Low-level pure helpers shared by the command modules. */

/** Thrown only inside `apply` for malformed input, and turned into an `Invalid` outcome there. */
export class InvalidInput extends Error {
  constructor(readonly detail: Omit<Invalid, 'kind' | 'command'>) {
    super(`${detail.at}: ${detail.problem}; should be ${detail.allowed}`);
  }
}

export function invalid(at: string, problem: string, allowed: string): never {
  throw new InvalidInput({ at, problem, allowed });
}

// Stryker disable all: the wording of an invalid outcome's list of allowed names
function listOf(names: readonly string[]): string {
  return names.length === 0 ? '(none yet)' : names.map((n) => `"${n}"`).join(', ');
}
// Stryker restore all

export function getAccount(world: World, name: string, at = 'account'): Account {
  const account = world.accounts[name];
  if (!account) invalid(at, `unknown account "${name}"`, `one of ${listOf(Object.keys(world.accounts))}`);
  return account;
}

export function getUser(account: Account, name: string | undefined, at = 'user'): User {
  const user = account.users[name ?? DEFAULT_USER];
  if (!user) invalid(at, `"${name}" is not a user of account "${account.name}"`, `one of ${listOf(Object.keys(account.users))}`);
  return user;
}

export function getRecord(world: World, ref: string, at = 'record'): IntegrationRecord {
  const record = world.records[ref];
  if (!record) invalid(at, `unknown record "${ref}"`, `one of ${listOf(Object.keys(world.records))}`);
  return record;
}

export function stateIn(account: Account, record: string): LifecycleState {
  return account.installations[record]?.state ?? 'absent';
}

const PRESENT = new Set<LifecycleState>(PRESENT_STATES);

/** The account holds the record: its state is one of the statechart's `present` leaves. */
export function isPresent(state: LifecycleState): boolean {
  return PRESENT.has(state);
}

/** The account holds the record with full control: it created it and never lost it (REC-03, ASM-13). */
export function hasFullControl(account: Account, record: string): boolean {
  const inst = account.installations[record];
  // Stryker disable next-line ConditionalExpression: every caller asks about a record the account holds; the State check states the meaning
  return inst !== undefined && inst.origin === 'created' && isPresent(inst.state);
}

export function hasFault(world: World, fault: DeliberateFault): boolean {
  return world.config.faults.includes(fault);
}

/** Both steppers, built once: the table the world uses by default and xstate's own, which agree (model/lifecycle.test.ts). */
const STEPPERS: Readonly<Record<StepperKind, LifecycleStepper>> = { table: lifecycle, xstate: xstateStepper() };

export function withAccount(world: World, account: Account): World {
  return { ...world, accounts: { ...world.accounts, [account.name]: account } };
}

/**
 * Moves one installation through the statechart. Returns undefined when the machine has no
 * transition for the event: the world never changes a lifecycle state on its own.
 */
export function move(
  world: World,
  accountName: string,
  record: string,
  event: LifecycleEvent,
  patch: Partial<Omit<Installation, 'state'>> = {},
): { world: World; step: InstallationStep } | undefined {
  const account = world.accounts[accountName];
  const current = account.installations[record];
  const step = STEPPERS[world.config.stepper].step(current?.state ?? 'absent', event);
  // Stryker disable next-line ConditionalExpression,StringLiteral: no transition leads back to absent (FACT-03, model/lifecycle.test.ts)
  if (!step || step.to === 'absent') return undefined;
  // A first installation is its creator's, with no Note and an empty log, unless the patch says otherwise.
  const first: Omit<Installation, 'state'> = { origin: 'created', note: '', log: Log.empty() };
  const next: Installation = { ...(current ?? first), ...patch, state: step.to };
  // Stryker disable next-line ConditionalExpression,OptionalChaining: only the owner's account ever holds an installation as created
  const owner = world.records[record]?.owner === accountName && next.origin === 'created';
  return {
    world: withAccount(world, { ...account, installations: { ...account.installations, [record]: next } }),
    step: { ...step, record, account: accountName, owner },
  };
}

export function drawSecret(world: World): { world: World; value: string } {
  const d = drawHex(world.rng, 8);
  return { world: { ...world, rng: d.rng }, value: d.value };
}

/** A fresh Application ID, unique in the world (REC-02). */
export function drawApplicationId(world: World): { world: World; value: string } {
  let rng = world.rng;
  for (;;) {
    const d = drawHex(rng, 4);
    rng = d.rng;
    const id = formatApplicationId(d.value);
    if (!Object.values(world.records).some((r) => r.applicationId === id)) return { world: { ...world, rng }, value: id };
  }
}

export function accepted(
  command: CommandType,
  rules: readonly Reason[],
  extra: Partial<Omit<Accepted, 'kind' | 'command' | 'rules'>> = {},
): Accepted {
  // Stryker disable next-line ArrayDeclaration: statements for people; an accepted command that changed the world must give its own (ASM-20)
  return { kind: 'accepted', command, transitions: [], changes: [], ...extra, rules };
}

export function refused(
  command: CommandType,
  rule: Reason,
  code: Fault['code'],
  message: string,
  detail?: Fault['detail'],
  transitions: readonly InstallationStep[] = [],
): Refused {
  return { kind: 'refused', command, transitions, fault: detail ? { code, message, detail } : { code, message }, rule };
}

export function insufficientPermission(command: CommandType, user: User, what: string, rule: Reason): Refused {
  return refused(command, rule, 'INSUFFICIENT_PERMISSION', `Permission Violation: ${user.name} (${user.role}) cannot ${what}.`);
}
