import type { Account } from '../../model';
import { describeCall, isDataCenterUrls, namedRecord } from './calls';
import { define, type Problem, type Step } from './step';
import { mismatch, said } from './vocabulary';

/** Tracking and logs: which record an accepted request is tracked by, and where it is logged. */

export const tracking = define(
  'AUTH-02 AUTH-04 AUTH-05 LOG-01 LOG-02 ASM-10 every accepted request is tracked by the record it names (on 2015.2 and later exactly one non-default record) and logged once in that record\'s execution log and the account\'s SOAP usage log, and nowhere else',
  (step) => {
    const c = step.call;
    const o = step.outcome;
    if (!c || o.kind !== 'accepted') return logsOnlyFromRequests(step);
    if (isDataCenterUrls(c)) return undefined;
    const tracked = o.trackedBy;
    if (!tracked) return { message: `${describeCall(c)} was accepted without saying which record tracked it` };
    // Which record should track it, from the authentication alone.
    let expected: 'none' | 'default' | string;
    if (c.channel === 'restlet') expected = c.auth.kind === 'tba' ? c.auth.consumerKey.of : 'none';
    else {
      const named = namedRecord(step.before, c);
      expected = named === null ? 'default' : named ?? '?';
    }
    const got = tracked.by === 'record' ? tracked.record : tracked.by;
    if (expected === 'default' && c.era !== 'legacy') return mismatch(step, `${describeCall(c)} without an Application ID`, 'AUTH-05');
    if (got !== expected) return { message: `${describeCall(c)} was tracked by ${got}; expected ${expected}` };
    // Exactly one log entry, where it belongs.
    const a0 = step.before.accounts[c.account];
    const a1 = step.after.accounts[c.account];
    const reinstalled = (r: string) => o.transitions.some((t) => t.account === c.account && t.record === r);
    const usageGrowth = a1.usageLog.length - a0.usageLog.length;
    const defaultGrowth = a1.defaultRecord.log.length - a0.defaultRecord.log.length;
    const soap = c.channel === 'soap';
    if (usageGrowth !== (soap ? 1 : 0)) return { message: `${describeCall(c)} added ${usageGrowth} usage log entries; expected ${soap ? 1 : 0}` };
    if (soap) {
      const last = a1.usageLog.last();
      if (last?.trackedBy !== got || last.seq !== step.after.seq || last.operation !== c.operation || last.endpoint !== c.endpoint || last.channel !== 'soap') return { message: `${describeCall(c)}: the usage log entry names ${last?.trackedBy}; expected ${got}` };
    }
    if (defaultGrowth !== (got === 'default' ? 1 : 0)) return { message: `${describeCall(c)} added ${defaultGrowth} entries to the Default record's log` };
    const d = a1.defaultRecord.log.last();
    if (got === 'default' && (d?.operation !== c.operation || d.endpoint !== c.endpoint || d.seq !== step.after.seq)) return { message: `${describeCall(c)}: the Default record's log entry says ${d?.operation} ${d?.endpoint ?? ''}` };
    for (const r in a1.installations) {
      const inst = a1.installations[r];
      const was = reinstalled(r) ? 0 : a0.installations[r]?.log.length ?? 0;
      const growth = inst.log.length - was;
      const want = r === got ? 1 : 0;
      if (growth !== want) return { message: `${describeCall(c)} added ${growth} entries to the execution log of "${r}" in "${c.account}"; expected ${want}` };
      if (want === 1) {
        const e = inst.log.last();
        if (!e || e.operation !== c.operation || e.channel !== c.channel || e.endpoint !== c.endpoint) return { message: `${describeCall(c)}: the execution log entry says ${e ? `${e.channel} ${e.operation} ${e.endpoint ?? ''}` : 'nothing'}` };
      }
    }
    for (const name of step.changedAccounts) {
      if (name === c.account) continue;
      const d = logDifference(step.before.accounts[name], step.after.accounts[name]);
      if (d) return { message: `${describeCall(c)} changed the ${d} of "${name}"` };
    }
    return undefined;
  },
);

function logDifference(x: Account | undefined, y: Account): string | undefined {
  if (x === y || !x) return undefined;
  if (x.usageLog !== y.usageLog && x.usageLog.length !== y.usageLog.length) return 'usage log';
  if (x.defaultRecord.log.length !== y.defaultRecord.log.length) return 'Default record log';
  if (x.installations === y.installations) return undefined;
  for (const r in y.installations) {
    const i = y.installations[r];
    const was = x.installations[r];
    if (was !== i && (was?.log.length ?? 0) !== i.log.length) return `execution log of "${r}"`;
  }
  return undefined;
}

/** Commands other than accepted requests never add log entries (LOG-01, ASM-06). */
function logsOnlyFromRequests(step: Step): Problem | undefined {
  for (const name of step.changedAccounts) {
    const y = step.after.accounts[name];
    const x = step.before.accounts[name];
    if (!x) continue;
    if (y.usageLog.length > x.usageLog.length || y.defaultRecord.log.length > x.defaultRecord.log.length) return { message: `${step.command.type} (${said(step.outcome)}) added to the logs of "${name}"` };
    if (x.installations === y.installations) continue;
    for (const r in y.installations) {
      const i = y.installations[r];
      if (i.log.length > (x.installations[r]?.log.length ?? 0)) return { message: `${step.command.type} (${said(step.outcome)}) added to the execution log of "${r}" in "${name}"` };
    }
  }
  return undefined;
}
