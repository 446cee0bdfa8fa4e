import fc from 'fast-check';
import { ENDPOINT_VERSIONS, endpointEra, isPresent, LOGIN_OPERATIONS, RESTLET_METHODS, stateIn, type Auth, type AuthenticationMethods, type Command, type EndpointVersion, type IntegrationRecord, type LoginOperation, type PreferenceName, type RecordChanges, type RestletMethod, type Role, type SoapOperation, type World } from '../model';
import { CAST_ACCOUNTS, CAST_USERS, Plan, RECORD_NAMES, SANDBOXES, UNKNOWN_APPLICATION_IDS } from './cast';

/**
 * Arbitraries for every model command. fast-check generates *intents*: a command's shape with
 * its targets given by position (the n-th record, the n-th token...). Each intent resolves
 * against the world it meets into concrete commands, adding the cast members it needs, so
 * it stays applicable when shrinking drops earlier steps, and targets things that exist.
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

/** A user of Partner only: with user credentials elsewhere it is a user of another account. */
export const OUTSIDE_USER = 'consultant';
export const OUTSIDE_USER_ACCOUNT = 'Partner';

export interface Intent {
  /** The generated parameters (fast-check prints this for a counterexample). */
  readonly label: string;
  /** The commands this step is in `world`; undefined when it does not apply there. */
  resolve(world: World, names: FreshNames): readonly Command[] | undefined;
}

function intent<P>(kind: string, params: P, resolve: (plan: Plan, params: P, names: FreshNames) => readonly Command[] | undefined): Intent {
  return {
    label: `${kind}${JSON.stringify(params)}`,
    resolve: (world, names) => resolve(new Plan(world), params, names),
  };
}

// ---------------------------------------------------------------------------------------
// Building blocks

