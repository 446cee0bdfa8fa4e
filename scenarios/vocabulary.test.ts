import { describe, expect, it } from 'vitest';
import { parseAuth, printAuthPhrase, type AuthPhrase } from './auth-phrase';
import { PARAMETER_TYPES, parseActor, parseNames } from './parameter-types';
import { baseSeedFromEnv, describeSeed, scenarioSeed } from './seed';
import { ACCOUNT_KIND, METHODS, parseWord, printMethods, STATE, StepValueError } from './vocabulary';

/** The words of the step library: reading, writing and the errors for a wrong word. */

const param = (name: string) => {
  const p = PARAMETER_TYPES.find((t) => t.name === name);
  if (!p) throw new Error(`no parameter type ${name}`);
  return p;
};

describe('vocabulary', () => {
  it('reads words whatever their case and spacing, and names the allowed values for a wrong one', () => {
    expect(parseWord(STATE, 'waiting for approval')).toBe('waitingForApproval');
    expect(parseWord(STATE, 'BLOCKED')).toBe('blocked');
    expect(() => parseWord(STATE, 'Disabled')).toThrow('Invalid State "Disabled": should be one of Enabled, Blocked, Waiting for Approval, Removed, Absent');
    expect(() => parseWord(ACCOUNT_KIND, 'reseller')).toThrow(StepValueError);
    expect(printMethods(parseWord(METHODS, 'token-based authentication and user credentials'))).toBe('user credentials and token-based authentication');
  });

  it('parameter types reject values outside the allowed set with the allowed values', () => {
    expect(() => param('accountKind').parse('sandbox')).toThrow('a sandbox belongs to a production account');
    expect(() => param('endpoint').parse('2013.1')).toThrow('should be one of 2014.2, 2015.1');
    expect(() => param('role').parse('manager')).toThrow('should be one of administrator, integration-list, integration-full, no-integration-access');
    expect(() => param('operation').parse('fetch')).toThrow('should be one of get, search, add, update, delete, upsert, getDataCenterUrls, login, ssoLogin');
    expect(() => param('rule').parse('AUTH-99')).toThrow('Invalid rule "AUTH-99"');
    expect(() => param('code').parse('NOT_A_CODE')).toThrow('should be one of USER_ERROR');
    expect(param('role').parse('Integration Application (Full)')).toBe('integrationFull');
  });

  it('parameter regexps are broader than the allowed words, so a wrong word reaches the transformer', () => {
    expect(param('state').regexp.test('Pending')).toBe(true);
    expect(param('endpoint').regexp.test('2013.1')).toBe(true);
    expect(param('methods').regexp.test('smart cards')).toBe(true);
  });

  it('reads actors and name lists', () => {
    expect(parseActor('"Acme"')).toEqual({ account: 'Acme' });
    expect(parseActor('"Lee \\"Jr\\"" in "Acme"')).toEqual({ user: 'Lee "Jr"', account: 'Acme' });
    expect(parseNames('"A", "B" and "C"')).toEqual(['A', 'B', 'C']);
  });
});

describe('authentication phrases', () => {
  const phrases: AuthPhrase[] = [
    { kind: 'none' },
    { kind: 'passport', password: 'valid' },
    { kind: 'passport', user: 'Lee', password: 'invalid', applicationId: { of: 'App "1"' } },
    { kind: 'passport', password: 'valid', applicationId: { malformed: true } },
    { kind: 'session' },
    { kind: 'session', session: 'S1' },
    { kind: 'tba', record: 'App', stale: true, token: { handle: 'T1' }, signature: 'invalid', applicationId: { unknown: true } },
    { kind: 'tba', record: 'App', stale: false, token: { forged: true }, signature: 'valid' },
  ];

  it('prints and reads back every form', () => {
    for (const p of phrases) expect(parseAuth(printAuthPhrase(p))).toEqual(p);
  });

  it('accepts "Passport" for user credentials', () => {
    expect(parseAuth('Passport and the Application ID of "App"')).toEqual({ kind: 'passport', password: 'valid', applicationId: { of: 'App' } });
  });

  it('lists every form when a phrase cannot be read', () => {
    expect(() => parseAuth('a smile')).toThrow(/Invalid authentication "a smile": should be one of\n {2}no authentication\n {2}user credentials/);
    expect(() => parseAuth('token-based authentication for "App"')).toThrow(StepValueError);
    expect(() => parseAuth('no authentication at all')).toThrow(StepValueError);
  });
});

describe('seeds', () => {
  it('derive from the scenario name, shifted by HARNESS_SEED', () => {
    expect(scenarioSeed('A', 0)).toBe(scenarioSeed('A', 0));
    expect(scenarioSeed('A', 0)).not.toBe(scenarioSeed('B', 0));
    expect(scenarioSeed('A', 7)).not.toBe(scenarioSeed('A', 0));
    expect(Number.isInteger(scenarioSeed('A', 7)) && scenarioSeed('A', 7) >= 0).toBe(true);
  });

  it('HARNESS_SEED must be an integer', () => {
    expect(baseSeedFromEnv(undefined)).toBe(0);
    expect(baseSeedFromEnv(' 42 ')).toBe(42);
    expect(() => baseSeedFromEnv('abc')).toThrow('HARNESS_SEED: Invalid seed "abc": should be an integer');
  });

  it('a failing scenario says how to repeat the run', () => {
    const text = describeSeed('Blocked (v2)', 99, 7, false);
    expect(text).toContain('Scenario seed: 99');
    expect(text).toContain("HARNESS_SEED=7 npm run features -- --name '^Blocked \\(v2\\)$'");
    expect(text).toContain('Given the scenario seed is 99');
  });
});
