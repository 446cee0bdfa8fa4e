import { apply, applyAll, ASSUMPTION_IDS, COMMAND_TYPES, createWorld, ENDPOINT_VERSIONS, endpointEra, FACT_IDS, findConfidential, idsIn, Log, ROLES, RULE_IDS, type Auth, type Command, type DeliberateFault, type Outcome, type UsageEntry, type World } from '../model';
import { eraOf } from './eras';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAST_ACCOUNTS } from './cast';
import { DECISION_PROPERTY_NAME, DECISION_TABLE, decide, decisionInputArb } from './decision-table';
import { checkStep, INVARIANTS, type StepContext, type Violation } from './invariants';
import { DEFAULT_SETTINGS } from './settings';
import { runSteps } from './sim';
import { commandsArb, INVARIANT_IDS } from './world-property';

/** The invariants and generators, tested on their own: they must catch what they claim to. */

const ACCOUNTS: Command[] = [
  { type: 'addAccount', account: 'Acme', kind: 'production' },
  { type: 'addSandbox', account: 'Acme Sandbox', production: 'Acme' },
  { type: 'addAccount', account: 'Partner', kind: 'partner' },
  { type: 'addAccount', account: 'Customer', kind: 'customer' },
  { type: 'createRecord', account: 'Partner', record: 'App', authentication: { userCredentials: true, tokenBased: true } },
];

function worldAfter(commands: readonly Command[], faults: readonly DeliberateFault[] = []): World {
  const { world, outcomes } = applyAll(createWorld({ seed: 5, faults }), [...ACCOUNTS, ...commands]);
  const bad = outcomes.find((o) => o.kind === 'invalid');
  if (bad) throw new Error(`fixture invalid: ${JSON.stringify(bad)}`);
  return world;
}

function step(before: World, command: Command): StepContext {
  const { world, outcome } = apply(before, command);
  return { before, command, after: world, outcome };
}

function violated(s: StepContext): Violation {
  const v = checkStep(s);
  if (!v) throw new Error(`expected a violation for ${s.command.type}`);
  return v;
}

const passport = (record?: string): Auth => ({ kind: 'passport', user: 'administrator', password: 'valid', ...(record ? { applicationId: { of: record } } : {}) });
const tba = (record: string, token: string, applicationId?: string): Auth => ({
  kind: 'tba', consumerKey: { of: record }, token: { handle: token }, signature: 'valid', ...(applicationId ? { applicationId: { of: applicationId } } : {}),
});
const soap = (account: string, endpoint: '2015.1' | '2019.1' | '2021.1', auth: Auth): Command => ({ type: 'request', request: { channel: 'soap', account, endpoint, operation: 'get', auth } });

describe('the invariants contract', () => {
  it('every invariant is named by the rule IDs it checks, and lists exactly those', () => {
    expect(INVARIANTS.length).toBeGreaterThanOrEqual(11);
    const catalogued = new Set<string>([...RULE_IDS, ...ASSUMPTION_IDS, ...FACT_IDS]);
    for (const inv of INVARIANTS) {
      expect(inv.rules.length, inv.name).toBeGreaterThan(0);
      expect([...inv.rules].sort(), inv.name).toEqual([...new Set(idsIn(inv.name))].sort());
      // The IDs come from the name, so the line above holds by construction: each must also be in the catalogue.
      expect(inv.rules.filter((id) => !catalogued.has(id)), inv.name).toEqual([]);
    }
    expect(new Set(INVARIANTS.map((i) => i.name)).size).toBe(INVARIANTS.length);
  });

  it('every rule ID of the catalogue is named by an invariant and by the world property', () => {
    expect(RULE_IDS.filter((id) => !INVARIANT_IDS.includes(id))).toEqual([]);
    const decisionIds = idsIn(DECISION_PROPERTY_NAME);
    expect(decisionIds).toEqual(expect.arrayContaining(['AUTH-01', 'AUTH-02', 'AUTH-03', 'AUTH-04', 'AUTH-05', 'AUTH-06', 'AUTH-07', 'STATE-01', 'STATE-02']));
  });

  it('a correct world passes every invariant on every step of a sample of generated runs', () => {
    for (const steps of fc.sample(commandsArb(DEFAULT_SETTINGS), { numRuns: 30, seed: 11 })) {
      runSteps(steps, { seed: 1, faults: [] });
    }
  });
});

