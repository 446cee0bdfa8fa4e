import { describe, expect, it } from 'vitest';
import type { Auth, Command, TbaAuth } from './commands';
import type { Outcome } from './outcomes';
import { parseCommand } from './parse';
import { redact } from './redact';
import { TIMESTAMP_WINDOW_SECONDS, type World } from './types';
import { apply, applyAll, createWorld } from './world';

/** Account IDs and passwords, ambiguous authentication (AUTH-03, FACT-09, FACT-10) and replay (FACT-11, FACT-12, ASM-17). */

function setup(seed = 7): World {
  const { world, outcomes } = applyAll(createWorld({ seed }), [
    { type: 'addAccount', account: 'Acme', kind: 'production' },
    { type: 'addSandbox', account: 'Acme SB', production: 'Acme' },
    { type: 'addSandbox', account: 'Acme SB2', production: 'Acme' },
    { type: 'addAccount', account: 'Partner', kind: 'partner' },
    { type: 'addUser', account: 'Acme', user: 'Lee', role: 'administrator' },
    { type: 'createRecord', account: 'Acme', record: 'App', authentication: { userCredentials: true, tokenBased: true } },
    { type: 'createAccessToken', account: 'Acme', record: 'App', token: 'T1' },
    { type: 'login', account: 'Acme', endpoint: '2019.1', operation: 'login', auth: { kind: 'passport', user: 'Lee', password: 'valid', applicationId: { of: 'App' } }, session: 'S1' },
  ]);
  const bad = outcomes.find((o) => o.kind !== 'accepted');
  if (bad) throw new Error(`fixture: ${JSON.stringify(bad)}`);
  return world;
}

const tba = (extra: Partial<TbaAuth> = {}): Auth => ({ kind: 'tba', consumerKey: { of: 'App' }, token: { handle: 'T1' }, signature: 'valid', ...extra });
const get = (auth: Auth, receivedAt?: number, channel: 'soap' | 'restlet' = 'soap'): Command => ({
  type: 'request',
  request: channel === 'soap'
    ? { channel, account: 'Acme', endpoint: '2021.1', operation: 'get', auth, ...(receivedAt !== undefined ? { receivedAt } : {}) }
    : { channel, account: 'Acme', method: 'GET', auth, ...(receivedAt !== undefined ? { receivedAt } : {}) },
});

function refusal(o: Outcome): { rule: string; code: string; message: string; detail?: string } {
  if (o.kind !== 'refused') throw new Error(`expected a refusal, got ${JSON.stringify(o)}`);
  return { rule: o.rule, code: o.fault.code, message: o.fault.message, ...(o.fault.detail ? { detail: o.fault.detail } : {}) };
}

