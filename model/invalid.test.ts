import { describe, expect, it } from 'vitest';
import { apply, applyAll, createWorld, type Auth, type Command, type World } from './index';

/**
 * ASM-06: a command the world cannot read is not a domain answer. It comes back as an invalid
 * outcome naming where in the command the problem is and what would be accepted there, and the
 * world is the same value as before. One row per check the model makes of its input.
 */

const BOTH = { userCredentials: true, tokenBased: true } as const;
const tba = (extra: Partial<Extract<Auth, { kind: 'tba' }>> = {}): Auth => ({ kind: 'tba', consumerKey: { of: 'App' }, token: { handle: 'T1' }, signature: 'valid', ...extra });
const passport = (user = 'administrator'): Auth => ({ kind: 'passport', user, password: 'valid', applicationId: { of: 'App' } });
const soap = (auth: Auth): Command => ({ type: 'request', request: { channel: 'soap', account: 'Partner', endpoint: '2019.1', operation: 'get', auth } });

function world(): World {
  const { world: w, outcomes } = applyAll(createWorld({ seed: 7 }), [
    { type: 'addAccount', account: 'Acme', kind: 'production' },
    { type: 'addSandbox', account: 'Acme SB', production: 'Acme' },
    { type: 'addAccount', account: 'Partner', kind: 'partner' },
    { type: 'addAccount', account: 'Customer', kind: 'customer' },
    { type: 'createRecord', account: 'Partner', record: 'App', authentication: BOTH },
    { type: 'createBundle', account: 'Partner', bundle: 'Conn', records: ['App'] },
    { type: 'createAccessToken', account: 'Partner', record: 'App', token: 'T1' },
    { type: 'login', account: 'Partner', endpoint: '2019.1', operation: 'login', session: 'S1', auth: passport() },
  ]);
  expect(outcomes.filter((o) => o.kind !== 'accepted')).toEqual([]);
  return w;
}