describe('the invariants catch the deliberate faults on a single step, under the rule broken', () => {
  it('AUTH-03: an accepted token-based request carrying an Application ID', () => {
    const w = worldAfter([{ type: 'createAccessToken', account: 'Partner', record: 'App', token: 't' }], ['AUTH-03']);
    const v = violated(step(w, soap('Partner', '2021.1', tba('App', 't', 'App'))));
    expect(v.rules).toContain('AUTH-03');
    expect(v.expectations).toEqual([{ type: 'outcome', kind: 'refused', rule: 'AUTH-03' }]);
  });

  it('STATE-01: an accepted request for a Blocked record', () => {
    const w = worldAfter([{ type: 'editRecord', account: 'Partner', record: 'App', changes: { state: 'blocked' } }], ['STATE-01']);
    const v = violated(step(w, soap('Partner', '2019.1', passport('App'))));
    expect(v.rules).toContain('STATE-01');
    expect(v.expectations).toEqual([{ type: 'outcome', kind: 'refused', rule: 'STATE-01' }]);
  });

  it('AUTH-07: user credentials accepted on 2020.2 and later', () => {
    const v = violated(step(worldAfter([], ['AUTH-07']), soap('Partner', '2021.1', passport('App'))));
    expect(v.rules).toContain('AUTH-07');
  });

  it('OWN-03: an installing account changing the Name', () => {
    const w = worldAfter([soap('Customer', '2019.1', passport('App'))], ['OWN-03']);
    const v = violated(step(w, { type: 'editRecord', account: 'Customer', record: 'App', changes: { name: 'Mine' } }));
    expect(v.rules).toContain('OWN-03');
    expect(v.expectations).toEqual([{ type: 'outcome', kind: 'refused', rule: 'OWN-03' }]);
  });

  it('SBX-02: a sandbox-only record surviving a refresh', () => {
    const w = worldAfter([{ type: 'createRecord', account: 'Acme Sandbox', record: 'Draft', authentication: { userCredentials: true, tokenBased: false } }], ['SBX-02']);
    const v = violated(step(w, { type: 'refreshSandbox', account: 'Acme Sandbox' }));
    expect(v.rules).toContain('SBX-02');
    expect(v.expectations).toContainEqual({ type: 'state', account: 'Acme Sandbox', record: 'Draft', state: 'removed' });
  });
});

describe('the invariants catch doctored steps a buggy world could produce', () => {
  const w = worldAfter([soap('Customer', '2019.1', passport('App')), { type: 'addUser', account: 'Customer', user: 'clerk', role: 'noIntegrationAccess' }]);
  const doctor = (s: StepContext, patch: { after?: World; outcome?: Outcome }): StepContext => ({ ...s, ...patch });
  /** Names of the invariants that check a rule. */
  const named = (id: string) => INVARIANTS.filter((i) => i.rules.includes(id)).map((i) => i.name);

  it('PERM-02: a record page opened without the Full permission', () => {
    const s = step(w, { type: 'viewRecord', account: 'Customer', user: 'clerk', record: 'App' });
    expect(checkStep(s)).toBeUndefined();
    const v = violated(doctor(s, { outcome: step(w, { type: 'viewRecord', account: 'Customer', record: 'App' }).outcome }));
    expect(v.rules).toContain('PERM-02');
    expect(v.expectations).toEqual([{ type: 'outcome', kind: 'refused', rule: 'PERM-02' }]);
  });

  it('OWN-06 AUTH-08: the Application ID shown where the record was not created, never printed in the message', () => {
    const s = step(w, { type: 'viewRecord', account: 'Customer', record: 'App' });
    expect(checkStep(s)).toBeUndefined();
    const o = s.outcome;
    if (o.kind !== 'accepted' || o.view?.type !== 'record') throw new Error('fixture');
    const v = violated(doctor(s, { outcome: { ...o, view: { ...o.view, applicationId: w.records.App.applicationId } } }));
    expect(v.rules).toContain('OWN-06');
    expect(findConfidential(v.message)).toEqual([]);
    const leak = violated(doctor(s, { outcome: { ...o, changes: [`shown ${w.records.App.applicationId}`] } }));
    expect(leak.rules).toContain('AUTH-08');
    expect(findConfidential(leak.message)).toEqual([]);
  });

  it('REC-05: a consumer key changed by anything but regeneration', () => {
    const s = step(w, { type: 'editRecord', account: 'Partner', record: 'App', changes: { note: 'n' } });
    const rekeyed = { ...s.after, records: { ...s.after.records, App: { ...s.after.records.App, consumerKey: 'f'.repeat(64) } } };
    expect(violated(doctor(s, { after: rekeyed })).rules).toContain('REC-05');
  });

  it('LOG-01: an accepted request logged in a record that did not track it', () => {
    const s = step(w, soap('Customer', '2019.1', passport('App')));
    expect(checkStep(s)).toBeUndefined();
    const acc = s.after.accounts.Customer;
    const doubled = { ...s.after, accounts: { ...s.after.accounts, Customer: { ...acc, usageLog: acc.usageLog.append(acc.usageLog.at(-1)!) } } };
    const v = violated(doctor(s, { after: doubled }));
    expect(v.rules).toContain('LOG-01');
    expect(v.message).toContain('usage log');
  });

  it('FACT-03 and the statechart: a State that moves without a transition, an installation deleted', () => {
    const s = step(w, { type: 'setPreference', account: 'Customer', preference: 'requireApproval', value: true });
    expect(checkStep(s)).toBeUndefined();
    const acc = s.after.accounts.Customer;
    const moved = { ...s.after, accounts: { ...s.after.accounts, Customer: { ...acc, installations: { ...acc.installations, App: { ...acc.installations.App, state: 'blocked' as const } } } } };
    const v = violated(doctor(s, { after: moved }));
    expect(named('FACT-03')).toContain(v.invariant);
    expect(v.expectations).toEqual([{ type: 'state', account: 'Customer', record: 'App', state: 'enabled' }]);
    const deleted = { ...s.after, accounts: { ...s.after.accounts, Customer: { ...acc, installations: {} } } };
    expect(named('FACT-03')).toContain(violated(doctor(s, { after: deleted })).invariant);
  });

  it('a view that changes the world', () => {
    const s = step(w, { type: 'viewIntegrations', account: 'Customer' });
    const noted = { ...s.after, accounts: { ...s.after.accounts, Customer: { ...s.after.accounts.Customer, systemNotes: [{ seq: 99, record: 'App', fields: ['note'], user: 'administrator' }] } } };
    expect(named('REC-04')).toContain(violated(doctor(s, { after: noted })).invariant);
  });

  it('ASM-06: a refused command that changed the world', () => {
    const s = step(w, soap('Customer', '2021.1', passport('App')));
    expect(s.outcome.kind).toBe('refused');
    const changed = { ...s.after, accounts: { ...s.after.accounts, Customer: { ...s.after.accounts.Customer, usageLog: Log.empty<UsageEntry>() } } };
    expect(named('ASM-08')).toContain(violated(doctor(s, { after: changed })).invariant);
  });

  it('TOKEN-02: Issue Token installing Enabled while Require Approval is checked', () => {
    const w2 = worldAfter([{ type: 'setPreference', account: 'Customer', preference: 'requireApproval', value: true }]);
    const s = step(w2, { type: 'issueToken', account: 'Customer', record: 'App', token: 't' });
    expect(checkStep(s)).toBeUndefined();
    const acc = s.after.accounts.Customer;
    const wrong = { ...s.after, accounts: { ...s.after.accounts, Customer: { ...acc, installations: { ...acc.installations, App: { ...acc.installations.App, state: 'enabled' as const } } } } };
    const v = violated(doctor(s, { after: wrong }));
    expect(v.rules).toContain('TOKEN-02');
    expect(v.expectations).toEqual([{ type: 'state', account: 'Customer', record: 'App', state: 'waitingForApproval' }]);
  });
});

