import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSUMPTION_IDS, ASSUMPTIONS } from './assumptions';
import type { Auth, Command, Request } from './commands';
import type { EndpointVersion } from './endpoints';
import type { Outcome } from './outcomes';
import { APPLICATION_ID_PATTERN, drawHex, formatApplicationId } from './random';
import { drawApplicationId } from './state';
import { findConfidential, redact } from './redact';
import { RULE_IDS } from './rules';
import type { World } from './types';
import { apply, applyAll, createWorld } from './world';

/** A world with Acme (production) + its sandbox, a Partner and a Customer; the partner owns "App". */
function base(extra: Command[] = [], options: Parameters<typeof createWorld>[0] = {}): World {
  const { world, outcomes } = applyAll(createWorld({ seed: 7, ...options }), [
    { type: 'addAccount', account: 'Acme', kind: 'production' },
    { type: 'addSandbox', account: 'Acme SB', production: 'Acme' },
    { type: 'addAccount', account: 'Partner', kind: 'partner' },
    { type: 'addAccount', account: 'Customer', kind: 'customer' },
    { type: 'createRecord', account: 'Partner', record: 'App', authentication: { userCredentials: true, tokenBased: true } },
    ...extra,
  ]);
  const bad = outcomes.find((o) => o.kind === 'invalid');
  if (bad) throw new Error(`fixture command invalid: ${JSON.stringify(bad)}`);
  return world;
}

function run(world: World, ...commands: Command[]): { world: World; outcome: Outcome } {
  let w = world;
  let last: Outcome | undefined;
  for (const c of commands) {
    const r = apply(w, c);
    w = r.world;
    last = r.outcome;
  }
  if (!last) throw new Error('no command');
  return { world: w, outcome: last };
}

const soap = (account: string, endpoint: EndpointVersion, auth: Auth, operation: Extract<Request, { channel: 'soap' }>['operation'] = 'get'): Command => ({
  type: 'request',
  request: { channel: 'soap', account, endpoint, operation, auth },
});
const passport = (record?: string): Auth =>
  record ? { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { of: record } } : { kind: 'passport', user: 'administrator', password: 'valid' };
const tba = (record: string, token: string, extra: Partial<Extract<Auth, { kind: 'tba' }>> = {}): Auth => ({
  kind: 'tba', consumerKey: { of: record }, token: { handle: token }, signature: 'valid', ...extra,
});

function expectRefused(o: Outcome, rule: string, code?: string) {
  expect(o.kind, JSON.stringify(o)).toBe('refused');
  if (o.kind !== 'refused') return;
  expect(o.rule).toBe(rule);
  if (code) expect(o.fault.code).toBe(code);
}
function expectAccepted(o: Outcome): asserts o is Extract<Outcome, { kind: 'accepted' }> {
  expect(o.kind, JSON.stringify(o)).toBe('accepted');
}
const stateOf = (w: World, account: string, record: string) => w.accounts[account].installations[record]?.state ?? 'absent';

