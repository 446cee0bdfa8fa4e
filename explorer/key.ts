import type { Account, World } from '../model/types';
import type { ExplorerConfig } from './config';

/**
 * The canonical key of a world: what the rules depend on, nothing else.
 * Kept: per account its preferences, Default record State, and per record the installation's
 * lifecycle state, origin (and bundle), and whether it has a Note; per record its existence,
 * Name, Description, permitted methods and whether its credentials were ever regenerated;
 * tokens (account, record), bundle installations, sessions.
 * Abstracted: logs, system notes, sequence numbers and every generated value (Application IDs,
 * keys, secrets). Logs only grow and no rule reads an old entry, generated values are
 * compared only for equality, so two worlds equal on the key answer every command alike
 * (up to those values), which makes the space finite.
 * Symmetry: accounts declared interchangeable are sorted by their own key, so permutations
 * of them count once. Sound only when the configuration treats them identically (same kind,
 * same commands, no record owned), which `parseConfig` checks.
 */
export function makeKey(config: ExplorerConfig): (world: World) => string {
  const records = config.records.map((r) => r.name);
  const accountNames = config.accounts.map((a) => a.name);
  const symmetric = new Map<string, number>();
  config.symmetric.forEach((group, i) => group.forEach((a) => symmetric.set(a, i)));

  const accountKey = (account: Account | undefined, extra: string): string => {
    if (!account) return '-';
    let s = `${account.preferences.requireApproval ? 'A' : 'a'}${account.preferences.tokenBasedAuthentication ? 'T' : 't'}${account.defaultRecord.state === 'blocked' ? 'D' : 'd'}`;
    for (const r of records) {
      const inst = account.installations[r];
      s += inst ? `|${inst.state[0]}${inst.state === 'waitingForApproval' ? 'w' : ''}${inst.origin[0]}${inst.origin === 'issueToken' ? 't' : ''}${inst.bundle ?? ''}${inst.note === '' ? '' : 'n'}` : '|_';
    }
    return `${s}${extra}`;
  };

  return (world: World): string => {
    // What each account holds besides installations: tokens, bundles, open sessions. Kept in
    // the account's own key so that sorting symmetric accounts moves them along.
    const held = new Map<string, string[]>();
    const add = (account: string, item: string) => {
      const list = held.get(account);
      if (list) list.push(item);
      else held.set(account, [item]);
    };
    for (const t of Object.values(world.tokens)) add(t.account, `t${t.record}`);
    for (const b of Object.values(world.bundles)) for (const a of b.installedIn) add(a, `b${b.name}`);
    for (const x of Object.values(world.sessions)) if (x.active) add(x.account, `s${x.record ?? ''}`);
    const parts: string[] = [];
    const groups: string[][] = config.symmetric.map(() => []);
    for (const name of accountNames) {
      const k = accountKey(world.accounts[name], `{${(held.get(name) ?? []).sort().join(',')}}`);
      const g = symmetric.get(name);
      if (g === undefined) parts.push(k);
      else groups[g].push(k);
    }
    for (const g of groups) parts.push(g.sort().join('~'));
    for (const r of records) {
      const rec = world.records[r];
      parts.push(rec ? `${rec.name}/${rec.description}/${rec.authentication.userCredentials ? 'u' : ''}${rec.authentication.tokenBased ? 't' : ''}${rec.previousConsumerKey === undefined ? '' : 'R'}` : '_');
    }
    parts.push(Object.keys(world.bundles).sort().join(','));
    return parts.join('#');
  };
}