/** fc.oneof over weighted arbitraries, shrinking across them. */
export function weighted<T>(...entries: readonly (readonly [number, fc.Arbitrary<T>])[]): fc.Arbitrary<T> {
  return fc.oneof({ withCrossShrink: true }, ...entries.map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

/** A position: which of the existing records, tokens, sessions or bundles. Shrinks to the first. */
export const positionArb = fc.nat({ max: 1023 });

export const accountArb: fc.Arbitrary<string> = fc.oneof(...CAST_ACCOUNTS.map((a) => ({ weight: a.weight, arbitrary: fc.constant(a.name) })));
export const sandboxArb: fc.Arbitrary<string> = weighted(...SANDBOXES.map((s, i) => [i === 0 ? 6 : 1, fc.constant(s.name)] as const));

/** Mostly administrators; every other role now and then. */
export const roleArb: fc.Arbitrary<Role> = weighted<Role>(
  [7, fc.constant('administrator')],
  [1, fc.constant('integrationList')],
  [1, fc.constant('integrationFull')],
  [1, fc.constant('noIntegrationAccess')],
);

const inEra = (era: 'legacy' | 'applicationId' | 'tokenOnly') => fc.constantFrom(...ENDPOINT_VERSIONS.filter((v) => endpointEra(v) === era));

/** The whole range, each era well represented: 2015.1 and earlier, 2015.2 to 2020.1, 2020.2 and later. */
export const endpointArb: fc.Arbitrary<EndpointVersion> = weighted([2, inEra('legacy')], [4, inEra('applicationId')], [4, inEra('tokenOnly')]);
/** Integrations mostly call the endpoints their authentication works on, and sometimes not. */
const userCredentialsEndpointArb: fc.Arbitrary<EndpointVersion> = weighted([2, inEra('legacy')], [6, inEra('applicationId')], [2, inEra('tokenOnly')]);
const tokenEndpointArb: fc.Arbitrary<EndpointVersion> = weighted([1, inEra('legacy')], [3, inEra('applicationId')], [6, inEra('tokenOnly')]);

export const methodsArb: fc.Arbitrary<AuthenticationMethods> = weighted<AuthenticationMethods>(
  [5, fc.constant({ userCredentials: true, tokenBased: true })],
  [2, fc.constant({ userCredentials: true, tokenBased: false })],
  [2, fc.constant({ userCredentials: false, tokenBased: true })],
  [1, fc.constant({ userCredentials: false, tokenBased: false })],
);

const soapOperationArb: fc.Arbitrary<SoapOperation> = weighted<SoapOperation>(
  [9, fc.constantFrom('get', 'search', 'add', 'update', 'delete', 'upsert')],
  [1, fc.constant('getDataCenterUrls')],
);
const restletMethodArb: fc.Arbitrary<RestletMethod> = fc.constantFrom(...RESTLET_METHODS);
const loginOperationArb: fc.Arbitrary<LoginOperation> = fc.constantFrom(...LOGIN_OPERATIONS);

const nameArb = fc.constantFrom('Order Sync v2', 'Renamed Integration', 'Nightly Import', 'Partner Connector');
const descriptionArb = fc.constantFrom('Syncs orders every night', 'Owned by the integration team', 'Pilot, do not use');
const noteArb = fc.constantFrom('paused for audit', 'approved by IT', 'contact the vendor first');

function absentOr<T>(presentWeight: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return weighted<T | undefined>([10 - presentWeight, fc.constant(undefined)], [presentWeight, arb]);
}

/** Edits of every field, State and Note most often; fields only the owner may change, and fields nobody may. */
export const changesArb: fc.Arbitrary<RecordChanges> = fc
  .record({
    state: absentOr(5, weighted<'enabled' | 'blocked' | 'waitingForApproval'>(
      [5, fc.constant('enabled')], [5, fc.constant('blocked')], [1, fc.constant('waitingForApproval')],
    )),
    note: absentOr(4, noteArb),
    name: absentOr(3, nameArb),
    description: absentOr(2, descriptionArb),
    authentication: absentOr(2, methodsArb),
    applicationId: absentOr(1, fc.constant('00000000-0000-0000-0000-000000000001')),
    consumerKey: absentOr(1, fc.constant('0123456789abcdef')),
    consumerSecret: absentOr(1, fc.constant('fedcba9876543210')),
  })
  .map((c) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c)) if (v !== undefined) out[k] = v;
    return (Object.keys(out).length === 0 ? { note: 'reviewed' } : out) as RecordChanges;
  });

/** Where an action on a record happens: the owner, an account holding it, or any account. */
export type Where = { readonly by: 'owner' } | { readonly by: 'holder'; readonly at: number } | { readonly by: 'account'; readonly account: string };
export const whereArb: fc.Arbitrary<Where> = weighted<Where>(
  [4, fc.constant({ by: 'owner' })],
  [4, positionArb.map((at) => ({ by: 'holder', at }))],
  [2, accountArb.map((account) => ({ by: 'account', account }))],
);

// ---------------------------------------------------------------------------------------
// Resolution helpers

function recordAt(world: World, at: number): IntegrationRecord | undefined {
  const refs = Object.keys(world.records);
  return refs.length === 0 ? undefined : world.records[refs[at % refs.length]];
}

function accountFor(plan: Plan, record: IntegrationRecord, where: Where): string {
  if (where.by === 'owner') return plan.account(record.owner);
  if (where.by === 'account') return plan.account(where.account);
  // Another account holding it (bundle, auto-installation, Issue Token, refresh), else the owner.
  const holders = Object.keys(plan.world.accounts).filter((a) => a !== record.owner && isPresent(stateIn(plan.world.accounts[a], record.ref)));
  return holders.length === 0 ? plan.account(record.owner) : holders[where.at % holders.length];
}

const userField = (user: string | undefined): { user?: string } => (user === undefined ? {} : { user });

// ---------------------------------------------------------------------------------------
// Accounts, users, records

const addAccountIntent = accountArb.map((account) =>
  intent('addAccount', { account }, (plan, p) => (plan.hasAccount(p.account) ? undefined : (plan.account(p.account), plan.commands))),
);