describe('records', () => {
  it('REC-01 REC-03: a created record is held at once, Enabled, by the account that owns it', () => {
    const w = base();
    expect(w.records.App.owner).toBe('Partner');
    expect(w.records.App.name).toBe('App');
    expect(stateOf(w, 'Partner', 'App')).toBe('enabled');
  });

  it('REC-02: Application IDs are 8-4-4-4-12 uppercase hex, unique, seeded, and not editable', () => {
    const w = base([{ type: 'createRecord', account: 'Acme', record: 'Other', authentication: { userCredentials: true, tokenBased: false } }]);
    expect(w.records.App.applicationId).toMatch(APPLICATION_ID_PATTERN);
    expect(w.records.App.applicationId).not.toBe(w.records.Other.applicationId);
    expect(base().records.App.applicationId).toBe(w.records.App.applicationId);
    expect(createWorld({ seed: 8 }).rng).not.toBe(createWorld({ seed: 7 }).rng);
    const r = run(w, { type: 'editRecord', account: 'Partner', record: 'App', changes: { applicationId: '00000000-0000-0000-0000-000000000000' } });
    expectRefused(r.outcome, 'REC-02', 'FIELD_NOT_EDITABLE');
    expect(r.world.records.App.applicationId).toBe(w.records.App.applicationId);
  });

  it('REC-04 OWN-04: common fields are shared; owner edits sync without system notes in installed accounts', () => {
    const w0 = run(base(), soap('Customer', '2019.1', passport('App'))).world;
    const r = run(w0, { type: 'editRecord', account: 'Partner', record: 'App', changes: { name: 'App 2', description: 'new' } });
    expectAccepted(r.outcome);
    const view = run(r.world, { type: 'viewRecord', account: 'Customer', record: 'App' }).outcome;
    expectAccepted(view);
    expect(view.view).toMatchObject({ name: 'App 2', description: 'new' });
    expect(r.world.accounts.Customer.systemNotes).toHaveLength(0);
    expect(r.world.accounts.Partner.systemNotes).toHaveLength(1);
  });

  it('REC-05: consumer credentials are regenerated only in the creating account, never edited', () => {
    const w0 = run(base(), soap('Customer', '2019.1', passport('App'))).world;
    expectRefused(run(w0, { type: 'editRecord', account: 'Partner', record: 'App', changes: { consumerKey: 'x' } }).outcome, 'REC-05');
    expectRefused(run(w0, { type: 'regenerateCredentials', account: 'Customer', record: 'App' }).outcome, 'REC-05');
    const r = run(w0, { type: 'regenerateCredentials', account: 'Partner', record: 'App' });
    expectAccepted(r.outcome);
    expect(r.world.records.App.consumerKey).not.toBe(w0.records.App.consumerKey);
  });

  it('REC-06 AUTH-01: the permitted methods are chosen at creation and requests must use one', () => {
    const w = base([
      { type: 'createRecord', account: 'Acme', record: 'TbaOnly', authentication: { userCredentials: false, tokenBased: true } },
    ]);
    expectRefused(run(w, { type: 'createRecord', account: 'Acme', record: 'None', authentication: { userCredentials: false, tokenBased: false } }).outcome, 'REC-06');
    const r = run(w, soap('Acme', '2019.1', passport('TbaOnly')));
    expectRefused(r.outcome, 'AUTH-01', 'INVALID_LOGIN_ATTEMPT');
  });
});

