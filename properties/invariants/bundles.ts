import { define, type Problem, type Step } from './step';
import { createdAndHeld, isPresent, mismatch, stateExpectation, stateIn } from './vocabulary';

/** Bundles: what a bundle carries, what installing and uninstalling it does. */

/** A bundle of records the account does not own is a permission matter; a bundle in the wrong place, a bad request (ASM-18). */
function requestCode(step: Step, what: string): Problem | undefined {
  const o = step.outcome;
  if (o.kind !== 'refused') return undefined;
  const want = o.rule === 'OWN-03' ? 'INSUFFICIENT_PERMISSION' : 'INVALID_REQUEST';
  return o.fault.code === want ? undefined : { message: `${what} was refused by ${o.rule} with ${o.fault.code}; expected ${want}` };
}

export const bundles = define(
  'OWN-01 OWN-03 FACT-02 FACT-03 ASM-12 a bundle carries only records its account created; installing it holds each record Enabled (keeping those already held); uninstalling removes only what it brought, with their tokens',
  (step) => {
    const cmd = step.command;
    const { before, after } = step;
    if (cmd.type === 'createBundle') {
      const foreign = cmd.records.filter((r) => !createdAndHeld(before, cmd.account, r));
      const what = `bundling ${cmd.records.map((r) => `"${r}"`).join(', ')} from "${cmd.account}"`;
      return mismatch(step, what, foreign.length > 0 ? 'OWN-03' : 'accepted') ?? requestCode(step, what);
    }
    if (cmd.type !== 'installBundle' && cmd.type !== 'uninstallBundle') return undefined;
    const bundle = before.bundles[cmd.bundle];
    if (!bundle) return undefined;
    const installed = bundle.installedIn.includes(cmd.account);
    if (cmd.type === 'installBundle') {
      const what = `installing "${cmd.bundle}" (from "${bundle.account}") in "${cmd.account}"`;
      const wrong = mismatch(step, what, bundle.account === cmd.account || installed ? 'OWN-01' : 'accepted') ?? requestCode(step, what);
      if (wrong || step.outcome.kind !== 'accepted') return wrong;
      for (const r of bundle.records) {
        const i0 = before.accounts[cmd.account].installations[r];
        const i1 = after.accounts[cmd.account].installations[r];
        if (i0 && isPresent(i0.state)) {
          if (i1 !== i0 && (i1.state !== i0.state || i1.origin !== i0.origin || i1.note !== i0.note)) {
            return { message: `${what} changed "${r}", which the account already held (ASM-12)`, expectations: [stateExpectation(cmd.account, r, i0.state)] };
          }
        } else if (!i1 || i1.state !== 'enabled' || i1.origin !== 'bundle' || i1.bundle !== cmd.bundle || i1.note !== '' || i1.log.length > 0) {
          return { message: `${what} left "${r}" ${i1?.state ?? 'absent'}`, expectations: [stateExpectation(cmd.account, r, 'enabled')] };
        }
      }
      return undefined;
    }
    const what = `uninstalling "${cmd.bundle}" from "${cmd.account}"`;
    const wrong = mismatch(step, what, installed ? 'accepted' : 'OWN-01') ?? requestCode(step, what);
    if (wrong || step.outcome.kind !== 'accepted') return wrong;
    for (const r of bundle.records) {
      const i0 = before.accounts[cmd.account].installations[r];
      const s1 = stateIn(after, cmd.account, r);
      const brought = i0 !== undefined && isPresent(i0.state) && i0.origin === 'bundle' && i0.bundle === cmd.bundle;
      const want = brought ? 'removed' : i0?.state ?? 'absent';
      if (s1 !== want) return { message: `${what} left "${r}" ${s1}`, expectations: [stateExpectation(cmd.account, r, want)] };
      if (brought) {
        // Uninstalled means the account no longer holds the record's data (FACT-03); auto-installed back, it starts empty (SBX-05).
        const i1 = after.accounts[cmd.account].installations[r];
        if (i1.note !== '' || i1.log.length > 0) return { message: `${what} left the Note or the log of "${r}" in "${cmd.account}"` };
        for (const t of Object.values(after.tokens)) if (t.account === cmd.account && t.record === r) return { message: `${what} kept the token "${t.handle}" for "${r}"` };
      }
    }
    return undefined;
  },
  ['createBundle', 'installBundle', 'uninstallBundle'],
);