const addUserIntent = fc.record({ account: accountArb, role: roleArb.filter((r) => r !== 'administrator') }).map((params) =>
  intent('addUser', params, (plan, p) => {
    if (plan.hasAccount(p.account) && plan.hasUser(p.account, CAST_USERS[p.role])) return undefined;
    plan.user(p.account, p.role);
    return plan.commands;
  }),
);

const createRecordIntent = fc
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

const editRecordIntent = fc.record({ record: positionArb, where: whereArb, role: roleArb, changes: changesArb }).map((params) =>
  intent('editRecord', params, (plan, p) => {
    const record = recordAt(plan.world, p.record);
    if (!record) return undefined;
    const account = accountFor(plan, record, p.where);
    const user = plan.user(account, p.role);
    return plan.push({ type: 'editRecord', account, ...userField(user), record: record.ref, changes: p.changes });
  }),
);

/** An administrator answers a pending approval: Enable (mostly) or Block a record Waiting for Approval. */
const approveIntent = fc.record({ at: positionArb, decision: weighted<'enabled' | 'blocked'>([4, fc.constant('enabled')], [1, fc.constant('blocked')]), role: roleArb }).map((params) =>
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

const regenerateIntent = fc.record({ record: positionArb, where: whereArb, role: roleArb }).map((params) =>
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

const createBundleIntent = fc
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

function bundleAt(world: World, at: number): string | undefined {
  const names = Object.keys(world.bundles);
  return names.length === 0 ? undefined : names[at % names.length];
}

const installBundleIntent = fc.record({ bundle: positionArb, account: accountArb, ownAccount: weighted([9, fc.constant(false)], [1, fc.constant(true)]) }).map((params) =>
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

const uninstallBundleIntent = fc.record({ bundle: positionArb, where: weighted<{ readonly at: number } | { readonly account: string }>([9, positionArb.map((at) => ({ at }))], [1, accountArb.map((account) => ({ account }))]) }).map((params) =>
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

const createAccessTokenIntent = fc.record({ record: positionArb, where: whereArb, role: roleArb }).map((params) =>
  intent('createAccessToken', params, (plan, p, names) => {
    const record = recordAt(plan.world, p.record);
    if (!record) return undefined;
    const account = accountFor(plan, record, p.where);
    const user = plan.user(account, p.role);
    return plan.push({ type: 'createAccessToken', account, ...userField(user), record: record.ref, token: tokenName(names.tokens) });
  }),
);

/** The Issue Token endpoint, called from any account (Require Approval is set by its own commands). */
const issueTokenIntent = fc.record({ record: positionArb, account: accountArb, role: roleArb }).map((params) =>
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

const setPreferenceIntent = fc
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

const setDefaultRecordStateIntent = fc.record({ account: accountArb, state: fc.constantFrom<'enabled' | 'blocked'>('blocked', 'enabled') }).map((params) =>
  intent('setDefaultRecordState', params, (plan, p) => plan.push({ type: 'setDefaultRecordState', account: plan.account(p.account), state: p.state })),
);

const refreshSandboxIntent = fc.record({ account: sandboxArb }).map((params) =>
  intent('refreshSandbox', params, (plan, p) => plan.push({ type: 'refreshSandbox', account: plan.account(p.account) })),
);

// ---------------------------------------------------------------------------------------
// Views, with users of every role

const viewIntegrationsIntent = fc.record({ account: accountArb, role: roleArb }).map((params) =>
  intent('viewIntegrations', params, (plan, p) => {
    const account = plan.account(p.account);
    return plan.push({ type: 'viewIntegrations', account, ...userField(plan.user(account, p.role)) });
  }),
);

const searchOperationsIntent = fc.record({ account: accountArb, role: roleArb }).map((params) =>
  intent('searchOperations', params, (plan, p) => {
    const account = plan.account(p.account);
    return plan.push({ type: 'searchOperations', account, ...userField(plan.user(account, p.role)) });
  }),
);

const viewRecordIntent = fc.record({ record: positionArb, where: whereArb, role: roleArb, log: weighted([3, fc.constant(false)], [2, fc.constant(true)]) }).map((params) =>
  intent(params.log ? 'viewExecutionLog' : 'viewRecord', params, (plan, p) => {
    const record = recordAt(plan.world, p.record);
    if (!record) return undefined;
    const account = accountFor(plan, record, p.where);
    const user = plan.user(account, p.role);
    return plan.push({ type: p.log ? 'viewExecutionLog' : 'viewRecord', account, ...userField(user), record: record.ref });
  }),
);

// ---------------------------------------------------------------------------------------
// Requests and logins: every authentication form

type ApplicationIdPlan = { readonly by: 'record'; readonly at: number } | { readonly by: 'none' } | { readonly by: 'unknown'; readonly literal: string };
const applicationIdPlanArb: fc.Arbitrary<ApplicationIdPlan> = weighted<ApplicationIdPlan>(
  [7, positionArb.map((at) => ({ by: 'record', at }))],
  [2, fc.constant({ by: 'none' })],
  [1, fc.constantFrom(...UNKNOWN_APPLICATION_IDS).map((literal) => ({ by: 'unknown', literal }))],
);

type PassportPlan = {
  readonly kind: 'passport';
  readonly account: string;
  readonly user: 'administrator' | 'builder' | 'outside';
  readonly password: 'valid' | 'invalid';
  readonly applicationId: ApplicationIdPlan;
};
const passportPlanArb: fc.Arbitrary<PassportPlan> = fc.record({
  kind: fc.constant('passport' as const),
  account: accountArb,
  user: weighted<PassportPlan['user']>([8, fc.constant('administrator')], [1, fc.constant('builder')], [1, fc.constant('outside')]),
  password: weighted<'valid' | 'invalid'>([9, fc.constant('valid')], [1, fc.constant('invalid')]),
  applicationId: applicationIdPlanArb,
});

type TokenPlan =
  | { readonly by: 'token'; readonly at: number; readonly mismatch: 'none' | 'account' | 'record'; readonly other: number }
  | { readonly by: 'forged'; readonly record: number; readonly account: string };
type TbaPlan = {
  readonly kind: 'tba';
  readonly via: TokenPlan;
  readonly signature: 'valid' | 'invalid';
  readonly applicationId: boolean;
  readonly stale: boolean;
};
const tbaPlanArb: fc.Arbitrary<TbaPlan> = fc.record({
  kind: fc.constant('tba' as const),
  via: weighted<TokenPlan>(
    [17, fc.record({ by: fc.constant('token' as const), at: positionArb, mismatch: weighted<'none' | 'account' | 'record'>([16, fc.constant('none')], [1, fc.constant('account')], [1, fc.constant('record')]), other: positionArb })],
    [1, fc.record({ by: fc.constant('forged' as const), record: positionArb, account: accountArb })],
  ),
  signature: weighted<'valid' | 'invalid'>([9, fc.constant('valid')], [1, fc.constant('invalid')]),
  applicationId: weighted([9, fc.constant(false)], [1, fc.constant(true)]),
  stale: weighted([19, fc.constant(false)], [1, fc.constant(true)]),
});

type SessionPlan = { readonly kind: 'session'; readonly at: number; readonly elsewhere: string | null };
const sessionPlanArb: fc.Arbitrary<SessionPlan> = fc.record({
  kind: fc.constant('session' as const),
  at: positionArb,
  elsewhere: weighted<string | null>([9, fc.constant(null)], [1, accountArb]),
});

type NonePlan = { readonly kind: 'none'; readonly account: string };
const nonePlanArb: fc.Arbitrary<NonePlan> = fc.record({ kind: fc.constant('none' as const), account: accountArb });

/** The user and password of a user-credentials login from `account`. */
function passportUser(plan: Plan, account: string, p: PassportPlan): string {
  if (p.user === 'builder') return plan.user(account, 'integrationFull') ?? 'administrator';
  if (p.user === 'outside') {
    plan.account(OUTSIDE_USER_ACCOUNT);
    if (!plan.hasUser(OUTSIDE_USER_ACCOUNT, OUTSIDE_USER)) plan.commands.push({ type: 'addUser', account: OUTSIDE_USER_ACCOUNT, user: OUTSIDE_USER, role: 'integrationFull' });
    return OUTSIDE_USER;
  }
  return 'administrator';
}

function resolvePassport(plan: Plan, p: PassportPlan): { account: string; auth: Auth } | undefined {
  let applicationId: Extract<Auth, { kind: 'passport' }>['applicationId'];
  if (p.applicationId.by === 'record') {
    const record = recordAt(plan.world, p.applicationId.at);
    if (!record) return undefined;
    applicationId = { of: record.ref };
  } else if (p.applicationId.by === 'unknown') {
    applicationId = { literal: p.applicationId.literal };
  }
  const account = plan.account(p.account);
  const user = passportUser(plan, account, p);
  return { account, auth: { kind: 'passport', user, password: p.password, ...(applicationId ? { applicationId } : {}) } };
}

function resolveTba(plan: Plan, p: TbaPlan): { account: string; auth: Auth } | undefined {
  const world = plan.world;
  let record: IntegrationRecord | undefined;
  let account: string;
  let token: Extract<Auth, { kind: 'tba' }>['token'];
  if (p.via.by === 'token') {
    const handles = Object.keys(world.tokens);
    if (handles.length === 0) return undefined;
    const t = world.tokens[handles[p.via.at % handles.length]];
    token = { handle: t.handle };
    record = world.records[t.record];
    account = t.account;
    if (p.via.mismatch === 'record') record = recordAt(world, p.via.other) ?? record;
    if (p.via.mismatch === 'account') {
      const others = CAST_ACCOUNTS.filter((a) => a.name !== t.account);
      account = plan.account(others[p.via.other % others.length].name);
    }
  } else {
    record = recordAt(world, p.via.record);
    account = plan.account(p.via.account);
    token = { forged: true };
  }
  if (!record) return undefined;
  const stale = p.stale && record.previousConsumerKey !== undefined;
  return {
    account,
    auth: {
      kind: 'tba',
      consumerKey: stale ? { of: record.ref, stale: true } : { of: record.ref },
      token,
      signature: p.signature,
      ...(p.applicationId ? { applicationId: { of: record.ref } } : {}),
    },
  };
}

function resolveSession(plan: Plan, p: SessionPlan): { account: string; auth: Auth } | undefined {
  const handles = Object.keys(plan.world.sessions);
  if (handles.length === 0) return undefined;
  const session = plan.world.sessions[handles[p.at % handles.length]];
  return { account: p.elsewhere === null ? session.account : plan.account(p.elsewhere), auth: { kind: 'session', session: session.handle } };
}

type RequestPlan =
  | { readonly channel: 'soap'; readonly endpoint: EndpointVersion; readonly operation: SoapOperation; readonly auth: PassportPlan | TbaPlan | SessionPlan | NonePlan }
  | { readonly channel: 'restlet'; readonly method: RestletMethod; readonly auth: PassportPlan | TbaPlan | NonePlan };

const requestPlanArb: fc.Arbitrary<RequestPlan> = weighted<RequestPlan>(
  [8, weighted<PassportPlan | TbaPlan | SessionPlan | NonePlan>([6, passportPlanArb], [10, tbaPlanArb], [3, sessionPlanArb], [1, nonePlanArb]).chain((auth) =>
    fc.record({
      channel: fc.constant('soap' as const),
      endpoint: auth.kind === 'tba' ? tokenEndpointArb : auth.kind === 'none' ? endpointArb : userCredentialsEndpointArb,
      operation: soapOperationArb,
      auth: fc.constant(auth),
    }))],
  [2, fc.record({
    channel: fc.constant('restlet' as const),
    method: restletMethodArb,
    auth: weighted<PassportPlan | TbaPlan | NonePlan>([8, passportPlanArb], [12, tbaPlanArb], [1, nonePlanArb]),
  })],
);

function resolveAuth(plan: Plan, auth: PassportPlan | TbaPlan | SessionPlan | NonePlan): { account: string; auth: Auth } | undefined {
  switch (auth.kind) {
    case 'passport': return resolvePassport(plan, auth);
    case 'tba': return resolveTba(plan, auth);
    case 'session': return resolveSession(plan, auth);
    case 'none': return { account: plan.account(auth.account), auth: { kind: 'none' } };
  }
}

const requestIntent = requestPlanArb.map((params) =>
  intent('request', params, (plan, p) => {
    const resolved = resolveAuth(plan, p.auth);
    if (!resolved) return undefined;
    const { account, auth } = resolved;
    return plan.push({
      type: 'request',
      request: p.channel === 'soap'
        ? { channel: 'soap', account, endpoint: p.endpoint, operation: p.operation, auth }
        : { channel: 'restlet', account, method: p.method, auth },
    });
  }),
);

const loginIntent = fc
  .record({
    endpoint: userCredentialsEndpointArb,
    operation: loginOperationArb,
    auth: weighted<PassportPlan | TbaPlan | NonePlan>([17, passportPlanArb], [2, tbaPlanArb], [1, nonePlanArb]),
  })
  .map((params) =>
    intent('login', params, (plan, p, names) => {
      const resolved = resolveAuth(plan, p.auth);
      if (!resolved) return undefined;
      return plan.push({ type: 'login', account: resolved.account, endpoint: p.endpoint, operation: p.operation, auth: resolved.auth, session: sessionName(names.sessions) });
    }),
  );

// ---------------------------------------------------------------------------------------
// The mix

/** Relative weights of the command kinds in a generated sequence. */
export const DEFAULT_MIX = {
  request: 30, login: 4, createRecord: 7, editRecord: 10, approve: 3, regenerateCredentials: 2, createBundle: 3, installBundle: 5, uninstallBundle: 3,
  createAccessToken: 5, issueToken: 5, setPreference: 5, setDefaultRecordState: 1, refreshSandbox: 4, viewIntegrations: 2,
  viewRecord: 4, searchOperations: 2, addAccount: 1, addUser: 1,
} as const satisfies Record<string, number>;
export type IntentKind = keyof typeof DEFAULT_MIX;
export type Mix = Readonly<Record<IntentKind, number>>;

export const INTENT_ARBITRARIES: Readonly<Record<IntentKind, fc.Arbitrary<Intent>>> = {
  request: requestIntent,
  login: loginIntent,
  createRecord: createRecordIntent,
  editRecord: editRecordIntent,
  approve: approveIntent,
  regenerateCredentials: regenerateIntent,
  createBundle: createBundleIntent,
  installBundle: installBundleIntent,
  uninstallBundle: uninstallBundleIntent,
  createAccessToken: createAccessTokenIntent,
  issueToken: issueTokenIntent,
  setPreference: setPreferenceIntent,
  setDefaultRecordState: setDefaultRecordStateIntent,
  refreshSandbox: refreshSandboxIntent,
  viewIntegrations: viewIntegrationsIntent,
  viewRecord: viewRecordIntent,
  searchOperations: searchOperationsIntent,
  addAccount: addAccountIntent,
  addUser: addUserIntent,
};

/** One generated step, kinds weighted by `mix`. */
export function intentArb(mix: Mix = DEFAULT_MIX): fc.Arbitrary<Intent> {
  const entries = (Object.keys(mix) as IntentKind[]).filter((k) => mix[k] > 0).map((k) => [mix[k], INTENT_ARBITRARIES[k]] as const);
  return weighted(...entries);
}