describe('ownership', () => {
  it('OWN-01 FACT-02: a bundle installs its records Enabled; uninstalling removes them (FACT-03)', () => {
    const w = run(base(),
      { type: 'createBundle', account: 'Partner', bundle: 'B', records: ['App'] },
      { type: 'installBundle', account: 'Customer', bundle: 'B' }).world;
    expect(stateOf(w, 'Customer', 'App')).toBe('enabled');
    const r = run(w, { type: 'uninstallBundle', account: 'Customer', bundle: 'B' });
    expectAccepted(r.outcome);
    expect(stateOf(r.world, 'Customer', 'App')).toBe('removed');
    expect(r.outcome.transitions.map((t) => t.transition)).toEqual(['enabled --UNINSTALL_BUNDLE[OWN-01:installedByBundle]--> removed']);
  });

  it('OWN-02 ASM-01: a request naming the Application ID auto-installs the record, State from Require Approval', () => {
    const r = run(base(), soap('Customer', '2019.1', passport('App')));
    expectAccepted(r.outcome);
    expect(r.world.accounts.Customer.installations.App.origin).toBe('autoInstall');
    const w = run(base(), { type: 'setPreference', account: 'Customer', preference: 'requireApproval', value: true }, soap('Customer', '2019.1', passport('App')));
    expectRefused(w.outcome, 'STATE-02');
    expect(stateOf(w.world, 'Customer', 'App')).toBe('waitingForApproval');
  });

  it('OWN-03 STATE-03: an installed account edits only State and Note', () => {
    const w = run(base(), soap('Customer', '2019.1', passport('App'))).world;
    expectRefused(run(w, { type: 'editRecord', account: 'Customer', record: 'App', changes: { name: 'Mine' } }).outcome, 'OWN-03', 'FIELD_NOT_EDITABLE');
    const r = run(w, { type: 'editRecord', account: 'Customer', record: 'App', changes: { state: 'blocked', note: 'paused' } });
    expectAccepted(r.outcome);
    expect(r.world.accounts.Customer.installations.App).toMatchObject({ state: 'blocked', note: 'paused' });
    expect(stateOf(r.world, 'Partner', 'App')).toBe('enabled');
  });

  it('OWN-05 ASM-03: a record created in a sandbox and installed in production is not owned by production', () => {
    const w = run(base(),
      { type: 'createRecord', account: 'Acme SB', record: 'Dev', authentication: { userCredentials: true, tokenBased: false } },
      soap('Acme', '2019.1', passport('Dev'))).world;
    expect(w.records.Dev.owner).toBe('Acme SB');
    expectRefused(run(w, { type: 'editRecord', account: 'Acme', record: 'Dev', changes: { description: 'x' } }).outcome, 'OWN-03');
    const refreshed = run(w, { type: 'refreshSandbox', account: 'Acme SB' }).world;
    expect(refreshed.accounts['Acme SB'].installations.Dev.origin).toBe('created');
  });

  it('OWN-06 AUTH-08: the Application ID shows only in the creating account', () => {
    const w = run(base(), soap('Customer', '2019.1', passport('App'))).world;
    const mine = run(w, { type: 'viewRecord', account: 'Partner', record: 'App' }).outcome;
    const theirs = run(w, { type: 'viewRecord', account: 'Customer', record: 'App' }).outcome;
    expectAccepted(mine);
    expectAccepted(theirs);
    expect(mine.view).toHaveProperty('applicationId', w.records.App.applicationId);
    expect(theirs.view).not.toHaveProperty('applicationId');
    expect(JSON.stringify(theirs)).not.toContain(w.records.App.applicationId);
  });
});

describe('states and Issue Token', () => {
  it('STATE-01: a Blocked record is refused with consumer_key_refused (TBA) and integration_blocked (credentials)', () => {
    const w = run(base(), { type: 'createAccessToken', account: 'Partner', record: 'App', token: 't' },
      { type: 'editRecord', account: 'Partner', record: 'App', changes: { state: 'blocked' } }).world;
    const r = run(w, soap('Partner', '2021.1', tba('App', 't')));
    expectRefused(r.outcome, 'STATE-01', 'INVALID_LOGIN_ATTEMPT');
    expect(r.outcome.kind === 'refused' && r.outcome.fault.detail).toBe('consumer_key_refused');
    expectRefused(run(w, soap('Partner', '2019.1', passport('App'))).outcome, 'STATE-01');
  });

  it('STATE-02: Waiting for Approval blocks every request until enabled', () => {
    const w = run(base(), { type: 'setPreference', account: 'Customer', preference: 'requireApproval', value: true },
      { type: 'issueToken', account: 'Customer', record: 'App', token: 't' }).world;
    expect(stateOf(w, 'Customer', 'App')).toBe('waitingForApproval');
    expectRefused(run(w, soap('Customer', '2021.1', tba('App', 't'))).outcome, 'STATE-02');
    expectRefused(run(base(), { type: 'editRecord', account: 'Partner', record: 'App', changes: { state: 'waitingForApproval' } }).outcome, 'FACT-01');
    const enabled = run(w, { type: 'editRecord', account: 'Customer', record: 'App', changes: { state: 'enabled' } }, soap('Customer', '2021.1', tba('App', 't')));
    expectAccepted(enabled.outcome);
  });

  it('TOKEN-01 TOKEN-02: Issue Token installs the record, Enabled or Waiting for Approval by Require Approval', () => {
    const off = run(base(), { type: 'issueToken', account: 'Customer', record: 'App', token: 't' });
    expectAccepted(off.outcome);
    expect(off.outcome.transitions[0].transition).toBe('absent --ISSUE_TOKEN--> enabled');
    const on = run(base(), { type: 'setPreference', account: 'Customer', preference: 'requireApproval', value: true },
      { type: 'issueToken', account: 'Customer', record: 'App', token: 't' });
    expect(on.outcome.kind === 'accepted' && on.outcome.transitions[0].transition).toBe('absent --ISSUE_TOKEN[TOKEN-02:requireApproval]--> waitingForApproval');
  });
});

