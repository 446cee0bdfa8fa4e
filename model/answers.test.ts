import { describe, expect, it } from 'vitest';
import { apply, applyAll, createWorld, type Auth, type Command, type World } from './index';

/**
 * What a request, a login or a logout is answered, by cause: the rule that refused it, the
 * fault code and the Login Audit Trail detail NetSuite shows (FACT-13) or the model names
 * where no source shows one (ASM-18), and the command the answer belongs to (ASM-20).
 */

const BOTH = { userCredentials: true, tokenBased: true } as const;
const passport = (user = 'administrator', record?: string): Auth => ({ kind: 'passport', user, password: 'valid', ...(record ? { applicationId: { of: record } } : {}) });
const tba = (record: string, token: string, extra: Partial<Extract<Auth, { kind: 'tba' }>> = {}): Auth => ({ kind: 'tba', consumerKey: { of: record }, token: { handle: token }, signature: 'valid', ...extra });
const soap = (auth: Auth, endpoint: '2014.2' | '2019.1' | '2021.1' = '2019.1', account = 'Acme'): Command => ({ type: 'request', request: { channel: 'soap', account, endpoint, operation: 'get', auth } });
const restlet = (auth: Auth): Command => ({ type: 'request', request: { channel: 'restlet', account: 'Acme', method: 'GET', auth } });

function world(): World {
  const { world: w, outcomes } = applyAll(createWorld({ seed: 7 }), [
    { type: 'addAccount', account: 'Acme', kind: 'production' },
    { type: 'addAccount', account: 'Partner', kind: 'partner' },
    { type: 'createRecord', account: 'Acme', record: 'App', authentication: BOTH },
    { type: 'createRecord', account: 'Acme', record: 'UserOnly', authentication: { userCredentials: true, tokenBased: false } },
    { type: 'createRecord', account: 'Acme', record: 'TokenOnly', authentication: { userCredentials: false, tokenBased: true } },
    { type: 'createRecord', account: 'Partner', record: 'Shared', authentication: BOTH },
    { type: 'setPreference', account: 'Acme', preference: 'requireApproval', value: true },
    { type: 'createAccessToken', account: 'Acme', record: 'App', token: 'T1' },
    { type: 'login', account: 'Partner', endpoint: '2019.1', operation: 'login', session: 'P1', auth: passport('administrator', 'Shared') },
  ]);
  expect(outcomes.filter((o) => o.kind !== 'accepted')).toEqual([]);
  return w;
}

/** [cause, set-up commands, the command, its rule, code, detail] */
type Row = [string, readonly Command[], Command, string, string, string | undefined];
const ROWS: readonly Row[] = [
  ['no authentication', [], soap({ kind: 'none' }), 'AUTH-06', 'USER_ERROR', undefined],
  ['no authentication at login', [], { type: 'login', account: 'Acme', endpoint: '2019.1', operation: 'login', session: 'S1', auth: { kind: 'none' } }, 'AUTH-06', 'USER_ERROR', undefined],
  ['login with a token', [], { type: 'login', account: 'Acme', endpoint: '2019.1', operation: 'login', session: 'S1', auth: tba('App', 'T1') }, 'FACT-07', 'USER_ERROR', undefined],
  ['a token on 2015.1 or earlier', [], soap(tba('App', 'T1'), '2014.2'), 'AUTH-04', 'USER_ERROR', undefined],
  ['user credentials on 2020.2 or later', [], soap(passport('administrator', 'App'), '2021.1'), 'AUTH-07', 'USER_ERROR', undefined],
  ['user credentials without an Application ID on 2015.2 or later', [], soap(passport()), 'AUTH-05', 'INVALID_APP_ID', undefined],
  ['a wrong password', [], soap({ kind: 'passport', user: 'administrator', password: 'invalid', applicationId: { of: 'App' } }), 'AUTH-05', 'INVALID_LOGIN_CREDENTIALS', undefined],
  ['a wrong password on a RESTlet', [], restlet({ kind: 'passport', user: 'administrator', password: 'invalid' }), 'AUTH-05', 'INVALID_LOGIN_CREDENTIALS', undefined],
  ['a token for a record that permits only user credentials', [{ type: 'createAccessToken', account: 'Acme', record: 'UserOnly', token: 'TU' }], soap(tba('UserOnly', 'TU'), '2021.1'), 'AUTH-01', 'INVALID_LOGIN_ATTEMPT', 'method_not_permitted'],
  ['user credentials for a record that permits only tokens', [], soap(passport('administrator', 'TokenOnly')), 'AUTH-01', 'INVALID_LOGIN_ATTEMPT', 'method_not_permitted'],
  ['a record Waiting for Approval', [], soap(passport('administrator', 'Shared')), 'STATE-02', 'INVALID_LOGIN_ATTEMPT', 'waiting_for_approval'],
  ['a record Blocked', [{ type: 'editRecord', account: 'Acme', record: 'App', changes: { state: 'blocked' } }], soap(passport('administrator', 'App')), 'STATE-01', 'INVALID_LOGIN_ATTEMPT', 'integration_blocked'],
  ['a blocked Default record', [{ type: 'setDefaultRecordState', account: 'Acme', state: 'blocked' }], soap(passport(), '2014.2'), 'FACT-06', 'INVALID_LOGIN_ATTEMPT', 'default_integration_blocked'],
  ['a session of another account', [], soap({ kind: 'session', session: 'P1' }), 'ASM-16', 'INVALID_SESSION', undefined],
  ['a logout on 2020.2 or later', [], { type: 'logout', account: 'Partner', endpoint: '2021.1', session: 'P1' }, 'AUTH-07', 'USER_ERROR', undefined],
  ['a logout of another account\'s session', [], { type: 'logout', account: 'Acme', endpoint: '2019.1', session: 'P1' }, 'ASM-16', 'INVALID_SESSION', undefined],
  ['Issue Token for a record Waiting for Approval', [soap(passport('administrator', 'Shared'))], { type: 'issueToken', account: 'Acme', record: 'Shared', token: 'TW' }, 'STATE-02', 'INVALID_LOGIN_ATTEMPT', 'waiting_for_approval'],
  ['Issue Token for a record Blocked', [{ type: 'editRecord', account: 'Acme', record: 'App', changes: { state: 'blocked' } }], { type: 'issueToken', account: 'Acme', record: 'App', token: 'TB' }, 'STATE-01', 'INVALID_LOGIN_ATTEMPT', 'consumer_key_refused'],
  ['Issue Token with a wrong password', [], { type: 'issueToken', account: 'Acme', record: 'App', token: 'TP', password: 'invalid' }, 'AUTH-05', 'INVALID_LOGIN_ATTEMPT', undefined],
  ['Issue Token for a record that permits only user credentials', [], { type: 'issueToken', account: 'Acme', record: 'UserOnly', token: 'TU' }, 'AUTH-01', 'INVALID_LOGIN_ATTEMPT', 'method_not_permitted'],
  ['an edit leaving no authentication method', [], { type: 'editRecord', account: 'Acme', record: 'App', changes: { authentication: { userCredentials: false, tokenBased: false } } }, 'REC-06', 'INVALID_FLD_VALUE', undefined],
];

