import { Log } from './log';
import { DEFAULT_USER, type Command, type CommandOf } from './commands';
import { accountIdFor, passwordFor } from './credentials';
import { createAccessToken, createBundle, installBundle, issueToken, uninstallBundle } from './distribution';
import type { DeliberateFault } from './faults';
import type { Outcome } from './outcomes';
import { createRecord, editRecord, regenerateCredentials } from './records';
import { login, logout, sendRequest } from './requests';
import { refreshSandbox } from './sandbox';
import { accepted, getAccount, invalid, InvalidInput, withAccount } from './state';
import { ACCOUNT_KINDS, ROLES, type Account, type AccountKind, type StepperKind, type World } from './types';
import { searchOperations, viewExecutionLog, viewIntegrations, viewRecord } from './views';

/** The world: `apply(world, command)` returns the next world and the outcome, and never throws for input. */

export interface WorldOptions {
  readonly seed?: number;
  readonly faults?: readonly DeliberateFault[];
  readonly stepper?: StepperKind;
}

export function createWorld(options: WorldOptions = {}): World {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return {
    // Stryker disable next-line StringLiteral,LogicalOperator,ArrayDeclaration: the table and xstate steppers agree (model/lifecycle.test.ts), the default only picks the faster; a fault name the model does not know switches nothing
    config: { seed, faults: options.faults ?? [], stepper: options.stepper ?? 'table' },
    rng: seed | 0,
    seq: 0,
    accounts: {},
    records: {},
    bundles: {},
    tokens: {},
    sessions: {},
  };
}

export type Result = { world: World; outcome: Outcome };

function newAccount(world: World, name: string, kind: AccountKind, production?: Account): Account {
  return {
    name,
    kind,
    accountId: accountIdFor(world, name, production),
    ...(production ? { production: production.name } : {}),
    users: {
      [DEFAULT_USER]: { name: DEFAULT_USER, role: 'administrator', email: `${DEFAULT_USER}@${slug(name)}.example`, password: passwordFor(world.config.seed, name, DEFAULT_USER) },
    },
    preferences: { requireApproval: false, tokenBasedAuthentication: true },
    // Stryker disable next-line StringLiteral: only Blocked blocks the Default record's requests (FACT-06), and nothing shows its State
    defaultRecord: { state: 'enabled', log: Log.empty() },
    installations: {},
    usageLog: Log.empty(),
    systemNotes: [],
  };
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'account';
}

function addAccount(world: World, cmd: CommandOf<'addAccount'>): Result {
  if (world.accounts[cmd.account]) invalid('account', `an account named "${cmd.account}" already exists`, 'a new account name');
  if (!ACCOUNT_KINDS.includes(cmd.kind) || (cmd.kind as AccountKind) === 'sandbox') {
    invalid('kind', `unknown account kind "${cmd.kind}"`, 'production, partner or customer (sandboxes come from addSandbox)');
  }
  return { world: withAccount(world, newAccount(world, cmd.account, cmd.kind)), outcome: accepted(cmd.type, [], { changes: [`${cmd.kind} account "${cmd.account}" added`] }) };
}

function addSandbox(world: World, cmd: CommandOf<'addSandbox'>): Result {
  if (world.accounts[cmd.account]) invalid('account', `an account named "${cmd.account}" already exists`, 'a new account name');
  const production = getAccount(world, cmd.production, 'production');
  if (production.kind !== 'production') invalid('production', `"${production.name}" is a ${production.kind} account`, 'the name of a production account');
  return {
    world: withAccount(world, newAccount(world, cmd.account, 'sandbox', production)),
    outcome: accepted(cmd.type, [], { changes: [`sandbox "${cmd.account}" of "${production.name}" added`] }),
  };
}