describe('authentication and endpoints', () => {
  it('AUTH-02: user credentials with an Application ID are tracked by that record', () => {
    const r = run(base(), soap('Partner', '2019.1', passport('App')));
    expectAccepted(r.outcome);
    expect(r.outcome.trackedBy).toEqual({ by: 'record', record: 'App' });
    expect(r.world.accounts.Partner.installations.App.log).toHaveLength(1);
  });

  it('AUTH-02: the Application ID a record shows, sent as text (either case, with or without dashes), names that record', () => {
    const w = base();
    const id = w.records.App.applicationId;
    for (const literal of [id, id.toLowerCase(), id.replace(/-/g, '')]) {
      const r = run(w, soap('Partner', '2019.1', { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { literal } }));
      expectAccepted(r.outcome);
      expect(r.outcome.trackedBy).toEqual({ by: 'record', record: 'App' });
    }
  });

  it('AUTH-03: a token-based request carrying an Application ID fails with "Ambiguous authentication" on every endpoint', () => {
    const w = run(base(), { type: 'createAccessToken', account: 'Partner', record: 'App', token: 't' }).world;
    for (const endpoint of ['2014.2', '2017.1', '2021.1', '2026.1'] as const) {
      const r = run(w, soap('Partner', endpoint, tba('App', 't', { applicationId: { of: 'App' } })));
      expectRefused(r.outcome, 'AUTH-03', 'USER_ERROR');
      expect(r.outcome.kind === 'refused' && r.outcome.fault.message).toBe('Ambiguous authentication');
    }
    expectRefused(run(w, soap('Partner', '2021.1', tba('App', 't', { applicationId: { of: 'App' } }), 'getDataCenterUrls')).outcome, 'AUTH-03');
  });

  it('AUTH-03 fault switch: the deliberate fault lets the ambiguous request through', () => {
    const w = run(base([], { faults: ['AUTH-03'] }), { type: 'createAccessToken', account: 'Partner', record: 'App', token: 't' }).world;
    expectAccepted(run(w, soap('Partner', '2021.1', tba('App', 't', { applicationId: { of: 'App' } }))).outcome);
  });

  it('AUTH-04 FACT-06: on 2015.1 and earlier, no TBA; no Application ID means the Default record, which can be blocked', () => {
    const w = run(base(), { type: 'createAccessToken', account: 'Partner', record: 'App', token: 't' }).world;
    expectRefused(run(w, soap('Partner', '2015.1', tba('App', 't'))).outcome, 'AUTH-04', 'USER_ERROR');
    const d = run(w, soap('Partner', '2015.1', passport()));
    expectAccepted(d.outcome);
    expect(d.outcome.trackedBy).toEqual({ by: 'default' });
    expect(d.world.accounts.Partner.defaultRecord.log).toHaveLength(1);
    const blocked = run(w, { type: 'setDefaultRecordState', account: 'Partner', state: 'blocked' }, soap('Partner', '2015.1', passport()));
    expectRefused(blocked.outcome, 'FACT-06');
  });

  it('AUTH-05: on 2015.2 and later user credentials need an Application ID; login sends it once per session', () => {
    expectRefused(run(base(), soap('Partner', '2015.2', passport())).outcome, 'AUTH-05', 'INVALID_APP_ID');
    const r = run(base(),
      { type: 'login', account: 'Partner', endpoint: '2019.1', operation: 'login', auth: passport('App'), session: 's' },
      soap('Partner', '2019.1', { kind: 'session', session: 's' }));
    expectAccepted(r.outcome);
    expect(r.outcome.trackedBy).toEqual({ by: 'record', record: 'App' });
  });

  it('AUTH-06: getDataCenterUrls needs no authentication and is tracked by no record', () => {
    const r = run(base(), soap('Partner', '2024.1', { kind: 'none' }, 'getDataCenterUrls'));
    expectAccepted(r.outcome);
    expect(r.outcome.trackedBy).toEqual({ by: 'none' });
    expectRefused(run(base(), soap('Partner', '2024.1', { kind: 'none' })).outcome, 'AUTH-06');
  });

  it('AUTH-07 ASM-09: no Passport, login or session on 2020.2 and later; fine on 2020.1', () => {
    expectRefused(run(base(), soap('Partner', '2020.2', passport('App'))).outcome, 'AUTH-07', 'USER_ERROR');
    expectAccepted(run(base(), soap('Partner', '2020.1', passport('App'))).outcome);
    expectRefused(run(base(), { type: 'login', account: 'Partner', endpoint: '2021.1', operation: 'login', auth: passport('App'), session: 's' }).outcome, 'AUTH-07');
  });

  it('FACT-07: login is not available with token-based authentication', () => {
    const w = run(base(), { type: 'createAccessToken', account: 'Partner', record: 'App', token: 't' }).world;
    expectRefused(run(w, { type: 'login', account: 'Partner', endpoint: '2019.1', operation: 'login', auth: tba('App', 't'), session: 's' }).outcome, 'FACT-07');
  });
});

