import type { ChangeField, CommandOf } from './commands';
import type { LifecycleEvent } from './lifecycle.machine';
import type { InstallationStep, Outcome } from './outcomes';
import { may } from './permissions';
import {
  accepted,
  drawApplicationId,
  drawSecret,
  getAccount,
  getRecord,
  getUser,
  hasFault,
  hasFullControl,
  insufficientPermission,
  invalid,
  isPresent,
  move,
  refused,
  stateIn,
  withAccount,
} from './state';
import type { IntegrationRecord, World } from './types';

type Result = { world: World; outcome: Outcome };

/** Creating a record: the creating account owns it and holds it at once (REC-01..03, REC-06). */
export function createRecord(world: World, cmd: CommandOf<'createRecord'>): Result {
  const account = getAccount(world, cmd.account);
  const user = getUser(account, cmd.user);
  if (world.records[cmd.record]) invalid('record', `a record named "${cmd.record}" already exists`, 'a new record handle');
  if (!may(user.role, 'createRecord')) return { world, outcome: insufficientPermission(cmd.type, user, 'create integration records', 'PERM-02') };
  if (!cmd.authentication.userCredentials && !cmd.authentication.tokenBased) {
    return {
      world,
      outcome: refused(cmd.type, 'REC-06', 'INVALID_FLD_VALUE', 'Select at least one authentication method: User Credentials, Token-Based Authentication, or both.'),
    };
  }
  let w = world;
  const appId = drawApplicationId(w);
  w = appId.world;
  const key = drawSecret(w);
  w = key.world;
  const secret = drawSecret(w);
  w = secret.world;
  const record: IntegrationRecord = {
    ref: cmd.record,
    owner: account.name,
    applicationId: appId.value,
    name: cmd.name ?? cmd.record,
    description: cmd.description ?? '',
    authentication: cmd.authentication,
    consumerKey: key.value,
    consumerSecret: secret.value,
  };
  w = { ...w, records: { ...w.records, [record.ref]: record } };
  // A new installation starts as its creator's, with no Note and an empty log (move's defaults).
  const moved = move(w, account.name, record.ref, { type: 'CREATE', blocked: cmd.state === 'blocked' });
  // Stryker disable next-line ConditionalExpression: defensive; model/lifecycle.test.ts shows the statechart has CREATE from absent
  if (!moved) throw new Error('statechart refused CREATE on an absent installation');
  return {
    world: moved.world,
    outcome: accepted(cmd.type, ['REC-01', 'REC-02', 'REC-03', 'REC-06'], {
      transitions: [moved.step],
      changes: [`record "${record.ref}" created in "${account.name}" (${moved.step.to})`],
    }),
  };
}

const COMMON_FIELDS: readonly ChangeField[] = ['name', 'description', 'authentication'];

/**
 * Editing fields. All-or-nothing: every change is checked before any is made. Installed
 * accounts may change only State and Note (OWN-03, STATE-03); the Application ID never
 * (REC-02); consumer credentials only by regeneration (REC-05).
 */
