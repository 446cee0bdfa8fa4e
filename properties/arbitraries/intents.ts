import fc from 'fast-check';
import type { IntegrationRecord, PreferenceName } from '../../model';
import { CAST_ACCOUNTS, CAST_USERS, RECORD_NAMES } from '../cast';
import { accountFor, bundleAt, bundleName, intent, recordAt, tokenName, userField } from './intent';
import { accountArb, changesArb, methodsArb, positionArb, roleArb, sandboxArb, weighted, whereArb } from './values';

/** The intents of every command but requests and logins: accounts, users, records, bundles, tokens, settings, refresh, views. */

// ---------------------------------------------------------------------------------------
// Accounts, users, records

export const addAccountIntent = accountArb.map((account) =>
  intent('addAccount', { account }, (plan, p) => (plan.hasAccount(p.account) ? undefined : (plan.account(p.account), plan.commands))),
);

export const addUserIntent = fc.record({ account: accountArb, role: roleArb.filter((r) => r !== 'administrator') }).map((params) =>
  intent('addUser', params, (plan, p) => {
    if (plan.hasAccount(p.account) && plan.hasUser(p.account, CAST_USERS[p.role])) return undefined;
    plan.user(p.account, p.role);
    return plan.commands;
  }),
);

export const createRecordIntent = fc
  .record({
    account: accountArb,
    role: roleArb,
    authentication: methodsArb,
    blocked: weighted([4, fc.constant(false)], [1, fc.constant(true)]),
    named: weighted([3, fc.constant(false)], [1, fc.constant(true)]),
    described: weighted([1, fc.constant(false)], [1, fc.constant(true)]),
  })
  .map((params) =>
    intent('createRecord', params, (plan, p) => {
      const record = RECORD_NAMES.find((n) => plan.world.records[n] === undefined);
      if (!record) return undefined;
      const account = plan.account(p.account);
      const user = plan.user(account, p.role);
      return plan.push({
        type: 'createRecord', account, ...userField(user), record, authentication: p.authentication,
        ...(p.blocked ? { state: 'blocked' as const } : {}),
        ...(p.named ? { name: `${record} (${account})` } : {}),
        ...(p.described ? { description: `Integration ${record}` } : {}),
      });
    }),
  );

export const editRecordIntent = fc.record({ record: positionArb, where: whereArb, role: roleArb, changes: changesArb }).map((params) =>
  intent('editRecord', params, (plan, p) => {
    const record = recordAt(plan.world, p.record);
    if (!record) return undefined;
    const account = accountFor(plan, record, p.where);
    const user = plan.user(account, p.role);
    return plan.push({ type: 'editRecord', account, ...userField(user), record: record.ref, changes: p.changes });
  }),
);

/** An administrator answers a pending approval: Enable (mostly) or Block a record Waiting for Approval. */
export const approveIntent = fc.record({ at: positionArb, decision: weighted<'enabled' | 'blocked'>([4, fc.constant('enabled')], [1, fc.constant('blocked')]), role: roleArb }).map((params) =>
  intent('approve', params, (plan, p) => {
    const pending: [string, string][] = [];
    for (const [account, a] of Object.entries(plan.world.accounts)) {
      for (const [record, i] of Object.entries(a.installations)) if (i.state === 'waitingForApproval') pending.push([account, record]);
    }
    if (pending.length === 0) return undefined;
    const [account, record] = pending[p.at % pending.length];
    const user = plan.user(account, p.role);
    return plan.push({ type: 'editRecord', account, ...userField(user), record, changes: { state: p.decision } });
  }),
);

export const regenerateIntent = fc.record({ record: positionArb, where: whereArb, role: roleArb }).map((params) =>
  intent('regenerateCredentials', params, (plan, p) => {
    const record = recordAt(plan.world, p.record);
    if (!record) return undefined;
    const account = accountFor(plan, record, p.where);
    const user = plan.user(account, p.role);
    return plan.push({ type: 'regenerateCredentials', account, ...userField(user), record: record.ref });
  }),
);

// ---------------------------------------------------------------------------------------
// Bundles and tokens

export const createBundleIntent = fc
  .record({ records: fc.uniqueArray(positionArb, { minLength: 1, maxLength: 3 }), fromOwner: weighted([4, fc.constant(true)], [1, fc.constant(false)]), account: accountArb })
  .map((params) =>
    intent('createBundle', params, (plan, p, names) => {
      const first = recordAt(plan.world, p.records[0]);
      if (!first) return undefined;
      const account = p.fromOwner ? plan.account(first.owner) : plan.account(p.account);
      const refs = [...new Set(p.records.map((at) => recordAt(plan.world, at)).filter((r): r is IntegrationRecord => r !== undefined)
        .filter((r, i) => i === 0 || !p.fromOwner || r.owner === first.owner).map((r) => r.ref))];
      return plan.push({ type: 'createBundle', account, bundle: bundleName(names.bundles), records: refs });
    }),
  );