describe('permissions', () => {
  const roles = (w: World) =>
    run(w,
      { type: 'addUser', account: 'Acme', user: 'lister', role: 'integrationList' },
      { type: 'addUser', account: 'Acme', user: 'full', role: 'integrationFull' },
      { type: 'addUser', account: 'Acme', user: 'clerk', role: 'noIntegrationAccess' }).world;

  it('PERM-01: the list permission opens the Integrations list page; no permission gets INSUFFICIENT_PERMISSION', () => {
    const w = roles(base());
    expectAccepted(run(w, { type: 'viewIntegrations', account: 'Acme', user: 'lister' }).outcome);
    expectRefused(run(w, { type: 'viewIntegrations', account: 'Acme', user: 'clerk' }).outcome, 'PERM-01', 'INSUFFICIENT_PERMISSION');
  });

  it('PERM-02: the Full permission views, edits and creates records and shows the Integration field', () => {
    const w = roles(base());
    expectAccepted(run(w, { type: 'createRecord', account: 'Acme', user: 'full', record: 'Mine', authentication: { userCredentials: true, tokenBased: false } }).outcome);
    expectRefused(run(w, { type: 'createRecord', account: 'Acme', user: 'lister', record: 'Mine', authentication: { userCredentials: true, tokenBased: false } }).outcome, 'PERM-02');
    const full = run(w, { type: 'searchOperations', account: 'Acme', user: 'full' }).outcome;
    const list = run(w, { type: 'searchOperations', account: 'Acme', user: 'lister' }).outcome;
    expect(full.kind === 'accepted' && full.view?.type === 'operationsSearch' && full.view.integrationField).toBe(true);
    expect(list.kind === 'accepted' && list.view?.type === 'operationsSearch' && list.view.integrationField).toBe(false);
  });
});

describe('logs', () => {
  it('LOG-01: the execution log holds the record\'s own requests; the usage log holds all', () => {
    const r = run(base([{ type: 'createRecord', account: 'Partner', record: 'Other', authentication: { userCredentials: true, tokenBased: false } }]),
      soap('Partner', '2019.1', passport('App')), soap('Partner', '2019.1', passport('Other')), soap('Partner', '2019.1', passport('Other')));
    const acc = r.world.accounts.Partner;
    expect(acc.installations.App.log).toHaveLength(1);
    expect(acc.installations.Other.log).toHaveLength(2);
    expect(acc.usageLog.toArray().map((e) => e.trackedBy)).toEqual(['App', 'Other', 'Other']);
  });

  it('LOG-02 ASM-10: RESTlet calls reach the execution log only with TBA, and never the SOAP usage log', () => {
    const w = run(base(), { type: 'createAccessToken', account: 'Partner', record: 'App', token: 't' }).world;
    const r = run(w,
      { type: 'request', request: { channel: 'restlet', account: 'Partner', method: 'GET', auth: tba('App', 't') } },
      { type: 'request', request: { channel: 'restlet', account: 'Partner', method: 'POST', auth: passport() } });
    expectAccepted(r.outcome);
    expect(r.world.accounts.Partner.installations.App.log.toArray().map((e) => e.operation)).toEqual(['GET']);
    expect(r.world.accounts.Partner.usageLog).toHaveLength(0);
  });
});

