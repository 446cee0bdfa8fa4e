import { describe, expect, it } from 'vitest';
import { applyAll, createWorld, isPresent, stateIn, type Command, type World } from './index';

/** Bundles: what an uninstall takes away, and from whom (ASM-12, FACT-03, FACT-04, ASM-14). */

const BOTH = { userCredentials: true, tokenBased: true } as const;

function run(commands: readonly Command[]): World {
  const { world, outcomes } = applyAll(createWorld({ seed: 5 }), commands);
  const refused = outcomes.findIndex((o) => o.kind !== 'accepted');
  expect(refused, refused >= 0 ? JSON.stringify(outcomes[refused]) : '').toBe(-1);
  return world;
}

const SETUP: Command[] = [
  { type: 'addAccount', account: 'Partner', kind: 'partner' },
  { type: 'addAccount', account: 'One', kind: 'customer' },
  { type: 'addAccount', account: 'Two', kind: 'customer' },
  { type: 'createRecord', account: 'Partner', record: 'App', authentication: BOTH },
  { type: 'createRecord', account: 'Partner', record: 'Other', authentication: BOTH },
  { type: 'createBundle', account: 'Partner', bundle: 'A', records: ['App'] },
  { type: 'createBundle', account: 'Partner', bundle: 'B', records: ['App', 'Other'] },
];

describe('uninstalling a bundle', () => {
  it('ASM-12: removes only what that bundle installed: a record another bundle brought stays', () => {
    const world = run([
      ...SETUP,
      { type: 'installBundle', account: 'One', bundle: 'A' },
      // B finds App already held (by A) and leaves it as it is; it brings Other.
      { type: 'installBundle', account: 'One', bundle: 'B' },
      { type: 'uninstallBundle', account: 'One', bundle: 'B' },
    ]);
    expect(stateIn(world.accounts.One, 'App')).toBe('enabled');
    expect(world.accounts.One.installations.App.bundle).toBe('A');
    expect(stateIn(world.accounts.One, 'Other')).toBe('removed');
  });

  it('FACT-04 ASM-14: deletes the account\'s tokens for the records it removed, and no other token', () => {
    const world = run([
      ...SETUP,
      { type: 'installBundle', account: 'One', bundle: 'B' },
      { type: 'installBundle', account: 'Two', bundle: 'B' },
      { type: 'createAccessToken', account: 'One', record: 'App', token: 'one-app' },
      { type: 'createAccessToken', account: 'Two', record: 'App', token: 'two-app' },
      { type: 'createAccessToken', account: 'Partner', record: 'App', token: 'partner-app' },
      { type: 'uninstallBundle', account: 'One', bundle: 'B' },
    ]);
    expect(isPresent(stateIn(world.accounts.One, 'App'))).toBe(false);
    expect(Object.keys(world.tokens).sort()).toEqual(['partner-app', 'two-app']);
  });

  it('FACT-04 ASM-12: a token for a record the bundle did not remove survives the uninstall', () => {
    const world = run([
      ...SETUP,
      { type: 'installBundle', account: 'One', bundle: 'A' },
      { type: 'installBundle', account: 'One', bundle: 'B' },
      { type: 'createAccessToken', account: 'One', record: 'App', token: 'one-app' },
      { type: 'createAccessToken', account: 'One', record: 'Other', token: 'one-other' },
      { type: 'uninstallBundle', account: 'One', bundle: 'B' },
    ]);
    expect(Object.keys(world.tokens).sort()).toEqual(['one-app']);
  });
});