function addUser(world: World, cmd: CommandOf<'addUser'>): Result {
  const account = getAccount(world, cmd.account);
  if (account.users[cmd.user]) invalid('user', `"${cmd.user}" is already a user of "${account.name}"`, 'a new user name');
  if (!ROLES.includes(cmd.role)) invalid('role', `unknown role "${cmd.role}"`, ROLES.join(', '));
  const user = {
    name: cmd.user,
    role: cmd.role,
    email: cmd.email ?? `${slug(cmd.user)}@${slug(account.name)}.example`,
    password: passwordFor(world.config.seed, account.name, cmd.user),
  };
  // A passport names its user by e-mail (FACT-14), so it must pick out one user of the account.
  const taken = Object.values(account.users).find((u) => u.email.toLowerCase() === user.email.toLowerCase());
  if (taken) invalid('email', `"${taken.name}" of "${account.name}" already signs in with that e-mail`, 'an e-mail no other user of the account has');
  return {
    world: withAccount(world, { ...account, users: { ...account.users, [user.name]: user } }),
    outcome: accepted(cmd.type, [], { changes: [`user "${user.name}" (${user.role}) added to "${account.name}"`] }),
  };
}

function setPreference(world: World, cmd: CommandOf<'setPreference'>): Result {
  const account = getAccount(world, cmd.account);
  if (!(cmd.preference in account.preferences)) invalid('preference', `unknown preference "${cmd.preference}"`, 'requireApproval or tokenBasedAuthentication');
  return {
    world: withAccount(world, { ...account, preferences: { ...account.preferences, [cmd.preference]: cmd.value } }),
    outcome: accepted(cmd.type, cmd.preference === 'requireApproval' ? ['TOKEN-02'] : ['FACT-08'], {
      changes: [`${cmd.preference} ${cmd.value ? 'on' : 'off'} in "${account.name}"`],
    }),
  };
}

/** Blocking the Default Web Services Integrations record blocks requests it tracks (FACT-06). */
function setDefaultRecordState(world: World, cmd: CommandOf<'setDefaultRecordState'>): Result {
  const account = getAccount(world, cmd.account);
  if (cmd.state !== 'enabled' && cmd.state !== 'blocked') invalid('state', `"${String(cmd.state)}" is not a State of the Default record`, 'enabled or blocked');
  return {
    world: withAccount(world, { ...account, defaultRecord: { ...account.defaultRecord, state: cmd.state } }),
    outcome: accepted(cmd.type, ['FACT-06'], { changes: [`Default Web Services Integrations record ${cmd.state} in "${account.name}"`] }),
  };
}

function dispatch(world: World, cmd: Command): Result {
  switch (cmd.type) {
    case 'addAccount': return addAccount(world, cmd);
    case 'addSandbox': return addSandbox(world, cmd);
    case 'addUser': return addUser(world, cmd);
    case 'createRecord': return createRecord(world, cmd);
    case 'editRecord': return editRecord(world, cmd);
    case 'regenerateCredentials': return regenerateCredentials(world, cmd);
    case 'createBundle': return createBundle(world, cmd);
    case 'installBundle': return installBundle(world, cmd);
    case 'uninstallBundle': return uninstallBundle(world, cmd);
    case 'createAccessToken': return createAccessToken(world, cmd);
    case 'issueToken': return issueToken(world, cmd);
    case 'setPreference': return setPreference(world, cmd);
    case 'setDefaultRecordState': return setDefaultRecordState(world, cmd);
    case 'refreshSandbox': return refreshSandbox(world, cmd);
    case 'viewIntegrations': return viewIntegrations(world, cmd);
    case 'viewRecord': return viewRecord(world, cmd);
    case 'viewExecutionLog': return viewExecutionLog(world, cmd);
    case 'searchOperations': return searchOperations(world, cmd);
    case 'login': return login(world, cmd);
    case 'logout': return logout(world, cmd);
    case 'request': return sendRequest(world, cmd);
  }
}

/**
 * Applies one command. Domain refusals are outcomes; malformed input (unknown names, bad
 * values) is an `invalid` outcome that leaves the world unchanged. Only bugs throw.
 */
export function apply(world: World, cmd: Command): Result {
  try {
    return dispatch(world, cmd);
  } catch (e) {
    if (e instanceof InvalidInput) return { world, outcome: { kind: 'invalid', command: String(cmd.type), ...e.detail } };
    throw e;
  }
}

/** Applies commands in order; returns every outcome and the final world. */
export function applyAll(world: World, commands: readonly Command[]): { world: World; outcomes: Outcome[] } {
  const outcomes: Outcome[] = [];
  let w = world;
  for (const cmd of commands) {
    const r = apply(w, cmd);
    w = r.world;
    outcomes.push(r.outcome);
  }
  return { world: w, outcomes };
}
