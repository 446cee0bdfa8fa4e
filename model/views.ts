import type { CommandOf } from './commands';
import type { Outcome } from './outcomes';
import { may } from './permissions';
import { accepted, getAccount, getRecord, getUser, hasFullControl, insufficientPermission, isPresent, refused, stateIn } from './state';
import type { World } from './types';

type Result = { world: World; outcome: Outcome };

/** The Integrations list page (PERM-01). No Application IDs on it (AUTH-08). */
export function viewIntegrations(world: World, cmd: CommandOf<'viewIntegrations'>): Result {
  const account = getAccount(world, cmd.account);
  const user = getUser(account, cmd.user);
  if (!may(user.role, 'viewIntegrationsList')) {
    return { world, outcome: insufficientPermission(cmd.type, user, 'view the Integrations list', 'PERM-01') };
  }
  const entries = Object.entries(account.installations)
    .filter(([, i]) => isPresent(i.state))
    .map(([ref, i]) => ({ record: ref, name: world.records[ref].name, state: i.state, owned: hasFullControl(account, ref) }));
  return { world, outcome: accepted(cmd.type, ['PERM-01'], { view: { type: 'integrationList', entries } }) };
}

/** One record's page (PERM-02): the Application ID shows only where it was created (OWN-06). */
export function viewRecord(world: World, cmd: CommandOf<'viewRecord'>): Result {
  const account = getAccount(world, cmd.account);
  const user = getUser(account, cmd.user);
  const record = getRecord(world, cmd.record);
  if (!may(user.role, 'viewRecord')) return { world, outcome: insufficientPermission(cmd.type, user, 'view integration records', 'PERM-02') };
  const inst = account.installations[record.ref];
  if (!inst || !isPresent(inst.state)) {
    return { world, outcome: refused(cmd.type, 'OWN-01', 'RCRD_DSNT_EXIST', `That record does not exist in account ${account.name}.`) };
  }
  const owned = hasFullControl(account, record.ref);
  return {
    world,
    outcome: accepted(cmd.type, ['PERM-02', 'REC-04', 'OWN-06', 'AUTH-08'], {
      view: {
        type: 'record',
        record: record.ref,
        name: record.name,
        description: record.description,
        authentication: record.authentication,
        state: inst.state,
        note: inst.note,
        owned,
        ...(owned ? { applicationId: record.applicationId } : {}),
      },
    }),
  };
}

/** A record's SOAP Web Services Execution Log in this account: its own requests only (LOG-01). */
export function viewExecutionLog(world: World, cmd: CommandOf<'viewExecutionLog'>): Result {
  const account = getAccount(world, cmd.account);
  const user = getUser(account, cmd.user);
  const record = getRecord(world, cmd.record);
  if (!may(user.role, 'viewRecord')) return { world, outcome: insufficientPermission(cmd.type, user, 'view integration records', 'PERM-02') };
  if (!isPresent(stateIn(account, record.ref))) {
    return { world, outcome: refused(cmd.type, 'OWN-01', 'RCRD_DSNT_EXIST', `That record does not exist in account ${account.name}.`) };
  }
  return {
    world,
    outcome: accepted(cmd.type, ['LOG-01', 'LOG-02'], { view: { type: 'executionLog', record: record.ref, entries: account.installations[record.ref].log.toArray() } }),
  };
}

/** SOAP Web Services Operations search over the usage log: open to every role; the Integration field needs PERM-02. */
export function searchOperations(world: World, cmd: CommandOf<'searchOperations'>): Result {
  const account = getAccount(world, cmd.account);
  const user = getUser(account, cmd.user);
  const integrationField = may(user.role, 'seeIntegrationField');
  const entries = account.usageLog.toArray().map(({ trackedBy, ...entry }) =>
    integrationField ? { ...entry, integration: trackedBy === 'default' ? 'Default Web Services Integrations' : world.records[trackedBy].name } : entry,
  );
  return { world, outcome: accepted(cmd.type, ['PERM-02', 'LOG-01'], { view: { type: 'operationsSearch', integrationField, entries } }) };
}
