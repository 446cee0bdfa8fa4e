import fc from 'fast-check';
import type { Auth, EndpointVersion, IntegrationRecord, RestletMethod, SoapOperation, TbaAuth } from '../../model';
import { CAST_ACCOUNTS, Plan, UNKNOWN_APPLICATION_IDS } from '../cast';
import { intent, recordAt, sessionName } from './intent';
import { accountArb, endpointArb, loginOperationArb, positionArb, restletMethodArb, soapOperationArb, tokenEndpointArb, userCredentialsEndpointArb, weighted } from './values';

/** Requests and logins: every authentication form, planned by position and resolved against the world. */

/** A user of Partner only: with user credentials elsewhere it is a user of another account. */
const OUTSIDE_USER = 'consultant';
const OUTSIDE_USER_ACCOUNT = 'Partner';

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
/** What else a token-based request carries: a Passport or a session (FACT-09, FACT-10), a nonce from a small pool (FACT-11), a timestamp ten minutes old (FACT-12). */
type TbaExtra = 'none' | 'passport' | 'session' | 'nonce' | 'late';
type TbaPlan = {
  readonly kind: 'tba';
  readonly via: TokenPlan;
  readonly signature: 'valid' | 'invalid';
  readonly applicationId: boolean;
  readonly stale: boolean;
  readonly extra: TbaExtra;
  readonly nonce: number;
};
/** The clock of generated requests (2026-01-01); a nonce pool of three makes reuse likely. */
const NOW = 1_767_225_600;
const tbaPlanArb: fc.Arbitrary<TbaPlan> = fc.record({
  kind: fc.constant('tba' as const),
  via: weighted<TokenPlan>(
    [17, fc.record({ by: fc.constant('token' as const), at: positionArb, mismatch: weighted<'none' | 'account' | 'record'>([16, fc.constant('none')], [1, fc.constant('account')], [1, fc.constant('record')]), other: positionArb })],
    [1, fc.record({ by: fc.constant('forged' as const), record: positionArb, account: accountArb })],
  ),
  signature: weighted<'valid' | 'invalid'>([9, fc.constant('valid')], [1, fc.constant('invalid')]),
  applicationId: weighted([9, fc.constant(false)], [1, fc.constant(true)]),
  stale: weighted([19, fc.constant(false)], [1, fc.constant(true)]),
  extra: weighted<TbaExtra>([12, fc.constant('none')], [1, fc.constant('passport')], [1, fc.constant('session')], [3, fc.constant('nonce')], [1, fc.constant('late')]),
  nonce: fc.integer({ min: 0, max: 2 }),
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

type Resolved = { account: string; auth: Auth; receivedAt?: number };

function extraOf(plan: Plan, p: TbaPlan): Partial<TbaAuth> & { receivedAt?: number } {
  switch (p.extra) {
    case 'none': return {};
    case 'passport': return { alsoPassport: { user: 'administrator', password: 'valid' } };
    case 'session': {
      const handles = Object.keys(plan.world.sessions);
      return handles.length === 0 ? {} : { alsoSession: handles[p.nonce % handles.length] };
    }
    case 'nonce': return { nonce: `nonce ${p.nonce + 1}`, timestamp: NOW, receivedAt: NOW + 1 };
    case 'late': return { nonce: `late ${p.nonce + 1}`, timestamp: NOW - 600, receivedAt: NOW };
  }
}

function resolveTba(plan: Plan, p: TbaPlan): Resolved | undefined {
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
  const { receivedAt, ...extra } = extraOf(plan, p);
  return {
    account,
    auth: {
      kind: 'tba',
      consumerKey: stale ? { of: record.ref, stale: true } : { of: record.ref },
      token,
      signature: p.signature,
      ...(p.applicationId ? { applicationId: { of: record.ref } } : {}),
      ...extra,
    },
    ...(receivedAt !== undefined ? { receivedAt } : {}),
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

function resolveAuth(plan: Plan, auth: PassportPlan | TbaPlan | SessionPlan | NonePlan): Resolved | undefined {
  switch (auth.kind) {
    case 'passport': return resolvePassport(plan, auth);
    case 'tba': return resolveTba(plan, auth);
    case 'session': return resolveSession(plan, auth);
    case 'none': return { account: plan.account(auth.account), auth: { kind: 'none' } };
  }
}

export const requestIntent = requestPlanArb.map((params) =>
  intent('request', params, (plan, p) => {
    const resolved = resolveAuth(plan, p.auth);
    if (!resolved) return undefined;
    const { account, auth } = resolved;
    const at = resolved.receivedAt !== undefined ? { receivedAt: resolved.receivedAt } : {};
    return plan.push({
      type: 'request',
      request: p.channel === 'soap'
        ? { channel: 'soap', account, endpoint: p.endpoint, operation: p.operation, auth, ...at }
        : { channel: 'restlet', account, method: p.method, auth, ...at },
    });
  }),
);

export const loginIntent = fc
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

/** A logout of a session by position, in its own account or (a mistake) another (ASM-19, ASM-16). */
export const logoutIntent = fc
  .record({ at: positionArb, endpoint: endpointArb, elsewhere: weighted<string | null>([6, fc.constant(null)], [1, accountArb]) })
  .map((params) =>
    intent('logout', params, (plan, p) => {
      const handles = Object.keys(plan.world.sessions);
      if (handles.length === 0) return undefined;
      const session = plan.world.sessions[handles[p.at % handles.length]];
      return plan.push({ type: 'logout', account: p.elsewhere === null ? session.account : plan.account(p.elsewhere), endpoint: p.endpoint, session: session.handle });
    }),
  );
