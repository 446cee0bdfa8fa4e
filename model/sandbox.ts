import { Log } from './log';
import type { CommandOf } from './commands';
import type { InstallationStep, Outcome } from './outcomes';
import { accepted, getAccount, hasFault, invalid, isPresent, move, stateIn, withAccount } from './state';
import type { PresentState } from './lifecycle.machine';
import type { Installation, World } from './types';

type Result = { world: World; outcome: Outcome };

/**
 * A sandbox refresh overwrites the sandbox with its production account's data (SBX-01):
 * production's records are copied with their State and Note (SBX-03; ownership ASM-03/04),
 * sandbox-only records are removed (SBX-02), and logs, notes, tokens and sessions go (ASM-05, FACT-04).
 */
export function refreshSandbox(world: World, cmd: CommandOf<'refreshSandbox'>): Result {
  const sandbox = getAccount(world, cmd.account);
  // Only sandboxes have a production account.
  if (!sandbox.production) invalid('account', `"${sandbox.name}" is a ${sandbox.kind} account, not a sandbox`, 'the name of a sandbox account');
  const production = world.accounts[sandbox.production];
  let w = world;
  const transitions: InstallationStep[] = [];
  for (const ref of Object.keys(w.records)) {
    const prod = production.installations[ref];
    if (prod && isPresent(prod.state)) {
      const here = w.accounts[sandbox.name].installations[ref];
      // The sandbox keeps full control only while it still holds its own record (ASM-03, ASM-13): only the
      // creating account ever holds an installation as created;
      // a bundle installation is copied as one, with the bundle, so uninstalling it works there too (ASM-04).
      const copy: Pick<Installation, 'origin' | 'bundle'> =
        // Stryker disable next-line ObjectLiteral: the sandbox's own installation is already its creator's
        here?.origin === 'created' && isPresent(here.state) ? { origin: 'created', bundle: undefined }
          : prod.origin === 'bundle' ? { origin: 'bundle', bundle: prod.bundle }
            : { origin: 'refreshCopy', bundle: undefined };
      const moved = move(w, sandbox.name, ref, { type: 'REFRESH_COPY', productionState: prod.state as PresentState }, { ...copy, note: prod.note, log: Log.empty() });
      // Stryker disable next-line ConditionalExpression: defensive; the statechart copies into every State
      if (!moved) throw new Error(`statechart has no REFRESH_COPY into ${stateIn(w.accounts[sandbox.name], ref)}`);
      w = moved.world;
      transitions.push(moved.step);
    } else if (!hasFault(w, 'SBX-02')) {
      // The statechart removes only what the sandbox holds; removed, it keeps none of the record's data.
      const moved = move(w, sandbox.name, ref, { type: 'REFRESH_REMOVE' }, { note: '', log: Log.empty(), bundle: undefined });
      if (!moved) continue;
      w = moved.world;
      transitions.push(moved.step);
    }
  }
  // Stryker disable next-line all: counts for the statement people read; the transitions say what moved
  const removed = transitions.filter((t) => t.to === 'removed').length;
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
      changes: [`sandbox "${sandbox.name}" refreshed from "${production.name}": ${transitions.length - removed} copied, ${removed} removed`],
    }),
  };
}
