import { describe, expect, it } from 'vitest';
import { apply, createWorld, RULE_IDS, type Command, type World } from '../model';
import { EvidenceCounter, RULE_CASES } from './evidence';
import { INVARIANTS } from './invariants';
import { resolvePropertySettings } from './settings';
import { checkWorldProperty } from './world-property';

/** The evidence behind the rule matrix: each rule's case is specific, and a default run reaches every one. */

function world(commands: readonly Command[]): World {
  return commands.reduce((w, c) => apply(w, c).world, createWorld({ seed: 3 }));
}

const SETUP: Command[] = [
  { type: 'addAccount', account: 'Acme', kind: 'production' },
  { type: 'createRecord', account: 'Acme', record: 'App', authentication: { userCredentials: true, tokenBased: true } },
  { type: 'createAccessToken', account: 'Acme', record: 'App', token: 'T1' },
];

describe('rule evidence', () => {
  it('AUTH-03: a token-based request is its case only when it carries an Application ID', () => {
    const before = world(SETUP);
    const request = (withAppId: boolean): Command => ({
      type: 'request',
      request: {
        channel: 'soap', account: 'Acme', endpoint: '2021.1', operation: 'get',
        auth: { kind: 'tba', consumerKey: { of: 'App' }, token: { handle: 'T1' }, signature: 'valid', ...(withAppId ? { applicationId: { of: 'App' } } : {}) },
      },
    });
    const counter = new EvidenceCounter();
    for (const withAppId of [false, true, true]) {
      const command = request(withAppId);
      const { world: after, outcome } = apply(before, command);
      counter.observe({ before, command, after, outcome }, undefined);
    }
    expect(counter.toEvidence()['AUTH-03']).toMatchObject({ reached: 2, held: 2 });
    expect(counter.toEvidence()['AUTH-03'].by.every((name) => name.includes('AUTH-03'))).toBe(true);
  });

  it('a step an invariant objected to counts as reached but not held', () => {
    const before = world(SETUP);
    const command: Command = { type: 'editRecord', account: 'Acme', record: 'App', changes: { state: 'blocked' } };
    const { world: after, outcome } = apply(before, command);
    const counter = new EvidenceCounter();
    counter.observe({ before, command, after, outcome }, { invariant: 'x', rules: ['STATE-03'], message: 'x', expectations: [] });
    expect(counter.toEvidence()['STATE-03']).toMatchObject({ reached: 1, held: 0 });
  });

  it('every catalogued rule an invariant checks has a case, and a default run of the world property reaches every one', () => {
    const checked = new Set(INVARIANTS.flatMap((i) => i.rules));
    expect(RULE_IDS.filter((id) => checked.has(id) && !RULE_CASES[id])).toEqual([]);
    const evidence = new EvidenceCounter();
    const result = checkWorldProperty({ name: 'evidence', settings: { ...resolvePropertySettings({}), numRuns: 60, seed: 11 }, evidence });
    expect(result.failure).toBeUndefined();
    const vacuous = Object.entries(evidence.toEvidence()).filter(([, e]) => e.reached === 0).map(([id]) => id);
    expect(vacuous).toEqual([]);
  });
});
