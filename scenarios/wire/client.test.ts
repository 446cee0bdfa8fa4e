import { describe, expect, it } from 'vitest';
import { applyAll, createWorld, DEFAULT_USER } from '../../model';
import { unsayable } from './client';

/** What the wire cannot say: a session names its own account, so neither a request nor a logout can name another. */

const world = applyAll(createWorld({ seed: 9 }), [
  { type: 'addAccount', account: 'Acme', kind: 'production' },
  { type: 'addSandbox', account: 'Acme SB', production: 'Acme' },
  { type: 'login', account: 'Acme SB', endpoint: '2014.2', operation: 'login', auth: { kind: 'passport', user: DEFAULT_USER, password: 'valid' }, session: 'S1' },
]).world;

describe('unsayable', () => {
  it('a logout or a request naming an account other than its session\'s cannot be said; in the session\'s own account, or for a session the world does not know, it can', () => {
    expect(world.sessions.S1?.account).toBe('Acme SB');
    expect(unsayable(world, { type: 'logout', account: 'Acme', endpoint: '2014.2', session: 'S1' })).toMatch(/names its account only through its session/);
    expect(unsayable(world, { type: 'request', request: { channel: 'soap', account: 'Acme', endpoint: '2014.2', operation: 'get', auth: { kind: 'session', session: 'S1' } } })).toMatch(/a session alone names the session's own account/);
    expect(unsayable(world, { type: 'logout', account: 'Acme SB', endpoint: '2014.2', session: 'S1' })).toBeUndefined();
    expect(unsayable(world, { type: 'logout', account: 'Acme', endpoint: '2014.2', session: 'gone' })).toBeUndefined();
  });
});