/** [what is wrong, the command, where the outcome says it is, words of the problem] */
const ROWS: readonly [string, Command, string, string][] = [
  ['an unknown account', { type: 'addUser', account: 'Nowhere', user: 'eve', role: 'administrator' }, 'account', 'unknown account'],
  ['an unknown user', { type: 'createRecord', account: 'Partner', user: 'nobody', record: 'New', authentication: BOTH }, 'user', 'not a user of account'],
  ['an unknown record', { type: 'viewRecord', account: 'Partner', record: 'Nope' }, 'record', 'unknown record'],
  ['an account name taken', { type: 'addAccount', account: 'Partner', kind: 'customer' }, 'account', 'already exists'],
  ['a sandbox added as an account', { type: 'addAccount', account: 'New', kind: 'sandbox' as 'customer' }, 'kind', 'unknown account kind'],
  ['an unknown account kind', { type: 'addAccount', account: 'New', kind: 'galaxy' as 'customer' }, 'kind', 'unknown account kind'],
  ['an unknown production account', { type: 'addSandbox', account: 'New SB', production: 'Nowhere' }, 'production', 'unknown account'],
  ['a sandbox name taken', { type: 'addSandbox', account: 'Partner', production: 'Acme' }, 'account', 'already exists'],
  ['a sandbox of a partner account', { type: 'addSandbox', account: 'New SB', production: 'Partner' }, 'production', 'is a partner account'],
  ['a user name taken', { type: 'addUser', account: 'Partner', user: 'administrator', role: 'administrator' }, 'user', 'already a user'],
  ['an unknown role', { type: 'addUser', account: 'Partner', user: 'eve', role: 'root' as 'administrator' }, 'role', 'unknown role'],
  ['an unknown preference', { type: 'setPreference', account: 'Partner', preference: 'x' as 'requireApproval', value: true }, 'preference', 'unknown preference'],
  ['a Default record State that is not Enabled or Blocked', { type: 'setDefaultRecordState', account: 'Partner', state: 'waitingForApproval' as 'blocked' }, 'state', 'not a State of the Default record'],
  ['a record name taken', { type: 'createRecord', account: 'Partner', record: 'App', authentication: BOTH }, 'record', 'already exists'],
  ['an edit changing nothing', { type: 'editRecord', account: 'Partner', record: 'App', changes: {} }, 'changes', 'no field to change'],
  ['a bundle name taken', { type: 'createBundle', account: 'Partner', bundle: 'Conn', records: ['App'] }, 'bundle', 'already exists'],
  ['an empty bundle', { type: 'createBundle', account: 'Partner', bundle: 'Empty', records: [] }, 'records', 'at least one record'],
  ['a bundle of an unknown record', { type: 'createBundle', account: 'Partner', bundle: 'New', records: ['App', 'Nope'] }, 'records[1]', 'Nope'],
  ['an unknown bundle installed', { type: 'installBundle', account: 'Customer', bundle: 'Nope' }, 'bundle', 'unknown bundle'],
  ['an unknown bundle uninstalled', { type: 'uninstallBundle', account: 'Customer', bundle: 'Nope' }, 'bundle', 'unknown bundle'],
  ['a token handle taken', { type: 'createAccessToken', account: 'Partner', record: 'App', token: 'T1' }, 'token', 'already exists'],
  ['a token handle taken by Issue Token', { type: 'issueToken', account: 'Customer', record: 'App', token: 'T1' }, 'token', 'already exists'],
  ['a refresh of a production account', { type: 'refreshSandbox', account: 'Acme' }, 'account', 'not a sandbox'],
  ['a stale consumer key never regenerated', soap(tba({ consumerKey: { of: 'App', stale: true } })), 'auth.consumerKey.stale', 'never had its credentials regenerated'],
  ['a nonce without its timestamp', soap(tba({ nonce: 'n1' })), 'auth.timestamp', 'a nonce without its timestamp'],
  ['a user no account has', soap(passport('nobody')), 'auth.user', 'no account has a user'],
  ['an unknown session', soap({ kind: 'session', session: 'S9' }), 'auth.session', 'unknown session'],
  ['an unknown session beside a token', soap(tba({ alsoSession: 'S9' })), 'auth.alsoSession', 'unknown session'],
  ['a session on a RESTlet', { type: 'request', request: { channel: 'restlet', account: 'Partner', method: 'GET', auth: { kind: 'session', session: 'S1' } } }, 'request.auth', 'RESTlets take no SOAP session'],
  ['a login into a session already open', { type: 'login', account: 'Partner', endpoint: '2019.1', operation: 'login', session: 'S1', auth: passport() }, 'session', 'already open'],
  ['a login with a session', { type: 'login', account: 'Partner', endpoint: '2019.1', operation: 'login', session: 'S2', auth: { kind: 'session', session: 'S1' } }, 'auth', 'login takes user credentials'],
  ['a logout of an unknown session', { type: 'logout', account: 'Partner', endpoint: '2019.1', session: 'S9' }, 'session', 'unknown session'],
  ['a consumer key of an unknown record', soap(tba({ consumerKey: { of: 'Nope' } })), 'auth.consumerKey.of', 'unknown record'],
  ['an Application ID of an unknown record', soap({ kind: 'passport', user: 'administrator', password: 'valid', applicationId: { of: 'Nope' } }), 'auth.applicationId.of', 'unknown record'],
  ['a malformed Application ID', soap({ kind: 'passport', user: 'administrator', password: 'valid', applicationId: { literal: 'not-an-id' } }), 'auth.applicationId', 'malformed Application ID'],
  ['a request on an endpoint version that does not exist', { type: 'request', request: { channel: 'soap', account: 'Partner', endpoint: '2013.1' as '2019.1', operation: 'get', auth: passport() } }, 'request.endpoint', 'does not exist'],
  ['a login on an endpoint version that does not exist', { type: 'login', account: 'Partner', endpoint: '2013.1' as '2019.1', operation: 'login', session: 'S2', auth: passport() }, 'endpoint', 'does not exist'],
  ['a logout on an endpoint version that does not exist', { type: 'logout', account: 'Partner', endpoint: '2013.1' as '2019.1', session: 'S1' }, 'endpoint', 'does not exist'],
];

// Worlds are built inside each test, never at collection, so mutation testing sees which test reaches which code.
describe('ASM-06: input the world cannot read is invalid, names where and what is allowed, and changes nothing', () => {
  it.each(ROWS)('%s', (_what, command, at, problem) => {
    const w = world();
    const { world: after, outcome } = apply(w, command);
    expect(outcome).toMatchObject({ kind: 'invalid', at });
    if (outcome.kind !== 'invalid') return;
    expect(outcome.problem).toContain(problem);
    expect(outcome.allowed.length).toBeGreaterThan(0);
    expect(after).toBe(w);
  });

  it('the same commands, made valid, are domain answers', () => {
    const w = world();
    const valid: Command[] = [
      { type: 'addAccount', account: 'New', kind: 'customer' },
      { type: 'createBundle', account: 'Partner', bundle: 'New', records: ['App'] },
      { type: 'createAccessToken', account: 'Partner', record: 'App', token: 'T2' },
      soap(tba({ nonce: 'n1', timestamp: 1_700_000_000 })),
      { type: 'logout', account: 'Partner', endpoint: '2019.1', session: 'S1' },
    ];
    for (const c of valid) expect(apply(w, c).outcome.kind, c.type).not.toBe('invalid');
  });
});
