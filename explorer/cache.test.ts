import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyAll, createWorld, DELIBERATE_FAULT_IDS } from '../model';
import { checkStep } from '../properties/invariants';
import { DecisionTrees } from './trees';
import { DEFAULT_CONFIG, parseConfig, type ExplorerConfig } from './config';
import { explore } from './explore';
import type { ExploreOptions } from './types';
import { Footprint } from './footprint';
import { canonicalize, makeLayout } from './layout';
import { bitsFor, Packing, StateStore } from './store';

/**
 * The cached engine replays answers it learned from the model; these tests hold it to the
 * direct engine, which asks the model on every step.
 */

const LIFECYCLE = parseConfig(JSON.parse(readFileSync('explorer/configs/lifecycle.json', 'utf8')), 'lifecycle');
const TWO_CUSTOMERS = (symmetric: boolean, families: ExplorerConfig['families'] = ['create', 'state', 'issueToken', 'bundle', 'requireApproval', 'request']): ExplorerConfig => parseConfig({
  accounts: [{ name: 'Partner', kind: 'partner' }, { name: 'C1', kind: 'customer' }, { name: 'C2', kind: 'customer' }],
  records: [{ name: 'App', owner: 'Partner', authentication: { userCredentials: true, tokenBased: true } }],
  endpoints: ['2019.1'],
  requestForms: ['tba', 'passport'],
  families,
  symmetric: symmetric ? [['C1', 'C2']] : [],
}, 'two customers');

async function both(options: Omit<ExploreOptions<unknown>, 'engine' | 'check'>) {
  const check: ExploreOptions<unknown>['check'] = (s) => checkStep(s);
  const cached = await explore({ ...options, check, engine: 'cached' });
  const direct = await explore({ ...options, check, engine: 'direct' });
  const summary = (r: typeof cached) => ({
    states: r.states,
    transitions: r.transitions,
    depth: r.depth,
    stoppedBy: r.stoppedBy,
    lifecycle: [...r.lifecycleTransitions.entries()].sort(),
    violation: r.violation && { path: r.violation.path, outcome: r.violation.outcome.kind, violation: r.violation.violation },
  });
  return { cached, direct, c: summary(cached), d: summary(direct) };
}

describe('cached engine', () => {
  // Depth bounds keep the direct engine quick: at depth 6 the lifecycle configuration already
  // takes all 36 statechart transitions and the two customers every one they ever take (18).
  it.each([
    ['lifecycle, depth 6', { config: { ...LIFECYCLE, depth: 6 } }],
    ['two customers, depth 6', { config: { ...TWO_CUSTOMERS(false), depth: 6 } }],
    ['two customers up to symmetry, depth 6', { config: { ...TWO_CUSTOMERS(true), depth: 6 } }],
    ['two customers up to symmetry, no bundles or requests, to the fixpoint', { config: TWO_CUSTOMERS(true, ['create', 'state', 'issueToken', 'requireApproval']) }],
    ['default, depth 4', { config: { ...DEFAULT_CONFIG, depth: 4 } }],
    ['default, first 1,000 states', { config: DEFAULT_CONFIG, maxStates: 1_000 }],
  ])('finds the same states, transitions and statechart counts as the direct engine: %s', async (_, options) => {
    const { cached, c, d } = await both(options);
    expect(c).toEqual(d);
    // Most steps were replayed, not asked again: otherwise this compares the model with itself.
    expect(cached.cache?.replayed).toBeGreaterThan(cached.cache?.learned ?? Infinity);
  });

  it('agrees with the direct engine when states take more than one packed word', async () => {
    // 33 accounts each switching Require Approval: 33 one-bit components, more than a word holds.
    const customers = Array.from({ length: 32 }, (_, i) => `C${i + 1}`);
    const config = parseConfig({
      accounts: [{ name: 'Partner', kind: 'partner' }, ...customers.map((name) => ({ name, kind: 'customer' }))],
      records: [{ name: 'App', owner: 'Partner', authentication: { userCredentials: true, tokenBased: true } }],
      families: ['requireApproval'],
      depth: 2,
    }, 'thirty-two customers');
    const { cached, c, d } = await both({ config });
    expect(cached.cache?.words).toBe(2);
    expect(c.states).toBe(1 + 33 + (33 * 32) / 2);
    expect(c).toEqual(d);
  });

  it('finds the same first violation with the same shortest trace under each deliberate fault', async () => {
    for (const fault of DELIBERATE_FAULT_IDS) {
      const { c, d } = await both({ config: DEFAULT_CONFIG, faults: [fault] });
      expect(c.stoppedBy, fault).toBe('violation');
      expect(c, fault).toEqual(d);
    }
  });

  it('in validate mode asks the model again on every replayed step and agrees', async () => {
    for (const [config, maxStates] of [[TWO_CUSTOMERS(true, ['create', 'state', 'issueToken', 'bundle', 'request']), 250], [DEFAULT_CONFIG, 250]] as const) {
      const r = await explore({ config, maxStates, check: (s) => checkStep(s), validate: true });
      expect(r.stoppedBy).not.toBe('violation');
      expect(r.cache?.replayed).toBeGreaterThan(r.cache?.learned ?? Infinity);
    }
  });

  it('catches a check that depends on something the layout leaves out, instead of replaying a wrong answer', async () => {
    // The sequence number is abstracted away; a check reading it breaks the layout's premise.
    const check: ExploreOptions<string>['check'] = (s) => (s.command.type === 'request' && s.before.seq % 2 === 1 ? 'odd' : undefined);
    await expect(explore({ config: DEFAULT_CONFIG, maxStates: 1_000, check, validate: true })).rejects.toThrow(/the step cache disagrees with the model on "request"|does not repeat/);
  });
});

