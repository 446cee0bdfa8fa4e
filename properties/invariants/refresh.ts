import type { Expectation } from '../../model';
import { define } from './step';
import { createdAndHeld, isPresent, stateExpectation, stateIn } from './vocabulary';

/** Sandbox refresh. */

export const refresh = define(
  'SBX-01 SBX-02 SBX-03 ASM-03 ASM-04 ASM-05 ASM-13 FACT-04 after a refresh the sandbox holds exactly production\'s records with production\'s State and Note, production\'s bundles, full control only of its own records still held, no sandbox-only record, no token, no open session and empty logs',
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
        // The sandbox stays the owner of a record it created and held (ASM-03) and of nothing else (ASM-13).
        else if ((s.origin === 'created') !== createdAndHeld(before, cmd.account, ref)) problems.push(`"${ref}" ${s.origin === 'created' ? 'came with' : 'lost'} full control`);
        // Held by a bundle in production, it comes as that bundle's installation, and the bundle with it (ASM-04).
        else if (p.origin === 'bundle' && s.origin !== 'created' && (s.origin !== 'bundle' || s.bundle !== p.bundle || !after.bundles[p.bundle ?? '']?.installedIn.includes(cmd.account))) {
          problems.push(`"${ref}", installed by the bundle "${p.bundle}" in production, came as ${s.origin}${s.bundle ? ` of "${s.bundle}"` : ''}`);
        }
      } else if (s && isPresent(s.state)) {
        expectations.push(stateExpectation(cmd.account, ref, 'removed'));
        problems.push(`sandbox-only "${ref}" is still ${s.state}`);
      } else if (s && (s.note !== '' || s.log.length > 0)) {
        // Removed, the sandbox keeps none of the record's data (SBX-02, like an uninstall, FACT-03).
        problems.push(`removed "${ref}" kept its Note or log`);
      } else if (isPresent(stateIn(before, cmd.account, ref))) {
        expectations.push(stateExpectation(cmd.account, ref, 'removed'));
      }
    }
    if (problems.length > 0) return { message: `refreshing "${cmd.account}" from "${production.name}": ${problems.join('; ')}`, expectations };
    // The sandbox has production's bundles installed, and no other (ASM-04).
    for (const b of Object.values(after.bundles)) {
      if (b.installedIn.includes(cmd.account) !== b.installedIn.includes(production.name)) return { message: `after the refresh of "${cmd.account}" the bundle "${b.name}" is installed in ${b.installedIn.includes(cmd.account) ? 'the sandbox only' : 'production only'}` };
    }
    for (const t of Object.values(after.tokens)) if (t.account === cmd.account) return { message: `the token "${t.handle}" survived the refresh of "${cmd.account}"` };
    for (const [handle, s] of Object.entries(after.sessions)) if (s.account !== cmd.account && s !== before.sessions[handle]) return { message: `the refresh of "${cmd.account}" changed the session "${handle}" of "${s.account}"` };
    for (const s of Object.values(after.sessions)) if (s.account === cmd.account && s.active) return { message: `the session "${s.handle}" survived the refresh of "${cmd.account}"` };
    if (sandbox.usageLog.length > 0 || sandbox.defaultRecord.log.length > 0 || sandbox.systemNotes.length > 0) return { message: `the refresh of "${cmd.account}" kept logs or system notes` };
    if (sandbox.preferences.requireApproval !== production.preferences.requireApproval || sandbox.preferences.tokenBasedAuthentication !== production.preferences.tokenBasedAuthentication
      || sandbox.defaultRecord.state !== production.defaultRecord.state) return { message: `the refresh of "${cmd.account}" did not copy production's preferences and Default record` };
    return undefined;
  },
  ['refreshSandbox'],
);