describe('sandbox refresh', () => {
  const withSandboxRecords = () =>
    run(base(),
      { type: 'createRecord', account: 'Acme', record: 'Prod', authentication: { userCredentials: true, tokenBased: true } },
      { type: 'editRecord', account: 'Acme', record: 'Prod', changes: { state: 'blocked', note: 'hold' } },
      { type: 'createRecord', account: 'Acme SB', record: 'SbOnly', authentication: { userCredentials: true, tokenBased: true } },
      { type: 'createAccessToken', account: 'Acme SB', record: 'SbOnly', token: 'sbt' },
      soap('Acme SB', '2019.1', passport('SbOnly'))).world;

  it('SBX-01 SBX-03 ASM-05: a refresh overwrites the sandbox with production records, settings, and no tokens (FACT-04)', () => {
    const r = run(withSandboxRecords(), { type: 'refreshSandbox', account: 'Acme SB' });
    expectAccepted(r.outcome);
    const sb = r.world.accounts['Acme SB'];
    expect(sb.installations.Prod).toMatchObject({ state: 'blocked', note: 'hold', origin: 'refreshCopy' });
    expect(Object.values(r.world.tokens).filter((t) => t.account === 'Acme SB')).toHaveLength(0);
    expect(sb.usageLog).toHaveLength(0);
  });

  it('SBX-02: a sandbox-only record is removed by the refresh (and kept under the deliberate fault)', () => {
    const r = run(withSandboxRecords(), { type: 'refreshSandbox', account: 'Acme SB' });
    expect(stateOf(r.world, 'Acme SB', 'SbOnly')).toBe('removed');
    const faulty = run({ ...withSandboxRecords(), config: { ...withSandboxRecords().config, faults: ['SBX-02'] } }, { type: 'refreshSandbox', account: 'Acme SB' });
    expect(stateOf(faulty.world, 'Acme SB', 'SbOnly')).toBe('enabled');
  });

  it('SBX-04 SBX-05 ASM-13: a removed record auto-installs back with an empty log and Note, without full control', () => {
    const w = run(withSandboxRecords(), { type: 'refreshSandbox', account: 'Acme SB' }).world;
    const r = run(w, soap('Acme SB', '2019.1', passport('SbOnly')));
    expectAccepted(r.outcome);
    expect(r.outcome.rules).toContain('SBX-04');
    const inst = r.world.accounts['Acme SB'].installations.SbOnly;
    expect(inst).toMatchObject({ origin: 'autoInstall', note: '' });
    expect(inst.log).toHaveLength(1);
    expectRefused(run(r.world, { type: 'editRecord', account: 'Acme SB', record: 'SbOnly', changes: { name: 'x' } }).outcome, 'ASM-13');
  });

  it('ASM-13 ASM-03: a sandbox record lost, then auto-installed back, is not its creator\'s again after the next refresh', () => {
    const r = run(base(),
      { type: 'createRecord', account: 'Acme SB', record: 'Dev', authentication: { userCredentials: true, tokenBased: false } },
      { type: 'refreshSandbox', account: 'Acme SB' },
      soap('Acme SB', '2019.1', passport('Dev')),
      soap('Acme', '2019.1', passport('Dev')),
      { type: 'refreshSandbox', account: 'Acme SB' });
    expect(r.world.accounts['Acme SB'].installations.Dev).toMatchObject({ state: 'enabled', origin: 'refreshCopy' });
    expectRefused(run(r.world, { type: 'editRecord', account: 'Acme SB', record: 'Dev', changes: { name: 'x' } }).outcome, 'ASM-13');
  });

  it('ASM-13: a sandbox record lost in a refresh stays frozen even when production held it meanwhile', () => {
    const r = run(base(),
      { type: 'createRecord', account: 'Acme SB', record: 'Dev', authentication: { userCredentials: true, tokenBased: false } },
      { type: 'refreshSandbox', account: 'Acme SB' },
      soap('Acme', '2019.1', passport('Dev')),
      { type: 'refreshSandbox', account: 'Acme SB' });
    expect(r.world.accounts['Acme SB'].installations.Dev).toMatchObject({ state: 'enabled', origin: 'refreshCopy' });
    expectRefused(run(r.world, { type: 'editRecord', account: 'Acme SB', record: 'Dev', changes: { name: 'x' } }).outcome, 'ASM-13');
  });

  it('ASM-04 ASM-12: a record production holds by a bundle is copied as a bundle installation, and uninstalling the bundle removes it', () => {
    const w = run(base(),
      { type: 'createBundle', account: 'Partner', bundle: 'B', records: ['App'] },
      { type: 'installBundle', account: 'Acme', bundle: 'B' },
      { type: 'refreshSandbox', account: 'Acme SB' }).world;
    expect(w.accounts['Acme SB'].installations.App).toMatchObject({ state: 'enabled', origin: 'bundle', bundle: 'B' });
    const r = run(w, { type: 'uninstallBundle', account: 'Acme SB', bundle: 'B' });
    expect(stateOf(r.world, 'Acme SB', 'App')).toBe('removed');
    expect(stateOf(r.world, 'Acme', 'App')).toBe('enabled');
  });

  it('SBX-06: the development process: test in the sandbox, then create a new record in production', () => {
    const r = run(base(),
      { type: 'createRecord', account: 'Acme SB', record: 'Draft', authentication: { userCredentials: false, tokenBased: true } },
      { type: 'createRecord', account: 'Acme', record: 'Final', authentication: { userCredentials: false, tokenBased: true } },
      { type: 'refreshSandbox', account: 'Acme SB' });
    expect(r.world.records.Final.owner).toBe('Acme');
    expect(r.world.records.Final.applicationId).not.toBe(r.world.records.Draft.applicationId);
    expect(stateOf(r.world, 'Acme SB', 'Final')).toBe('enabled');
    expect(stateOf(r.world, 'Acme SB', 'Draft')).toBe('removed');
  });
});