export function editRecord(world: World, cmd: CommandOf<'editRecord'>): Result {
  const account = getAccount(world, cmd.account);
  const user = getUser(account, cmd.user);
  const record = getRecord(world, cmd.record);
  const changes = cmd.changes;
  const fields = (Object.keys(changes) as ChangeField[]).filter((f) => changes[f] !== undefined);
  if (fields.length === 0) invalid('changes', 'no field to change', 'at least one of name, description, authentication, state, note');
  if (!may(user.role, 'editRecord')) return { world, outcome: insufficientPermission(cmd.type, user, 'edit integration records', 'PERM-02') };
  const current = stateIn(account, record.ref);
  if (!isPresent(current)) {
    return { world, outcome: refused(cmd.type, 'OWN-01', 'RCRD_DSNT_EXIST', `That record does not exist in account ${account.name}.`) };
  }
  if (changes.applicationId !== undefined) {
    return { world, outcome: refused(cmd.type, 'REC-02', 'FIELD_NOT_EDITABLE', 'The Application ID is not editable.') };
  }
  if (changes.consumerKey !== undefined || changes.consumerSecret !== undefined) {
    return {
      world,
      outcome: refused(cmd.type, 'REC-05', 'FIELD_NOT_EDITABLE', 'Consumer Key and Consumer Secret cannot be edited; regenerate them in the account that created the record.'),
    };
  }
  const full = hasFullControl(account, record.ref);
  const common = fields.filter((f) => COMMON_FIELDS.includes(f));
  if (common.length > 0 && !full && !hasFault(world, 'OWN-03')) {
    const rule = record.owner === account.name ? 'ASM-13' : 'OWN-03';
    return {
      world,
      outcome: refused(cmd.type, rule, 'FIELD_NOT_EDITABLE', `This record is owned by another account: only State and Note can be edited here (${common.join(', ')} refused).`),
    };
  }
  if (changes.authentication && !changes.authentication.userCredentials && !changes.authentication.tokenBased) {
    return { world, outcome: refused(cmd.type, 'REC-06', 'INVALID_FLD_VALUE', 'Select at least one authentication method.') };
  }
  if (changes.state === 'waitingForApproval' && current !== 'waitingForApproval') {
    return {
      world,
      outcome: refused(cmd.type, 'FACT-01', 'INVALID_FLD_VALUE', 'State cannot be set to Waiting for Approval; only auto-installation under Require Approval sets it.'),
    };
  }
  let w = world;
  const transitions: InstallationStep[] = [];
  if (changes.state && changes.state !== current) {
    const event: LifecycleEvent = changes.state === 'enabled' ? { type: 'ENABLE' } : { type: 'BLOCK' };
    const moved = move(w, account.name, record.ref, event);
    // Stryker disable next-line ConditionalExpression: defensive; the statechart has ENABLE and BLOCK between every present State it may change
    if (!moved) throw new Error(`statechart has no ${event.type} from ${current}`);
    w = moved.world;
    transitions.push(moved.step);
  }
  const commonPatch: Partial<IntegrationRecord> = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.description !== undefined ? { description: changes.description } : {}),
    ...(changes.authentication !== undefined ? { authentication: changes.authentication } : {}),
  };
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path; an empty patch would rewrite the record unchanged
  if (common.length > 0) w = { ...w, records: { ...w.records, [record.ref]: { ...record, ...commonPatch } } };
  let acc = w.accounts[account.name];
  if (changes.note !== undefined) {
    acc = { ...acc, installations: { ...acc.installations, [record.ref]: { ...acc.installations[record.ref], note: changes.note } } };
  }
  // The system note goes to the editing account only: owner changes sync silently (OWN-04).
  const seq = w.seq + 1;
  acc = { ...acc, systemNotes: [...acc.systemNotes, { seq, record: record.ref, fields, user: user.name }] };
  w = withAccount({ ...w, seq }, acc);
  const rules = [
    ...(common.length > 0 ? (['REC-04', 'OWN-04'] as const) : []),
    ...(fields.includes('state') || fields.includes('note') ? (['STATE-03'] as const) : []),
    ...(full ? [] : (['OWN-03'] as const)),
  ];
  return {
    world: w,
    outcome: accepted(cmd.type, rules, { transitions, changes: [`${fields.join(', ')} of "${record.ref}" changed in "${account.name}"`] }),
  };
}

/** New consumer key and secret, only where the record was created; tokens keep working (REC-05, FACT-05). */
export function regenerateCredentials(world: World, cmd: CommandOf<'regenerateCredentials'>): Result {
  const account = getAccount(world, cmd.account);
  const user = getUser(account, cmd.user);
  const record = getRecord(world, cmd.record);
  if (!may(user.role, 'editRecord')) return { world, outcome: insufficientPermission(cmd.type, user, 'edit integration records', 'PERM-02') };
  if (!isPresent(stateIn(account, record.ref))) {
    return { world, outcome: refused(cmd.type, 'OWN-01', 'RCRD_DSNT_EXIST', `That record does not exist in account ${account.name}.`) };
  }
  if (!hasFullControl(account, record.ref)) {
    return {
      world,
      outcome: refused(cmd.type, record.owner === account.name ? 'ASM-13' : 'REC-05', 'FIELD_NOT_EDITABLE', 'Consumer Key and Consumer Secret can be regenerated only in the account that created the record.'),
    };
  }
  let w = world;
  const key = drawSecret(w);
  w = key.world;
  const secret = drawSecret(w);
  w = secret.world;
  const updated: IntegrationRecord = { ...record, consumerKey: key.value, consumerSecret: secret.value, previousConsumerKey: record.consumerKey };
  const seq = w.seq + 1;
  const acc = w.accounts[account.name];
  w = withAccount({ ...w, seq, records: { ...w.records, [record.ref]: updated } }, {
    ...acc,
    systemNotes: [...acc.systemNotes, { seq, record: record.ref, fields: ['consumerKey', 'consumerSecret'], user: user.name }],
  });
  return { world: w, outcome: accepted(cmd.type, ['REC-05', 'FACT-05'], { changes: [`consumer key and secret of "${record.ref}" regenerated`] }) };
}