describe('account IDs and passwords', () => {
  it('FACT-14: accounts get seven-digit IDs from the seed; sandboxes take their production\'s with _SB1, _SB2 in order', () => {
    const w = setup();
    const acme = w.accounts.Acme.accountId;
    expect(acme).toMatch(/^\d{7}$/);
    expect(w.accounts['Acme SB'].accountId).toBe(`${acme}_SB1`);
    expect(w.accounts['Acme SB2'].accountId).toBe(`${acme}_SB2`);
    expect(w.accounts.Partner.accountId).not.toBe(acme);
    expect(setup().accounts.Acme.accountId).toBe(acme);
    expect(setup(8).accounts.Acme.accountId).not.toBe(acme);
  });

  it('users get seeded passwords that redaction hides; generated keys are where they were before', () => {
    const w = setup();
    const lee = w.accounts.Acme.users.Lee.password;
    expect(lee).not.toBe(w.accounts.Acme.users.administrator.password);
    expect(setup().accounts.Acme.users.Lee.password).toBe(lee);
    expect(JSON.stringify(redact(w))).not.toContain(lee);
    // Passwords and account IDs draw nothing from the world's generator.
    const plain = applyAll(createWorld({ seed: 7 }), [
      { type: 'addAccount', account: 'X', kind: 'production' },
      { type: 'createRecord', account: 'X', record: 'App', authentication: { userCredentials: true, tokenBased: true } },
    ]).world;
    expect(plain.records.App.applicationId).toBe(setup().records.App.applicationId);
  });

  it('users sign in with an e-mail: the one given, or their name at their account, one per user of an account', () => {
    const { world: w, outcomes } = applyAll(createWorld({ seed: 7 }), [
      { type: 'addAccount', account: 'Acme Corp.', kind: 'production' },
      { type: 'addAccount', account: '***', kind: 'customer' },
      { type: 'addUser', account: 'Acme Corp.', user: 'Ann B', role: 'administrator' },
      { type: 'addUser', account: 'Acme Corp.', user: 'Lee', role: 'administrator', email: 'lee@acme.test' },
      { type: 'addUser', account: 'Acme Corp.', user: 'ann-b', role: 'administrator' },
    ]);
    expect(w.accounts['Acme Corp.'].users.administrator.email).toBe('administrator@acme-corp.example');
    expect(w.accounts['***'].users.administrator.email).toBe('administrator@account.example');
    expect(w.accounts['Acme Corp.'].users['Ann B'].email).toBe('ann-b@acme-corp.example');
    expect(w.accounts['Acme Corp.'].users.Lee.email).toBe('lee@acme.test');
    // A passport names its user by e-mail, so two users of one account cannot share one.
    expect(outcomes[4]).toMatchObject({ kind: 'invalid', at: 'email' });
  });
});

describe('ambiguous authentication', () => {
  it('AUTH-03 FACT-09 FACT-10: an Application ID, a Passport or an open session with TBA is "Ambiguous authentication", USER_ERROR', () => {
    const w = setup();
    expect(refusal(apply(w, get(tba({ applicationId: { of: 'App' } }))).outcome)).toMatchObject({ rule: 'AUTH-03', code: 'USER_ERROR', message: 'Ambiguous authentication' });
    expect(refusal(apply(w, get(tba({ alsoPassport: { user: 'Lee', password: 'invalid' } }))).outcome)).toMatchObject({ rule: 'FACT-09', code: 'USER_ERROR', message: 'Ambiguous authentication' });
    expect(refusal(apply(w, get(tba({ alsoSession: 'S1' }))).outcome)).toMatchObject({ rule: 'FACT-10', code: 'USER_ERROR', message: 'Ambiguous authentication' });
  });

  it('FACT-10: a closed session authenticates nothing, so TBA alone decides; an unknown one is malformed input', () => {
    const w = setup();
    const closed = { ...w, sessions: { ...w.sessions, S1: { ...w.sessions.S1, active: false } } };
    expect(apply(closed, get(tba({ alsoSession: 'S1' }))).outcome.kind).toBe('accepted');
    expect(apply(w, get(tba({ alsoSession: 'nope' }))).outcome).toMatchObject({ kind: 'invalid', at: 'auth.alsoSession' });
  });
});