describe('footprint', () => {
  const config = parseConfig({
    accounts: [{ name: 'Partner', kind: 'partner' }, { name: 'Customer', kind: 'customer' }],
    records: [{ name: 'App', owner: 'Partner', authentication: { userCredentials: true, tokenBased: true } }],
  }, 'pair');
  const layout = makeLayout(config);
  const world = applyAll(createWorld(), [
    { type: 'addAccount', account: 'Partner', kind: 'partner' },
    { type: 'addAccount', account: 'Customer', kind: 'customer' },
    { type: 'createRecord', account: 'Partner', record: 'App', authentication: { userCredentials: true, tokenBased: true } },
  ]).world;
  const named = (fp: Footprint) => fp.order.map((c) => layout.names[c]);

  it('records an installation, a record and preferences when looked inside, in the order read', () => {
    const fp = new Footprint(layout);
    const w = fp.world(world);
    void w.accounts.Customer.installations.App;
    void w.records.App;
    void w.accounts.Partner.preferences.requireApproval;
    expect(named(fp)).toEqual(['Customer: App', 'record App', 'Partner: preferences']);
  });

  it('records nothing for copying references, so immutable updates do not widen footprints', () => {
    const fp = new Footprint(layout);
    const w = fp.world(world);
    const copy = { ...w, accounts: { ...w.accounts } };
    expect(copy.accounts.Partner).toBe(w.accounts.Partner);
    expect(fp.order).toEqual([]);
  });

  it('records every holding when any token, bundle or session is looked at, and every installation of an account when they are listed', () => {
    const fp = new Footprint(layout);
    const w = fp.world(world);
    void Object.keys(w.tokens);
    expect(named(fp)).toEqual(['Partner: holdings', 'Customer: holdings', 'bundles']);
    void Object.values(w.accounts.Partner.installations);
    expect(named(fp).slice(3)).toEqual(['Partner: App']);
  });

  it('keeps identities, so the model and the invariants compare worlds as they would unwrapped', () => {
    const fp = new Footprint(layout);
    const w = fp.world(world);
    expect(w.accounts).toBe(w.accounts);
    expect(w.accounts.Partner.installations).toBe(w.accounts.Partner.installations);
    expect(fp.unwrap(w.accounts.Partner)).toBe(world.accounts.Partner);
    expect(fp.untracked(() => w.records.App.name)).toBe('App');
    expect(fp.order).toEqual([]);
  });
});

