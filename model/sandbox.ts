import { Log } from './log';
import type { CommandOf } from './commands';
import type { InstallationStep, Outcome } from './outcomes';
import { accepted, getAccount, hasFault, invalid, isPresent, move, withAccount } from './state';
import type { PresentState } from './lifecycle.machine';
import type { World } from './types';

type Result = { world: World; outcome: Outcome };

/**
 * A sandbox refresh overwrites the sandbox with its production account's data (SBX-01):
 * production's records are copied with their State and Note (SBX-03; ownership ASM-03/04),
 * sandbox-only records are removed (SBX-02), and logs, notes, tokens and sessions go (ASM-05, FACT-04).
 */
export function refreshSandbox(world: World, cmd: CommandOf<'refreshSandbox'>): Result {
  const sandbox = getAccount(world, cmd.account);
  if (sandbox.kind !== 'sandbox' || !sandbox.production) {
    invalid('account', `"${sandbox.name}" is a ${sandbox.kind} account, not a sandbox`, 'the name of a sandbox account');
  }
  const production = getAccount(world, sandbox.production, 'account.production');
  let w = world;
  const transitions: InstallationStep[] = [];
  const copied: string[] = [];
  const removed: string[] = [];
  for (const ref of Object.keys(w.records)) {
    const prod = production.installations[ref];
    const here = w.accounts[sandbox.name].installations[ref];
    if (prod && isPresent(prod.state)) {
      // The sandbox keeps full control only while it still holds its own record (ASM-03, ASM-13).
      const ownHere = w.records[ref].owner === sandbox.name && here?.origin === 'created' && isPresent(here.state);
      // A bundle installation is copied as one, with the bundle, so uninstalling it works there too (ASM-04).
      const origin = ownHere ? 'created' : prod.origin === 'bundle' ? 'bundle' : 'refreshCopy';
      const bundle = origin === 'bundle' ? prod.bundle : undefined;
      const moved = move(w, sandbox.name, ref, { type: 'REFRESH_COPY', productionState: prod.state as PresentState }, { origin, bundle, note: prod.note, log: Log.empty() });
      if (moved) {
        w = moved.world;
        transitions.push(moved.step);
        copied.push(ref);
      }
    } else if (here && isPresent(here.state) && !hasFault(w, 'SBX-02')) {
      const moved = move(w, sandbox.name, ref, { type: 'REFRESH_REMOVE' }, { note: '', log: Log.empty(), bundle: undefined });
      if (moved) {
        w = moved.world;
        transitions.push(moved.step);
        removed.push(ref);
      }
    }
  }
  const acc = w.accounts[sandbox.name];
  w = withAccount(w, {
    ...acc,
    preferences: production.preferences,
    defaultRecord: { state: production.defaultRecord.state, log: Log.empty() },
    usageLog: Log.empty(),
    systemNotes: [],
  });
  const tokens = Object.fromEntries(Object.entries(w.tokens).filter(([, t]) => t.account !== sandbox.name));
  const sessions = Object.fromEntries(
    Object.entries(w.sessions).map(([k, s]) => [k, s.account === sandbox.name ? { ...s, active: false } : s]),
  );
  const bundles = Object.fromEntries(
    Object.entries(w.bundles).map(([k, b]) => {
      const inProduction = b.installedIn.includes(production.name);
      const others = b.installedIn.filter((a) => a !== sandbox.name);
      return [k, { ...b, installedIn: inProduction ? [...others, sandbox.name] : others }];
    }),
  );
  w = { ...w, tokens, sessions, bundles };
  return {
    world: w,
    outcome: accepted(cmd.type, ['SBX-01', 'SBX-02', 'SBX-03', 'ASM-03', 'ASM-04', 'ASM-05', 'FACT-04'], {
      transitions,
      changes: [`sandbox "${sandbox.name}" refreshed from "${production.name}": ${copied.length} copied, ${removed.length} removed`],
    }),
  };
}
