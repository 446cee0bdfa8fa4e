import { describe, expect, it } from 'vitest';
import { CommandShapeError, parseCommand } from './parse';

/**
 * ASM-06, the shape of a command read from JSON: each malformed command names the field where
 * the problem is and what is allowed there, before the world sees it.
 */
const soap = (auth: unknown) => ({ type: 'request', request: { channel: 'soap', account: 'Acme', endpoint: '2021.1', operation: 'get', auth } });

describe('ASM-06 a command read from JSON names the malformed field and what it should be', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['not an object', 5, 'c', /^got 5: should be a command object with a "type"$/],
    ['no type', {}, 'c.type', /^missing: should be one of addAccount, addSandbox, /],
    ['an unknown type', { type: 'frobnicate' }, 'c.type', /^unknown command "frobnicate": should be one of addAccount, /],
    ['a missing field', { type: 'addSandbox', account: 'Acme' }, 'c.production', /^missing: should be a non-empty string$/],
    ['an empty name', { type: 'refreshSandbox', account: '' }, 'c.account', /^got "": should be a non-empty string$/],
    ['an unknown field', { type: 'refreshSandbox', account: 'Acme', acount: 'x' }, 'c', /^unknown field\(s\) "acount": should be one of type, account$/],
    ['a value outside its list', { type: 'addAccount', account: 'A', kind: 'sandbox' }, 'c.kind', /^got "sandbox": should be one of production, partner, customer$/],
    ['a list of something else', { type: 'createBundle', account: 'A', bundle: 'b', records: ['r', 1] }, 'c.records[1]', /^got 1: should be a string$/],
    ['an edit of a State that is not held', { type: 'editRecord', account: 'A', record: 'r', changes: { state: 'removed' } }, 'c.changes.state', /should be one of enabled, blocked, waitingForApproval$/],
    ['an unknown auth kind', soap({ kind: 'oauth2' }), 'c.request.auth.kind', /^got "oauth2": should be an auth object with kind none, passport, session or tba$/],
    ['an Application ID given as text', soap({ kind: 'passport', user: 'u', password: 'valid', applicationId: 'ABC' }), 'c.request.auth.applicationId', /should be \{ "of": record \} or \{ "literal": string \}$/],
    ['a TBA field on a passport', soap({ kind: 'passport', user: 'u', password: 'valid', nonce: 'n' }), 'c.request.auth', /^unknown field\(s\) "nonce": should be one of kind, user, password, applicationId$/],
    ['a half-given extra passport', soap({ kind: 'tba', consumerKey: { of: 'r' }, token: { handle: 't' }, signature: 'valid', alsoPassport: { user: 'Lee' } }), 'c.request.auth.alsoPassport.password', /^missing: should be one of valid, invalid$/],
    ['a timestamp that is text', soap({ kind: 'tba', consumerKey: { of: 'r' }, token: { handle: 't' }, signature: 'valid', timestamp: 'now' }), 'c.request.auth.timestamp', /^got "now": should be a finite number$/],
    ['an unknown channel', { type: 'request', request: { channel: 'rest' } }, 'c.request.channel', /^got "rest": should be a request object with channel soap or restlet$/],
  ])('%s', (_name, value, at, problem) => {
    let error: unknown;
    try {
      parseCommand(value, 'c');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CommandShapeError);
    const shape = error as CommandShapeError;
    expect(shape.at).toBe(at);
    expect(shape.problem).toMatch(problem);
    expect(shape.message).toBe(`${shape.at}: ${shape.problem}`);
  });

  it('a well-formed command comes back as it was, endpoint versions left to the world', () => {
    const cmd = soap({ kind: 'tba', consumerKey: { of: 'r', stale: true }, token: { forged: true }, signature: 'invalid', applicationId: { literal: 'x' }, nonce: 'n', timestamp: 1 });
    expect(parseCommand(cmd, 'c')).toEqual(cmd);
    const login = { type: 'login', account: 'Acme', endpoint: '1999.1', operation: 'login', auth: { kind: 'passport', user: 'u', password: 'invalid' }, session: 's' };
    expect(parseCommand(login, 'c')).toEqual(login);
  });
});

describe('a parsed command is the command as sent', () => {
  it('keeps the order of an edit\'s fields, which the outcome states in that order', () => {
    const cmd = { type: 'editRecord', account: 'A', record: 'r', changes: { state: 'blocked', name: 'N' } };
    expect(Object.keys((parseCommand(cmd, 'c') as { changes: object }).changes)).toEqual(['state', 'name']);
  });
});
