import { describe, expect, it } from 'vitest';
import { apply, applyAll, createWorld, type Auth, type Command, type Outcome, type World } from '../model';
import { checkStep, type StepContext } from './invariants';

/**
 * The checks sharpened to kill what mutation testing found (issue "The checks, checked"): each
 * catches, under its rule, a step doctored the way a mutant of the model would have left it.
 * Every world is built inside its test, so Stryker sees which test reaches which code.
 */

const BOTH = { userCredentials: true, tokenBased: true } as const;
const passport: Auth = { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { of: 'App' } };

function worldAfter(commands: readonly Command[]): World {
  const { world, outcomes } = applyAll(createWorld({ seed: 5 }), [
    { type: 'addAccount', account: 'Acme', kind: 'production' },
    { type: 'addSandbox', account: 'Acme SB', production: 'Acme' },
    { type: 'addAccount', account: 'Partner', kind: 'partner' },
    { type: 'createRecord', account: 'Partner', record: 'App', authentication: BOTH },
    { type: 'createBundle', account: 'Partner', bundle: 'Conn', records: ['App'] },
    ...commands,
  ]);
  expect(outcomes.filter((o) => o.kind !== 'accepted')).toEqual([]);
  return world;
}

function step(before: World, command: Command): StepContext {
  const { world, outcome } = apply(before, command);
  const s = { before, command, after: world, outcome };
  expect(checkStep(s), `the undoctored ${command.type}`).toBeUndefined();
  return s;
}

function accepted(o: Outcome) {
  if (o.kind !== 'accepted') throw new Error(`fixture: ${JSON.stringify(o)}`);
  return o;
}

const caughtUnder = (s: StepContext) => checkStep(s)?.rules ?? [];
const withAccount = (w: World, name: string, patch: Partial<World['accounts'][string]>): World => ({ ...w, accounts: { ...w.accounts, [name]: { ...w.accounts[name], ...patch } } });

