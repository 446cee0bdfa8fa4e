import { describe, expect, it } from 'vitest';
import { apply, applyAll, createWorld, type Command } from './index';

/** logout (ASM-19): closes the session it is sent in; a closed session authenticates nothing. */

const SETUP: readonly Command[] = [
  { type: 'addAccount', account: 'Acme', kind: 'production' },
  { type: 'addAccount', account: 'Other', kind: 'customer' },
  { type: 'createRecord', account: 'Acme', record: 'App', authentication: { userCredentials: true, tokenBased: true } },
  { type: 'login', account: 'Acme', endpoint: '2019.1', operation: 'login', auth: { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { of: 'App' } }, session: 'S1' },
];
const inSession: Command = { type: 'request', request: { channel: 'soap', account: 'Acme', endpoint: '2019.1', operation: 'get', auth: { kind: 'session', session: 'S1' } } };

describe('logout (ASM-19)', () => {
  // Built inside each test, never at collection, so mutation testing sees which test reaches which code.
  const start = () => applyAll(createWorld({ seed: 3 }), SETUP).world;

  it('closes an open session: requests in it are then refused by ASM-16', () => {
    const out = apply(start(), { type: 'logout', account: 'Acme', endpoint: '2019.1', session: 'S1' });
    expect(out.outcome).toMatchObject({ kind: 'accepted', command: 'logout', rules: ['AUTH-05', 'ASM-19'] });
    expect(out.world.sessions.S1.active).toBe(false);
    expect(apply(out.world, inSession).outcome).toMatchObject({ kind: 'refused', rule: 'ASM-16', fault: { code: 'INVALID_SESSION' } });
    expect(apply(start(), inSession).outcome.kind).toBe('accepted');
  });

  it('a second logout changes nothing and still succeeds', () => {
    const once = apply(start(), { type: 'logout', account: 'Acme', endpoint: '2019.1', session: 'S1' }).world;
    const twice = apply(once, { type: 'logout', account: 'Acme', endpoint: '2019.1', session: 'S1' });
    expect(twice.outcome.kind).toBe('accepted');
    expect(twice.world).toBe(once);
  });

  it('AUTH-07 fault switch: with the deliberate fault on, a logout on 2020.2 and later closes the session', () => {
    const w = applyAll(createWorld({ seed: 3, faults: ['AUTH-07'] }), SETUP).world;
    const out = apply(w, { type: 'logout', account: 'Acme', endpoint: '2021.1', session: 'S1' });
    expect(out.outcome.kind).toBe('accepted');
    expect(out.world.sessions.S1.active).toBe(false);
  });

  it('is refused on 2020.2 and later (AUTH-07) and in another account (ASM-16); an unknown session is invalid input', () => {
    expect(apply(start(), { type: 'logout', account: 'Acme', endpoint: '2021.1', session: 'S1' }).outcome).toMatchObject({ kind: 'refused', rule: 'AUTH-07' });
    expect(apply(start(), { type: 'logout', account: 'Other', endpoint: '2019.1', session: 'S1' }).outcome).toMatchObject({ kind: 'refused', rule: 'ASM-16' });
    expect(apply(start(), { type: 'logout', account: 'Acme', endpoint: '2019.1', session: 'nope' }).outcome).toMatchObject({ kind: 'invalid', at: 'session' });
  });
});
