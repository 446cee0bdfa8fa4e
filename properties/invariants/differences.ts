import type { Account, World } from '../../model';

/** First difference between two worlds in what commands can change; undefined when none. */
export function worldDifference(a: World, b: World): string | undefined {
  if (a === b) return undefined;
  if (a.seq !== b.seq) return `sequence ${a.seq} -> ${b.seq}`;
  if (a.records !== b.records) {
    const ka = Object.keys(a.records);
    if (ka.length !== Object.keys(b.records).length) return 'the set of records';
    for (const k of ka) {
      const x = a.records[k];
      const y = b.records[k];
      if (!y) return `record "${k}" disappeared`;
      if (x !== y && (x.name !== y.name || x.description !== y.description || x.consumerKey !== y.consumerKey || x.consumerSecret !== y.consumerSecret
        || x.applicationId !== y.applicationId || x.owner !== y.owner || x.authentication.userCredentials !== y.authentication.userCredentials
        || x.authentication.tokenBased !== y.authentication.tokenBased)) return `record "${k}"`;
    }
  }
  if (a.tokens !== b.tokens && Object.keys(a.tokens).join('\u0000') !== Object.keys(b.tokens).join('\u0000')) return 'the access tokens';
  if (a.sessions !== b.sessions) {
    const ka = Object.keys(a.sessions);
    if (ka.length !== Object.keys(b.sessions).length || ka.some((k) => b.sessions[k]?.active !== a.sessions[k].active)) return 'the sessions';
  }
  if (a.bundles !== b.bundles) {
    const ka = Object.keys(a.bundles);
    if (ka.length !== Object.keys(b.bundles).length || ka.some((k) => b.bundles[k]?.installedIn.length !== a.bundles[k].installedIn.length)) return 'the bundles';
  }
  if (a.accounts !== b.accounts) {
    const ka = Object.keys(a.accounts);
    if (ka.length !== Object.keys(b.accounts).length) return 'the set of accounts';
    for (const k of ka) {
      const d = accountDifference(a.accounts[k], b.accounts[k]);
      if (d) return `account "${k}": ${d}`;
    }
  }
  return undefined;
}

function accountDifference(x: Account, y: Account | undefined): string | undefined {
  if (x === y) return undefined;
  if (!y) return 'disappeared';
  if (x.usageLog.length !== y.usageLog.length) return 'usage log';
  if (x.systemNotes.length !== y.systemNotes.length) return 'system notes';
  if (x.defaultRecord.state !== y.defaultRecord.state || x.defaultRecord.log.length !== y.defaultRecord.log.length) return 'Default record';
  if (x.preferences.requireApproval !== y.preferences.requireApproval || x.preferences.tokenBasedAuthentication !== y.preferences.tokenBasedAuthentication) return 'preferences';
  if (Object.keys(x.users).length !== Object.keys(y.users).length) return 'users';
  if (x.installations !== y.installations) {
    const keys = new Set([...Object.keys(x.installations), ...Object.keys(y.installations)]);
    for (const r of keys) {
      const i = x.installations[r];
      const j = y.installations[r];
      if (i === j) continue;
      if (!i || !j || i.state !== j.state || i.note !== j.note || i.origin !== j.origin || i.log.length !== j.log.length) return `installation of "${r}"`;
    }
  }
  return undefined;
}
