import { createHmac, randomBytes } from 'node:crypto';
import type { Command } from '../../model';

/**
 * The world every client test starts from, and the client-side pieces a real integration
 * writes itself (nonce, timestamp, tokenPassport signature), computed here with node:crypto
 * rather than with the simulator's own code, so the tests never check the code against itself.
 *
 *   Acme (production, owns "App": both methods) with token "T1", sandbox "Acme SB" with
 *   token "TSB" for the refreshed copy of "App"; "Partner" owns "PartnerApp", which
 *   "Customer" (Require Approval checked) installs through the Issue Token endpoint.
 */
export const SETUP: readonly Command[] = [
  { type: 'addAccount', account: 'Acme', kind: 'production' },
  { type: 'addSandbox', account: 'Acme SB', production: 'Acme' },
  { type: 'addAccount', account: 'Partner', kind: 'partner' },
  { type: 'addAccount', account: 'Customer', kind: 'customer' },
  { type: 'createRecord', account: 'Acme', record: 'App', authentication: { userCredentials: true, tokenBased: true } },
  { type: 'createAccessToken', account: 'Acme', record: 'App', token: 'T1' },
  { type: 'refreshSandbox', account: 'Acme SB' },
  { type: 'createAccessToken', account: 'Acme SB', record: 'App', token: 'TSB' },
  { type: 'createRecord', account: 'Partner', record: 'PartnerApp', authentication: { userCredentials: true, tokenBased: true } },
  { type: 'setPreference', account: 'Customer', preference: 'requireApproval', value: true },
];

export interface Credentials {
  readonly accounts: readonly { name: string; accountId: string; users: readonly { name: string; email: string; password: string }[] }[];
  readonly records: readonly { record: string; applicationId: string; consumerKey: string; consumerSecret: string }[];
  readonly tokens: readonly { token: string; account: string; accountId: string; tokenId: string; tokenSecret: string }[];
}

async function json(res: Response): Promise<unknown> {
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Resets the simulator and loads SETUP (plus extra commands) through the administration API. */
export async function resetWorld(url: string, extra: readonly Command[] = []): Promise<void> {
  await json(await fetch(`${url}/__harness/reset`, { method: 'POST' }));
  await json(await fetch(`${url}/__harness/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ commands: [...SETUP, ...extra] }) }));
}

export async function admin(url: string, ...commands: Command[]): Promise<unknown> {
  return json(await fetch(`${url}/__harness/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ commands }) }));
}

export async function credentials(url: string): Promise<Credentials> {
  return (await json(await fetch(`${url}/__harness/credentials`))) as Credentials;
}

export interface AuditRow {
  readonly verdict: string;
  readonly rule?: string;
  readonly fault?: { readonly code: string; readonly message: string; readonly detail?: string };
}

export async function lastAudit(url: string): Promise<AuditRow> {
  const { entries } = (await json(await fetch(`${url}/__harness/audit`))) as { entries: AuditRow[] };
  const last = entries[entries.length - 1];
  if (!last) throw new Error('the audit trail is empty');
  return last;
}

/** What a TBA client needs for one account, record and token, read from the credentials endpoint. */
export interface TokenKit {
  readonly accountId: string;
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly tokenId: string;
  readonly tokenSecret: string;
}

export function tokenKit(creds: Credentials, account: string, record: string, token: string): TokenKit {
  const a = creds.accounts.find((x) => x.name === account);
  const r = creds.records.find((x) => x.record === record);
  const t = creds.tokens.find((x) => x.token === token);
  if (!a || !r || !t) throw new Error(`no credentials for ${account}/${record}/${token}`);
  return { accountId: a.accountId, consumerKey: r.consumerKey, consumerSecret: r.consumerSecret, tokenId: t.tokenId, tokenSecret: t.tokenSecret };
}

export function userOf(creds: Credentials, account: string, user = 'administrator') {
  const a = creds.accounts.find((x) => x.name === account);
  const u = a?.users.find((x) => x.name === user);
  if (!a || !u) throw new Error(`no user ${user} in ${account}`);
  return { accountId: a.accountId, email: u.email, password: u.password };
}

export const newNonce = (): string => randomBytes(12).toString('hex');
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** The tokenPassport a SOAP integration sends, signed as Oracle's "TokenPassport Complex Type" describes. */
export function tokenPassport(kit: TokenKit, nonce = newNonce(), timestamp = nowSeconds(), secretOverride?: string) {
  const base = `${kit.accountId}&${kit.consumerKey}&${kit.tokenId}&${nonce}&${timestamp}`;
  const signature = createHmac('sha256', `${secretOverride ?? kit.consumerSecret}&${kit.tokenSecret}`).update(base).digest('base64');
  return { account: kit.accountId, consumerKey: kit.consumerKey, token: kit.tokenId, nonce, timestamp: String(timestamp), signature };
}