export const installBundleIntent = fc.record({ bundle: positionArb, account: accountArb, ownAccount: weighted([9, fc.constant(false)], [1, fc.constant(true)]) }).map((params) =>
  intent('installBundle', params, (plan, p) => {
    const bundle = bundleAt(plan.world, p.bundle);
    if (!bundle) return undefined;
    const from = plan.world.bundles[bundle].account;
    // Mostly into another account, now and then (refused) into the account that made it.
    const others = CAST_ACCOUNTS.filter((a) => a.name !== from);
    const account = p.ownAccount ? from : p.account === from ? others[0].name : p.account;
    return plan.push({ type: 'installBundle', account: plan.account(account), bundle });
  }),
);

export const uninstallBundleIntent = fc.record({ bundle: positionArb, where: weighted<{ readonly at: number } | { readonly account: string }>([9, positionArb.map((at) => ({ at }))], [1, accountArb.map((account) => ({ account }))]) }).map((params) =>
  intent('uninstallBundle', params, (plan, p) => {
    const bundle = bundleAt(plan.world, p.bundle);
    if (!bundle) return undefined;
    const installedIn = plan.world.bundles[bundle].installedIn;
    const account = 'account' in p.where || installedIn.length === 0
      ? plan.account('account' in p.where ? p.where.account : plan.world.bundles[bundle].account)
      : installedIn[p.where.at % installedIn.length];
    return plan.push({ type: 'uninstallBundle', account, bundle });
  }),
);

export const createAccessTokenIntent = fc.record({ record: positionArb, where: whereArb, role: roleArb }).map((params) =>
  intent('createAccessToken', params, (plan, p, names) => {
    const record = recordAt(plan.world, p.record);
    if (!record) return undefined;
    const account = accountFor(plan, record, p.where);
    const user = plan.user(account, p.role);
    return plan.push({ type: 'createAccessToken', account, ...userField(user), record: record.ref, token: tokenName(names.tokens) });
  }),
);

/** The Issue Token endpoint, called from any account (Require Approval is set by its own commands). */
export const issueTokenIntent = fc.record({ record: positionArb, account: accountArb, role: roleArb }).map((params) =>
  intent('issueToken', params, (plan, p, names) => {
    const record = recordAt(plan.world, p.record);
    if (!record) return undefined;
    const account = plan.account(p.account);
    const user = plan.user(account, p.role);
    return plan.push({ type: 'issueToken', account, ...userField(user), record: record.ref, token: tokenName(names.tokens) });
  }),
);

// ---------------------------------------------------------------------------------------
// Account settings and sandbox refresh

export const setPreferenceIntent = fc
  .record({
    account: accountArb,
    preference: weighted<PreferenceName>([7, fc.constant('requireApproval')], [3, fc.constant('tokenBasedAuthentication')]),
    value: weighted([3, fc.constant(true)], [2, fc.constant(false)]),
  })
  .map((params) =>
    intent('setPreference', params, (plan, p) => {
      // The feature is switched back on more often than off, so token-based requests keep reaching the records.
      const value = p.preference === 'tokenBasedAuthentication' ? p.value || plan.world.accounts[p.account]?.preferences.tokenBasedAuthentication === false : p.value;
      return plan.push({ type: 'setPreference', account: plan.account(p.account), preference: p.preference, value });
    }),
  );

export const setDefaultRecordStateIntent = fc.record({ account: accountArb, state: fc.constantFrom<'enabled' | 'blocked'>('blocked', 'enabled') }).map((params) =>
  intent('setDefaultRecordState', params, (plan, p) => plan.push({ type: 'setDefaultRecordState', account: plan.account(p.account), state: p.state })),
);

export const refreshSandboxIntent = fc.record({ account: sandboxArb }).map((params) =>
  intent('refreshSandbox', params, (plan, p) => plan.push({ type: 'refreshSandbox', account: plan.account(p.account) })),
);

// ---------------------------------------------------------------------------------------
// Views, with users of every role

export const viewIntegrationsIntent = fc.record({ account: accountArb, role: roleArb }).map((params) =>
  intent('viewIntegrations', params, (plan, p) => {
    const account = plan.account(p.account);
    return plan.push({ type: 'viewIntegrations', account, ...userField(plan.user(account, p.role)) });
  }),
);

export const searchOperationsIntent = fc.record({ account: accountArb, role: roleArb }).map((params) =>
  intent('searchOperations', params, (plan, p) => {
    const account = plan.account(p.account);
    return plan.push({ type: 'searchOperations', account, ...userField(plan.user(account, p.role)) });
  }),
);

export const viewRecordIntent = fc.record({ record: positionArb, where: whereArb, role: roleArb, log: weighted([3, fc.constant(false)], [2, fc.constant(true)]) }).map((params) =>
  intent(params.log ? 'viewExecutionLog' : 'viewRecord', params, (plan, p) => {
    const record = recordAt(plan.world, p.record);
    if (!record) return undefined;
    const account = accountFor(plan, record, p.where);
    const user = plan.user(account, p.role);
    return plan.push({ type: p.log ? 'viewExecutionLog' : 'viewRecord', account, ...userField(user), record: record.ref });
  }),
);