describe('the sharpened invariants catch doctored steps', () => {
  it('OWN-04: an edit\'s system note that names other fields than the edit changed', () => {
    const s = step(worldAfter([]), { type: 'editRecord', account: 'Partner', record: 'App', changes: { note: 'n' } });
    const notes = s.after.accounts.Partner.systemNotes;
    const wrong = notes.map((n, i) => (i === notes.length - 1 ? { ...n, fields: ['name'] } : n));
    expect(caughtUnder({ ...s, after: withAccount(s.after, 'Partner', { systemNotes: wrong }) })).toContain('OWN-04');
  });

  it('REC-05: a regeneration that writes no system note', () => {
    const s = step(worldAfter([]), { type: 'regenerateCredentials', account: 'Partner', record: 'App' });
    expect(caughtUnder({ ...s, after: withAccount(s.after, 'Partner', { systemNotes: s.before.accounts.Partner.systemNotes }) })).toContain('REC-05');
  });

  it('PERM-02 REC-03: an operations search naming the wrong Integration, a record page misstating its owner', () => {
    const w = worldAfter([{ type: 'request', request: { channel: 'soap', account: 'Partner', endpoint: '2019.1', operation: 'get', auth: passport } }]);
    const search = step(w, { type: 'searchOperations', account: 'Partner' });
    const o = accepted(search.outcome);
    if (o.view?.type !== 'operationsSearch') throw new Error('fixture');
    const renamed = { ...o, view: { ...o.view, entries: o.view.entries.map((e) => ({ ...e, integration: 'Another app' })) } };
    expect(caughtUnder({ ...search, outcome: renamed })).toContain('PERM-02');
    const page = step(w, { type: 'viewRecord', account: 'Partner', record: 'App' });
    const p = accepted(page.outcome);
    if (p.view?.type !== 'record') throw new Error('fixture');
    expect(caughtUnder({ ...page, outcome: { ...p, view: { ...p.view, owned: false } } })).toContain('REC-03');
  });

  it('FACT-03: an uninstall that leaves the Note of the record it removed', () => {
    const w = worldAfter([
      { type: 'installBundle', account: 'Acme', bundle: 'Conn' },
      { type: 'editRecord', account: 'Acme', record: 'App', changes: { note: 'ours' } },
    ]);
    const s = step(w, { type: 'uninstallBundle', account: 'Acme', bundle: 'Conn' });
    const inst = s.after.accounts.Acme.installations.App;
    const kept = withAccount(s.after, 'Acme', { installations: { ...s.after.accounts.Acme.installations, App: { ...inst, note: 'ours' } } });
    expect(caughtUnder({ ...s, after: kept })).toContain('FACT-03');
  });

  it('ASM-04 ASM-03: a refresh that copies a bundle installation as something else, or keeps another account\'s session from changing', () => {
    const w = worldAfter([
      { type: 'installBundle', account: 'Acme', bundle: 'Conn' },
      { type: 'login', account: 'Partner', endpoint: '2019.1', operation: 'login', session: 'S1', auth: passport },
    ]);
    const s = step(w, { type: 'refreshSandbox', account: 'Acme SB' });
    const inst = s.after.accounts['Acme SB'].installations.App;
    expect(inst).toMatchObject({ origin: 'bundle', bundle: 'Conn' });
    const asCopy = withAccount(s.after, 'Acme SB', { installations: { ...s.after.accounts['Acme SB'].installations, App: { ...inst, origin: 'refreshCopy', bundle: undefined } } });
    expect(caughtUnder({ ...s, after: asCopy })).toContain('ASM-04');
    const closed = { ...s.after, sessions: { ...s.after.sessions, S1: { ...s.after.sessions.S1, active: false } } };
    expect(caughtUnder({ ...s, after: closed })).toContain('SBX-01');
  });

  it('REC-03: a move reported as the owner\'s in an account that did not create the record', () => {
    const s = step(worldAfter([]), { type: 'installBundle', account: 'Acme', bundle: 'Conn' });
    const o = accepted(s.outcome);
    expect(o.transitions[0].owner).toBe(false);
    expect(caughtUnder({ ...s, outcome: { ...o, transitions: [{ ...o.transitions[0], owner: true }] } })).toContain('REC-03');
  });

  it('OWN-01: a record the account does not hold refused with another code than RCRD_DSNT_EXIST', () => {
    const s = step(worldAfter([]), { type: 'viewRecord', account: 'Acme', record: 'App' });
    const o = s.outcome;
    if (o.kind !== 'refused') throw new Error('fixture');
    expect(o.fault.code).toBe('RCRD_DSNT_EXIST');
    expect(caughtUnder({ ...s, outcome: { ...o, fault: { ...o.fault, code: 'INVALID_REQUEST' } } })).toContain('OWN-01');
  });

  it('OWN-03 OWN-04 ASM-20: an edit refused with another code, a system note out of sequence, an acceptance that says nothing changed', () => {
    const w = worldAfter([]);
    const refused = step(w, { type: 'editRecord', account: 'Partner', record: 'App', changes: { applicationId: 'x' } });
    const r = refused.outcome;
    if (r.kind !== 'refused') throw new Error('fixture');
    expect(caughtUnder({ ...refused, outcome: { ...r, fault: { ...r.fault, code: 'INVALID_FLD_VALUE' } } })).toContain('OWN-03');
    const edit = step(w, { type: 'editRecord', account: 'Partner', record: 'App', changes: { note: 'n' } });
    const notes = edit.after.accounts.Partner.systemNotes;
    const renumbered = notes.map((n, i) => (i === notes.length - 1 ? { ...n, seq: n.seq - 2 } : n));
    expect(caughtUnder({ ...edit, after: withAccount(edit.after, 'Partner', { systemNotes: renumbered }) })).toContain('OWN-04');
    expect(caughtUnder({ ...edit, outcome: { ...accepted(edit.outcome), changes: [] } })).toContain('ASM-20');
  });

  it('LOG-01: a usage log entry that names another operation than the request\'s', () => {
    const s = step(worldAfter([]), { type: 'request', request: { channel: 'soap', account: 'Partner', endpoint: '2019.1', operation: 'get', auth: passport } });
    const log = s.after.accounts.Partner.usageLog;
    const last = log.last();
    if (!last) throw new Error('fixture');
    const relogged = withAccount(s.after, 'Partner', { usageLog: s.before.accounts.Partner.usageLog.append({ ...last, operation: 'search' }) });
    expect(caughtUnder({ ...s, after: relogged })).toContain('LOG-01');
  });
});