describe('FACT-13 ASM-18 ASM-20: each refusal of a request, login, logout, Issue Token call or edit carries its rule, code and Login Audit Trail detail', () => {
  it.each(ROWS)('%s', (_cause, setup, command, rule, code, detail) => {
    const before = applyAll(world(), setup).world;
    const { world: after, outcome } = apply(before, command);
    expect(outcome).toMatchObject({ kind: 'refused', command: command.type, rule, fault: { code } });
    if (outcome.kind !== 'refused') return;
    expect(outcome.fault.detail).toBe(detail);
    // An invalid login reads as NetSuite writes it (FACT-13).
    if (code === 'INVALID_LOGIN_ATTEMPT') expect(outcome.fault.message).toBe('Invalid login attempt.');
    // A refusal changes nothing, except the auto-installation it made, left Waiting for Approval (ASM-08).
    if (outcome.transitions.length > 0) expect(after.accounts.Acme.installations.Shared?.state).toBe('waitingForApproval');
    else expect(after).toBe(before);
  });
});

describe('what accepted requests say (LOG-01, FACT-12, ASM-20)', () => {
  it('LOG-01: log entries are numbered in the order requests were accepted, across records and logs', () => {
    let w = world();
    const id = { kind: 'passport', user: 'administrator', password: 'valid' } as const;
    for (const record of ['App', 'UserOnly', 'App']) w = apply(w, soap({ ...id, applicationId: { of: record } })).world;
    const seqs = [...w.accounts.Acme.usageLog.toArray()].map((e) => e.seq);
    expect(seqs).toHaveLength(3);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(3);
    expect(w.accounts.Acme.installations.App.log.toArray().map((e) => e.seq)).toEqual([seqs[0], seqs[2]]);
  });

  it('FACT-12 ASM-20: a token-based request with a timestamp and no nonce has its window checked, and cites the replay rules', () => {
    const t0 = 1_700_000_000;
    const w = world();
    const ok = apply(w, soap(tba('App', 'T1', { timestamp: t0 }), '2021.1')).outcome;
    expect(ok.kind).toBe('accepted');
    expect(ok.kind === 'accepted' && ok.rules).toEqual(expect.arrayContaining(['FACT-11', 'FACT-12', 'ASM-17']));
    const late: Command = { type: 'request', request: { channel: 'soap', account: 'Acme', endpoint: '2021.1', operation: 'get', auth: tba('App', 'T1', { timestamp: t0 - 301 }), receivedAt: t0 } };
    expect(apply(w, late).outcome).toMatchObject({ kind: 'refused', rule: 'FACT-12', fault: { detail: 'InvalidTimestamp' } });
  });
});