describe('validation and determinism', () => {
  it('malformed input is an invalid outcome naming what is allowed; the world is unchanged', () => {
    const w = base();
    const unknown = apply(w, soap('Nowhere', '2019.1', passport('App')));
    expect(unknown.outcome).toMatchObject({ kind: 'invalid', at: 'request.account' });
    expect(unknown.world).toBe(w);
    const badEndpoint = apply(w, soap('Partner', '2013.1' as EndpointVersion, passport('App')));
    expect(badEndpoint.outcome).toMatchObject({ kind: 'invalid', at: 'request.endpoint' });
    const badId = apply(w, soap('Partner', '2019.1', { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { literal: 'xyz' } }));
    expect(badId.outcome).toMatchObject({ kind: 'invalid', problem: 'malformed Application ID' });
  });

  it('same seed, same world; the world is never mutated', () => {
    const a = base();
    const frozen = JSON.stringify(a);
    run(a, soap('Customer', '2019.1', passport('App')), { type: 'refreshSandbox', account: 'Acme SB' });
    expect(JSON.stringify(a)).toBe(frozen);
    expect(JSON.stringify(base())).toBe(frozen);
  });

  it('redaction hides Application IDs and secrets in printed worlds', () => {
    const w = base();
    const text = JSON.stringify(redact(w));
    expect(text).not.toContain(w.records.App.applicationId);
    expect(text).not.toContain(w.records.App.consumerSecret);
    expect(findConfidential(text)).toEqual([]);
    expect(findConfidential(JSON.stringify(w)).length).toBeGreaterThan(0);
  });

  it('every rule ID names a model test, and the assumptions module lists ASM-01 onwards with no gap', () => {
    const dir = join(process.cwd(), 'model');
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\bit\('([^']*)'/g)].map((m) => m[1]));
    const unnamed = RULE_IDS.filter((id) => !names.some((n) => new RegExp(`\\b${id}\\b`).test(n)));
    expect(unnamed).toEqual([]);
    expect(ASSUMPTION_IDS.length).toBeGreaterThanOrEqual(19);
    expect(ASSUMPTION_IDS).toEqual(Array.from({ length: ASSUMPTION_IDS.length }, (_, i) => `ASM-${String(i + 1).padStart(2, '0')}`));
    for (const id of ASSUMPTION_IDS) expect(ASSUMPTIONS[id].choice.length).toBeGreaterThan(10);
  });
});