describe('the generators and the decision table reach what they claim to', () => {
  it('generated runs use every command type, every role, every account kind, and Issue Token under both Require Approval settings', () => {
    const types = new Set<string>();
    const roles = new Set<string>();
    const issueTokenApproval = new Set<boolean>();
    for (const steps of fc.sample(commandsArb(DEFAULT_SETTINGS), { numRuns: 200, seed: 3 })) {
      const sim = runSteps(steps, { seed: 1, faults: [], check: false });
      let world = createWorld({ seed: 1 });
      for (const c of sim.trace) {
        types.add(c.type);
        if (c.type === 'addUser') roles.add(c.role);
        if (c.type === 'issueToken') issueTokenApproval.add(world.accounts[c.account].preferences.requireApproval);
        world = apply(world, c).world;
      }
    }
    expect(COMMAND_TYPES.filter((t) => !types.has(t))).toEqual([]);
    expect(ROLES.filter((r) => r !== 'administrator' && !roles.has(r))).toEqual([]);
    expect([...issueTokenApproval].sort()).toEqual([false, true]);
    expect(new Set(CAST_ACCOUNTS.map((a) => a.kind))).toEqual(new Set(['production', 'sandbox', 'partner', 'customer']));
  });

  it('random inputs reach every row of the decision table', () => {
    const rows = new Set(fc.sample(decisionInputArb, { numRuns: 4000, seed: 9 }).map((i) => decide(i).row));
    expect(DECISION_TABLE.map((_, n) => n).filter((n) => !rows.has(n))).toEqual([]);
  });
});

describe('eras', () => {
  it('AUTH-04 AUTH-05 AUTH-07: the eras written from the rule texts agree with the model on every endpoint version', () => {
    for (const v of ENDPOINT_VERSIONS) expect(eraOf(v), v).toBe(endpointEra(v));
    expect([eraOf('2015.1'), eraOf('2015.2'), eraOf('2020.1'), eraOf('2020.2')]).toEqual(['legacy', 'applicationId', 'applicationId', 'tokenOnly']);
  });
});
