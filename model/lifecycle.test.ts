import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { lifecycleMachine, type LifecycleEvent } from './lifecycle.machine';
import { compileLifecycle, deriveTransitions, LIFECYCLE_STATES, xstateStepper } from './lifecycle.table';
import { isRuleId } from './rules';

/** Every event the machine knows, with every guard-relevant payload. */
const EVENTS: LifecycleEvent[] = [
  { type: 'CREATE', blocked: false }, { type: 'CREATE', blocked: true },
  { type: 'INSTALL_BUNDLE' },
  { type: 'AUTO_INSTALL', requireApproval: false }, { type: 'AUTO_INSTALL', requireApproval: true },
  { type: 'ISSUE_TOKEN', requireApproval: false }, { type: 'ISSUE_TOKEN', requireApproval: true },
  { type: 'ENABLE' }, { type: 'BLOCK' },
  ...(['created', 'bundle', 'autoInstall', 'issueToken', 'refreshCopy'] as const).map((origin) => ({ type: 'UNINSTALL_BUNDLE' as const, origin })),
  { type: 'REFRESH_REMOVE' },
  ...(['enabled', 'blocked', 'waitingForApproval'] as const).map((productionState) => ({ type: 'REFRESH_COPY' as const, productionState })),
];

describe('lifecycle statechart', () => {
  it('the events tried below include every event the machine declares', () => {
    const declared = new Set(deriveTransitions().map((t) => t.event));
    expect(new Set(EVENTS.map((e) => e.type))).toEqual(declared);
  });

  it('the compiled table agrees with xstate transition() on every state and event', () => {
    const table = compileLifecycle();
    const reference = xstateStepper();
    for (const from of LIFECYCLE_STATES) {
      for (const event of EVENTS) {
        expect(table.step(from, event), `${from} + ${JSON.stringify(event)}`).toEqual(reference.step(from, event));
      }
    }
  });

  it('every guard is named after the rule it enforces', () => {
    const guards = Object.keys(lifecycleMachine.implementations.guards);
    expect(guards.length).toBeGreaterThan(0);
    for (const g of guards) expect(isRuleId(g.split(':')[0]), g).toBe(true);
  });

  it('every transition carries rule IDs in its meta', () => {
    for (const t of deriveTransitions()) {
      expect(t.rules.length, t.id).toBeGreaterThan(0);
      for (const r of t.rules) expect(isRuleId(r), `${t.id}: ${r}`).toBe(true);
    }
  });

  it('FACT-01 REC-03 STATE-01: creation gives Enabled or Blocked, never Waiting for Approval', () => {
    const table = compileLifecycle();
    expect(table.step('absent', { type: 'CREATE', blocked: false })?.to).toBe('enabled');
    expect(table.step('absent', { type: 'CREATE', blocked: true })?.to).toBe('blocked');
    const intoWaiting = deriveTransitions().filter((t) => t.to === 'waitingForApproval' && t.from !== 'waitingForApproval');
    expect(new Set(intoWaiting.map((t) => t.event))).toEqual(new Set(['AUTO_INSTALL', 'ISSUE_TOKEN', 'REFRESH_COPY']));
  });

  it('FACT-03: no transition deletes a record; only bundle uninstall and refresh remove an installation', () => {
    const removing = deriveTransitions().filter((t) => t.to === 'removed' && t.from !== 'removed');
    expect(new Set(removing.map((t) => t.event))).toEqual(new Set(['UNINSTALL_BUNDLE', 'REFRESH_REMOVE']));
    expect(deriveTransitions().some((t) => t.to === 'absent')).toBe(false);
  });

  it('SBX-04 OWN-02: a removed installation can be auto-installed back', () => {
    const table = compileLifecycle();
    expect(table.step('removed', { type: 'AUTO_INSTALL', requireApproval: false })?.to).toBe('enabled');
    expect(table.step('removed', { type: 'AUTO_INSTALL', requireApproval: true })?.to).toBe('waitingForApproval');
  });
});