describe('Application IDs under a collision', () => {
  it('REC-02: a drawn Application ID another record already has is drawn again, so IDs stay unique', () => {
    const w = base();
    // The ID the generator would draw next, planted on an existing record.
    const next = formatApplicationId(drawHex(w.rng, 4).value);
    const planted: World = { ...w, records: { ...w.records, App: { ...w.records.App, applicationId: next } } };
    const drawn = drawApplicationId(planted);
    expect(drawn.value).not.toBe(next);
    expect(drawn.value).toMatch(APPLICATION_ID_PATTERN);
    // Without the collision, the first draw is taken.
    expect(drawApplicationId(w).value).toBe(next);
  });
});

describe('edits, field by field', () => {
  it('OWN-03: a field given as undefined is no change, so an installing account may still edit its State', () => {
    const w = base();
    const installed = run(w, { type: 'request', request: { channel: 'soap', account: 'Customer', endpoint: '2019.1', operation: 'get', auth: { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { of: 'App' } } } });
    expect(installed.outcome.kind).toBe('accepted');
    const edit = run(installed.world, { type: 'editRecord', account: 'Customer', record: 'App', changes: { name: undefined, state: 'blocked' } });
    expect(edit.outcome).toMatchObject({ kind: 'accepted', rules: expect.arrayContaining(['STATE-03', 'OWN-03']) });
    expect(edit.world.accounts.Customer.systemNotes.at(-1)?.fields).toEqual(['state']);
  });

  it('FACT-01: Waiting for Approval may be kept but never set; keeping it moves nothing', () => {
    const w = base([{ type: 'setPreference', account: 'Customer', preference: 'requireApproval', value: true }]);
    const waiting = run(w, { type: 'request', request: { channel: 'soap', account: 'Customer', endpoint: '2019.1', operation: 'get', auth: { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { of: 'App' } } } });
    expect(waiting.world.accounts.Customer.installations.App.state).toBe('waitingForApproval');
    const kept = run(waiting.world, { type: 'editRecord', account: 'Customer', record: 'App', changes: { state: 'waitingForApproval', note: 'checked' } });
    expect(kept.outcome).toMatchObject({ kind: 'accepted', transitions: [] });
    const set = run(w, { type: 'editRecord', account: 'Partner', record: 'App', changes: { state: 'waitingForApproval' } });
    expect(set.outcome).toMatchObject({ kind: 'refused', rule: 'FACT-01', fault: { code: 'INVALID_FLD_VALUE' } });
  });
});

describe('what apply refuses to hide', () => {
  it('a seed that is not an integer is a programming error, named', () => {
    expect(() => createWorld({ seed: 1.5 })).toThrow(new RangeError('seed must be an integer, got 1.5'));
  });

  it('only malformed input becomes an invalid outcome: a bug in the model (here provoked by input no parser lets through) is thrown', () => {
    const w = base();
    expect(() => apply(w, { type: 'editRecord', account: 'Partner', record: 'App', changes: null as never })).toThrow(TypeError);
  });
});
