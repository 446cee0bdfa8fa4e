import { deriveTransitions, type Command, type Installation, type LifecycleEventType } from '../../model';
import { define } from './step';
import { stateExpectation, stateIn } from './vocabulary';

/** The lifecycle: every change of State is a statechart transition the command reports; nothing is deleted or moved. */

const ownershipAndLifecycleEvents: Readonly<Partial<Record<Command['type'], readonly LifecycleEventType[]>>> = {
  createRecord: ['CREATE'],
  editRecord: ['ENABLE', 'BLOCK'],
  installBundle: ['INSTALL_BUNDLE'],
  uninstallBundle: ['UNINSTALL_BUNDLE'],
  request: ['AUTO_INSTALL'],
  login: ['AUTO_INSTALL'],
  issueToken: ['ISSUE_TOKEN'],
  refreshSandbox: ['REFRESH_COPY', 'REFRESH_REMOVE'],
};

const STATECHART = new Set(deriveTransitions().map((t) => t.id));
const NONE: readonly LifecycleEventType[] = [];

export const lifecycle = define(
  'STATE-01 STATE-02 STATE-03 OWN-01 OWN-05 REC-03 FACT-03 every lifecycle change of an installation is a statechart transition the command reports; records, owners and installations are never deleted or moved',
  (step) => {
    const { before, after, outcome, command } = step;
    if (outcome.kind === 'invalid') return undefined;
    const allowed = ownershipAndLifecycleEvents[command.type] ?? NONE;
    for (const t of outcome.transitions) {
      if (!STATECHART.has(t.transition)) return { message: `${command.type} moved "${t.record}" in "${t.account}" by ${t.transition}, which is not a transition of the statechart` };
      if (!allowed.includes(t.event)) return { message: `${command.type} moved "${t.record}" in "${t.account}" by ${t.event}, which it never sends` };
      const s0 = stateIn(before, t.account, t.record);
      const s1 = stateIn(after, t.account, t.record);
      if (t.from !== s0 || t.to !== s1) return { message: `${command.type} reported ${t.from} -> ${t.to} for "${t.record}" in "${t.account}", but it went ${s0} -> ${s1}` };
      // A move is the owner's when the account created the record and the installation is its creator's (REC-03, OWN-01).
      const owner = after.records[t.record]?.owner === t.account && after.accounts[t.account]?.installations[t.record]?.origin === 'created';
      if (t.owner !== owner) return { message: `${command.type} reported the move of "${t.record}" in "${t.account}" as ${t.owner ? '' : 'not '}the owner's` };
    }
    const reported = (account: string, record: string) => outcome.transitions.some((t) => t.account === account && t.record === record);
    if (before.records !== after.records) {
      for (const ref in before.records) {
        const r0 = before.records[ref];
        const r1 = after.records[ref];
        if (!r1) return { message: `${command.type} deleted the record "${ref}"` };
        if (r1.owner !== r0.owner) return { message: `${command.type} moved the ownership of "${ref}" from "${r0.owner}" to "${r1.owner}"` };
      }
    }
    for (const name of step.changedAccounts) {
      const y = after.accounts[name];
      const x = before.accounts[name];
      if (x && x.installations === y.installations) continue;
      const xs: Readonly<Record<string, Installation>> = x?.installations ?? {};
      for (const r in xs) if (!y.installations[r]) return { message: `${command.type} deleted the installation of "${r}" in "${name}"` };
      for (const r in y.installations) {
        const i = y.installations[r];
        const s0 = xs[r]?.state ?? 'absent';
        if (s0 !== i.state && !reported(name, r)) {
          return { message: `${command.type} moved "${r}" in "${name}" from ${s0} to ${i.state} without a statechart transition`, expectations: [stateExpectation(name, r, s0)] };
        }
      }
    }
    return undefined;
  },
);