describe('a statechart the table cannot read is refused, naming what is wrong', () => {
  // The table reads any machine of the lifecycle's shape; these are deliberately malformed ones.
  const asLifecycle = (m: unknown) => m as typeof lifecycleMachine;

  it('a leaf state the lifecycle does not know', () => {
    const m = setup({}).createMachine({ initial: 'absent', states: { absent: { on: { CREATE: 'archived' } }, archived: {} } });
    expect(() => deriveTransitions(asLifecycle(m))).toThrow('unexpected leaf state "archived"');
  });

  it('an inline guard, which coverage could not name', () => {
    const m = setup({}).createMachine({ initial: 'absent', states: { absent: { on: { CREATE: { target: 'removed', guard: () => true } } }, removed: {} } });
    expect(() => deriveTransitions(asLifecycle(m))).toThrow('unsupported guard');
  });

  it('a guard given as an object rather than by name', () => {
    const m = setup({ guards: { 'REC-01:x': () => true } }).createMachine({ initial: 'absent', states: { absent: { on: { CREATE: { target: 'removed', guard: { type: 'REC-01:x' } } } }, removed: {} } });
    expect(() => deriveTransitions(asLifecycle(m))).toThrow('unsupported guard {"type":"REC-01:x"}; use a guard named by a string');
  });

  it('a transition with no target', () => {
    const m = setup({}).createMachine({ initial: 'absent', states: { absent: { on: { CREATE: { actions: [] } } }, removed: {} } });
    expect(() => deriveTransitions(asLifecycle(m))).toThrow('CREATE from "absent" has no target');
  });

  it('the same transition declared on a state and on its parent is listed once, the child\'s', () => {
    const m = setup({}).createMachine({
      initial: 'absent',
      states: {
        absent: { on: { CREATE: '#m.present.enabled' } },
        present: { initial: 'enabled', on: { DELETE: '#m.removed' }, states: { enabled: { on: { DELETE: '#m.removed' } }, blocked: {} } },
        removed: {},
      },
      id: 'm',
    });
    const ids = deriveTransitions(asLifecycle(m)).map((t) => `${t.id} @${t.declaredOn}`);
    expect(ids.filter((id) => id.startsWith('enabled --DELETE--> removed'))).toEqual(['enabled --DELETE--> removed @m.present.enabled']);
    expect(ids).toContain('blocked --DELETE--> removed @m.present');
  });

  it('a named guard with no implementation', () => {
    const m = setup({}).createMachine({ initial: 'absent', states: { absent: { on: { CREATE: { target: 'removed', guard: 'REC-01:missing' as never } } }, removed: {} } });
    expect(() => compileLifecycle(asLifecycle(m))).toThrow('guard "REC-01:missing" has no implementation');
  });

  it('a well-formed small machine compiles, its named guard deciding', () => {
    const m = setup({ guards: { 'STATE-01:blocked': ({ event }: { event: { type: 'CREATE'; blocked?: boolean } }) => event.blocked === true } }).createMachine({
      initial: 'absent',
      states: { absent: { on: { CREATE: [{ target: 'removed', guard: 'STATE-01:blocked' }, { target: 'enabled' }] } }, removed: {}, enabled: {} },
    });
    const table = compileLifecycle(asLifecycle(m));
    expect(table.step('absent', { type: 'CREATE', blocked: true })?.to).toBe('removed');
    expect(table.step('absent', { type: 'CREATE', blocked: false })?.to).toBe('enabled');
    expect(table.step('removed', { type: 'CREATE', blocked: false })).toBeUndefined();
  });

  it('a transition into a compound state lands in its initial leaf', () => {
    const m = setup({}).createMachine({
      initial: 'absent',
      states: { absent: { on: { CREATE: 'present' } }, present: { initial: 'blocked', states: { enabled: {}, blocked: {} } } },
    });
    expect(compileLifecycle(asLifecycle(m)).step('absent', { type: 'CREATE', blocked: false })?.to).toBe('blocked');
  });
});