describe('decision trees', () => {
  it('answers rows agreeing on the components read, and refuses a read order that contradicts an earlier one', () => {
    const trees = new DecisionTrees(1, () => 'tree', (c) => `#${c}`);
    trees.insert(0, [2, 0], Uint16Array.of(5, 0, 1), 0, 7);
    expect(trees.lookup(0, Uint16Array.of(5, 9, 1), 0)).toBe(7);
    expect(trees.lookup(0, Uint16Array.of(4, 0, 1), 0)).toBe(-1);
    expect(trees.lookup(0, Uint16Array.of(5, 0, 300), 0)).toBe(-1);
    trees.insert(0, [2, 1], Uint16Array.of(0, 3, 300), 0, 8);
    expect(trees.lookup(0, Uint16Array.of(0, 3, 300), 0)).toBe(8);
    expect(trees.lookup(0, Uint16Array.of(5, 0, 1), 0)).toBe(7);
    expect(() => trees.insert(0, [0], Uint16Array.of(1, 0, 1), 0, 9)).toThrow(/tree read #0 where an earlier world with the same values read #2/);
  });
});

describe('canonical rows', () => {
  it('sort the blocks of a symmetric group, so every permutation of them gives one row', () => {
    const layout = makeLayout(parseConfig({
      accounts: [{ name: 'Partner', kind: 'partner' }, { name: 'C1', kind: 'customer' }, { name: 'C2', kind: 'customer' }, { name: 'C3', kind: 'customer' }],
      records: [{ name: 'App', owner: 'Partner', authentication: { userCredentials: true, tokenBased: true } }],
      symmetric: [['C1', 'C2', 'C3']],
    }, 'three customers'));
    const blocks = layout.symmetricBlocks[0];
    const contents = [[2, 0, 1], [1, 5, 0], [1, 4, 9]];
    const rows = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]].map((order) => {
      const row = new Uint16Array(layout.width).fill(7);
      order.forEach((which, b) => blocks[b].forEach((c, k) => { row[c] = contents[which][k]; }));
      return [...canonicalize(layout, row)];
    });
    for (const row of rows) expect(row).toEqual(rows[0]);
    expect(blocks.map((b) => b.map((c) => rows[0][c]))).toEqual([[1, 4, 9], [1, 5, 0], [2, 0, 1]]);
    expect(rows[0].filter((_, c) => !blocks.flat().includes(c)).every((v) => v === 7)).toBe(true);
  });
});

describe('packing', () => {
  it('gives each component the bits its values need, none for a single value, and fills words first-fit', () => {
    expect([1, 2, 3, 4, 5, 65_536].map(bitsFor)).toEqual([0, 1, 2, 2, 3, 16]);
    const p = new Packing([0, 3, 16, 16, 1]);
    expect(p.words).toBe(2);
    const row = Uint16Array.of(0, 7, 65_535, 12_345, 1);
    const words = p.encode(row, new Int32Array(3), 1);
    expect(p.decode(words, 1, new Uint16Array(5))).toEqual(row);
    expect(p.holds(1, 7)).toBe(true);
    expect(p.holds(1, 8)).toBe(false);
  });
});

describe('state store', () => {
  const packing = new Packing([16, 16]);
  const pack = (i: number) => packing.encode(Uint16Array.of(i & 0xffff, i >>> 16), new Int32Array(2), 0);

  it('finds every state added, across chunks, table growth and a wider packing, and nothing else', () => {
    const store = new StateStore(new Packing([16, 1]));
    const n = 70_000;
    const refused: number[] = [];
    for (let i = 0; i < n; i++) {
      // The packing holds one bit for the second component until a state needs more.
      if (i === 40_000) store.repack(packing);
      const words = store.packing.encode(Uint16Array.of(i & 0xffff, i >>> 16), new Int32Array(2), 0);
      if (!store.add(words, 0, words, 0, i - 1, i % 7, i === 0 ? 0 : 1)) refused.push(i);
    }
    expect(refused).toEqual([]);
    expect(store.size).toBe(n);
    expect(store.packing.words).toBe(2);
    for (const i of [0, 1, 39_999, 65_535, 65_536, n - 1]) {
      expect(store.add(pack(i), 0, pack(i), 0, 0, 0, 1), `state ${i} again`).toBe(false);
      expect(store.row(i, new Uint16Array(2))).toEqual(Uint16Array.of(i & 0xffff, i >>> 16));
      expect(store.parent(i)).toBe(i - 1);
      expect(store.via(i)).toBe(i % 7);
    }
    expect(store.size).toBe(n);
    expect(store.depth(0)).toBe(0);
    expect(store.depth(n - 1)).toBe(1);
    expect(store.add(pack(n + 5), 0, pack(n + 5), 0, 0, 0, 1)).toBe(true);
  });

  it('keys states by their canonical rows, which may differ from the rows kept', () => {
    const store = new StateStore(packing);
    expect(store.add(pack(3), 0, pack(1), 0, -1, -1, 0)).toBe(true);
    expect(store.add(pack(2), 0, pack(1), 0, 0, 0, 1)).toBe(false);
    expect(store.row(0, new Uint16Array(2))).toEqual(Uint16Array.of(3, 0));
  });
});
