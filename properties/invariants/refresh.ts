import type { Expectation } from '../../model';
import { define } from './step';
import { isPresent, stateExpectation, stateIn } from './vocabulary';

/** Sandbox refresh. */

export const refresh = define(
  'SBX-01 SBX-02 SBX-03 ASM-03 ASM-04 ASM-05 FACT-04 after a refresh the sandbox holds exactly production\'s records with production\'s State and Note, no sandbox-only record, no token, no open session and empty logs',
  (step) => {
    const cmd = step.command;
    if (cmd.type !== 'refreshSandbox' || step.outcome.kind !== 'accepted') return undefined;
    const { before, after } = step;
    const sandbox = after.accounts[cmd.account];
    const production = sandbox.production ? after.accounts[sandbox.production] : undefined;
    if (!production) return { message: `"${cmd.account}" was refreshed without a production account` };
    const expectations: Expectation[] = [];
    const problems: string[] = [];
    for (const ref of Object.keys(after.records)) {
      const p = production.installations[ref];
      const s = sandbox.installations[ref];
      if (p && isPresent(p.state)) {
        expectations.push(stateExpectation(cmd.account, ref, p.state));
        if (!s || s.state !== p.state || s.note !== p.note || s.log.length !== 0) problems.push(`"${ref}" is ${s?.state ?? 'absent'} in the sandbox, ${p.state} in production`);
        else if (s.origin === 'created' && after.records[ref].owner !== cmd.account) problems.push(`"${ref}" came with full control`);
      } else if (s && isPresent(s.state)) {
        expectations.push(stateExpectation(cmd.account, ref, 'removed'));
        problems.push(`sandbox-only "${ref}" is still ${s.state}`);
      } else if (isPresent(stateIn(before, cmd.account, ref))) {
        expectations.push(stateExpectation(cmd.account, ref, 'removed'));
      }
    }
    if (problems.length > 0) return { message: `refreshing "${cmd.account}" from "${production.name}": ${problems.join('; ')}`, expectations };
    for (const t of Object.values(after.tokens)) if (t.account === cmd.account) return { message: `the token "${t.handle}" survived the refresh of "${cmd.account}"` };
    for (const s of Object.values(after.sessions)) if (s.account === cmd.account && s.active) return { message: `the session "${s.handle}" survived the refresh of "${cmd.account}"` };
    if (sandbox.usageLog.length > 0 || sandbox.defaultRecord.log.length > 0 || sandbox.systemNotes.length > 0) return { message: `the refresh of "${cmd.account}" kept logs or system notes` };
    if (sandbox.preferences.requireApproval !== production.preferences.requireApproval || sandbox.preferences.tokenBasedAuthentication !== production.preferences.tokenBasedAuthentication
      || sandbox.defaultRecord.state !== production.defaultRecord.state) return { message: `the refresh of "${cmd.account}" did not copy production's preferences and Default record` };
    return undefined;
  },
  ['refreshSandbox'],
);