describe('replay', () => {
  const t0 = 1_700_000_000;

  it('FACT-11: a nonce is accepted once per token; its reuse is an invalid login (NonceUsed on SOAP, nonce_used on RESTlets)', () => {
    const first = apply(setup(), get(tba({ nonce: 'abc123', timestamp: t0 }), t0));
    expect(first.outcome.kind).toBe('accepted');
    expect(first.world.tokens.T1.usedNonces.toArray()).toEqual([{ nonce: 'abc123', timestamp: t0 }]);
    const again = apply(first.world, get(tba({ nonce: 'abc123', timestamp: t0 + 1 }), t0 + 1));
    expect(refusal(again.outcome)).toEqual({ rule: 'FACT-11', code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt.', detail: 'NonceUsed' });
    expect(again.world).toBe(first.world);
    expect(refusal(apply(first.world, get(tba({ nonce: 'abc123', timestamp: t0 }), t0, 'restlet')).outcome).detail).toBe('nonce_used');
    expect(apply(first.world, get(tba({ nonce: 'other1', timestamp: t0 }), t0)).outcome.kind).toBe('accepted');
  });

  it('FACT-11 ASM-17: every nonce a token used inside the window stays used, not only the newest', () => {
    let w = setup();
    for (const [i, nonce] of ['a1', 'b2', 'c3'].entries()) w = apply(w, get(tba({ nonce, timestamp: t0 + i }), t0 + i)).world;
    for (const nonce of ['a1', 'b2', 'c3']) {
      expect(refusal(apply(w, get(tba({ nonce, timestamp: t0 + 10 }), t0 + 10)).outcome), nonce).toMatchObject({ rule: 'FACT-11', detail: 'NonceUsed' });
    }
  });

  it('FACT-12: a timestamp more than five minutes from the time received is InvalidTimestamp; exactly five minutes is accepted', () => {
    const w = setup();
    expect(refusal(apply(w, get(tba({ nonce: 'n1', timestamp: t0 - TIMESTAMP_WINDOW_SECONDS - 1 }), t0)).outcome)).toMatchObject({ rule: 'FACT-12', detail: 'InvalidTimestamp' });
    expect(refusal(apply(w, get(tba({ nonce: 'n1', timestamp: t0 + TIMESTAMP_WINDOW_SECONDS + 1 }), t0)).outcome).rule).toBe('FACT-12');
    expect(apply(w, get(tba({ nonce: 'n1', timestamp: t0 - TIMESTAMP_WINDOW_SECONDS }), t0)).outcome.kind).toBe('accepted');
  });

  it('ASM-17: a signature failure comes first, a refused request keeps no nonce, and only nonces inside the window are kept', () => {
    const w = setup();
    expect(refusal(apply(w, get(tba({ signature: 'invalid', nonce: 'n1', timestamp: 0 }), t0)).outcome).rule).toBe('AUTH-05');
    const blocked = apply(w, { type: 'editRecord', account: 'Acme', record: 'App', changes: { state: 'blocked' } }).world;
    const r = apply(blocked, get(tba({ nonce: 'n1', timestamp: t0 }), t0));
    expect(refusal(r.outcome).rule).toBe('STATE-01');
    expect(r.world.tokens.T1.usedNonces.toArray()).toEqual([]);
    let x = w;
    for (let i = 0; i < 50; i++) x = apply(x, get(tba({ nonce: `n${i}`, timestamp: t0 + i * 60 }), t0 + i * 60)).world;
    expect(x.tokens.T1.usedNonces.toArray().length).toBeLessThanOrEqual(TIMESTAMP_WINDOW_SECONDS / 60 + 1);
    expect(apply(w, get(tba({ nonce: 'n1' }), t0)).outcome).toMatchObject({ kind: 'invalid', at: 'auth.timestamp' });
  });

  it('the new fields parse, and are checked, in commands read from JSON', () => {
    const cmd = { type: 'request', request: { channel: 'restlet', account: 'Acme', method: 'GET', receivedAt: t0, auth: { kind: 'tba', consumerKey: { of: 'App' }, token: { handle: 'T1' }, signature: 'valid', nonce: 'x', timestamp: t0, alsoPassport: { user: 'Lee', password: 'valid' }, alsoSession: 'S1' } } };
    expect(parseCommand(cmd, 'c')).toEqual(cmd);
    expect(() => parseCommand({ ...cmd, request: { ...cmd.request, receivedAt: 'now' } }, 'c')).toThrow(/c\.request\.receivedAt/);
    expect(() => parseCommand({ ...cmd, request: { ...cmd.request, auth: { ...cmd.request.auth, alsoPassport: { user: 'Lee' } } } }, 'c')).toThrow(/c\.request\.auth\.alsoPassport\.password/);
  });

  it('Issue Token refuses a wrong password before anything else (AUTH-05)', () => {
    const w = setup();
    const o = apply(w, { type: 'issueToken', account: 'Acme', user: 'Lee', record: 'App', token: 'T2', password: 'invalid' });
    expect(refusal(o.outcome)).toMatchObject({ rule: 'AUTH-05', code: 'INVALID_LOGIN_ATTEMPT' });
    expect(o.world).toBe(w);
  });
});
