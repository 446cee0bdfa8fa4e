import { ACCOUNT_KINDS, isEndpointVersion, ROLES, type AccountKind, type AuthenticationMethods, type EndpointVersion, type Role } from '../model';

/**
 * What the explorer enumerates: a small cast of accounts, records and users, the request forms
 * it may send, which command families it may use, and an optional depth bound.
 */

export const COMMAND_FAMILIES = [
  'create', 'state', 'note', 'rename', 'regenerate', 'bundle', 'accessToken', 'issueToken',
  'requireApproval', 'defaultRecord', 'refresh', 'request', 'restlet', 'login', 'view',
] as const;
export type CommandFamily = (typeof COMMAND_FAMILIES)[number];

export const REQUEST_FORMS = ['passport', 'passportNoAppId', 'tba', 'tbaWithAppId', 'tbaBadSignature', 'none', 'getDataCenterUrls'] as const;
export type RequestForm = (typeof REQUEST_FORMS)[number];

export interface ExplorerConfig {
  readonly name: string;
  readonly accounts: readonly { readonly name: string; readonly kind: AccountKind; readonly production?: string }[];
  /** Records the explorer may create, each in its owner account. */
  readonly records: readonly {
    readonly name: string;
    readonly owner: string;
    readonly authentication: AuthenticationMethods;
    /** Accounts where commands and requests name this record; default: every account. */
    readonly accounts?: readonly string[];
  }[];
  /** Accounts where Require Approval may be toggled; default: every account. */
  readonly requireApprovalIn?: readonly string[];
  /** Users besides each account's built-in administrator (they only matter for views). */
  readonly users: readonly { readonly account: string; readonly user: string; readonly role: Role }[];
  readonly endpoints: readonly EndpointVersion[];
  readonly requestForms: readonly RequestForm[];
  readonly families: readonly CommandFamily[];
  /** Accounts that are interchangeable (same kind, same commands, own no record): explored up to permutation. */
  readonly symmetric: readonly (readonly string[])[];
  /** Stop expanding beyond this many commands; undefined runs to a fixpoint. */
  readonly depth?: number;
}

/**
 * The default: production with a sandbox, a partner and a customer. The partner's record
 * (both methods) travels to the customer by bundle, auto-installation or Issue Token; the
 * sandbox's record (user credentials) is installed in production and meets refreshes, which
 * copy State and Note (SBX-03). About 1.8 million states: a fixpoint in about five seconds with
 * the cached engine. explorer/configs/ holds others: lifecycle.json reaches every statechart
 * transition; approval.json adds Require Approval in production (12 million states).
 */
export const DEFAULT_CONFIG: ExplorerConfig = {
  name: 'default',
  accounts: [
    { name: 'Acme', kind: 'production' },
    { name: 'Acme SB', kind: 'sandbox', production: 'Acme' },
    { name: 'Partner', kind: 'partner' },
    { name: 'Customer', kind: 'customer' },
  ],
  records: [
    { name: 'App', owner: 'Partner', authentication: { userCredentials: true, tokenBased: true }, accounts: ['Partner', 'Customer'] },
    { name: 'Dev', owner: 'Acme SB', authentication: { userCredentials: true, tokenBased: false }, accounts: ['Acme SB', 'Acme'] },
  ],
  requireApprovalIn: ['Customer'],
  users: [],
  endpoints: ['2015.1', '2019.1', '2021.1'],
  requestForms: ['passport', 'passportNoAppId', 'tba', 'tbaWithAppId', 'none', 'getDataCenterUrls'],
  families: ['create', 'state', 'note', 'rename', 'bundle', 'issueToken', 'requireApproval', 'refresh', 'request'],
  symmetric: [],
};

/**
 * Why a group of accounts cannot be explored up to permutation, or undefined when it can:
 * canonical rows sort their blocks, which is sound only if renaming them maps the configuration
 * (and so the ground commands) onto itself.
 */
function asymmetry(config: ExplorerConfig, group: readonly string[]): string | undefined {
  const accounts = group.map((n) => config.accounts.find((a) => a.name === n));
  if (new Set(accounts.map((a) => a?.kind)).size > 1) return 'their kinds differ';
  if (accounts.some((a) => a?.kind === 'sandbox' || config.accounts.some((s) => s.production === a?.name))) return 'a sandbox or its production account is tied to another account';
  if (config.records.some((r) => group.includes(r.owner))) return 'one of them owns a record';
  const allOrNone = (list: readonly string[] | undefined) => list === undefined || group.every((a) => list.includes(a)) || group.every((a) => !list.includes(a));
  if (!config.records.every((r) => allOrNone(r.accounts))) return 'a record is scoped to some of them only';
  if (!allOrNone(config.requireApprovalIn)) return 'requireApprovalIn names some of them only';
  const usersOf = (a: string) => config.users.filter((u) => u.account === a).map((u) => `${u.user}:${u.role}`).sort().join(',');
  if (new Set(group.map(usersOf)).size > 1) return 'their users differ';
  return undefined;
}

export class ConfigError extends Error {}

function fail(at: string, problem: string, allowed: string): never {
  throw new ConfigError(`explorer config ${at}: ${problem}; expected ${allowed}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, at: string, allowed?: readonly string[]): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) fail(at, `got ${JSON.stringify(v)}`, 'a list of strings');
  if (allowed) for (const s of v as string[]) if (!allowed.includes(s)) fail(at, `unknown value "${s}"`, `some of ${allowed.join(', ')}`);
  return v as string[];
}

/** Reads a configuration (from a JSON file) over the defaults, checking every field. */
export function parseConfig(json: unknown, name: string): ExplorerConfig {
  if (!isObject(json)) fail(name, 'not an object', 'a JSON object with some of: accounts, records, users, endpoints, requestForms, families, symmetric, depth');
  const known = ['name', 'accounts', 'records', 'users', 'endpoints', 'requestForms', 'families', 'symmetric', 'depth', 'requireApprovalIn'];
  for (const k of Object.keys(json)) if (!known.includes(k)) fail(k, `unknown field "${k}"`, `one of ${known.join(', ')}`);
  // A file with its own accounts gets none of the default cast's records or scoping.
  const base: ExplorerConfig = 'accounts' in json ? { ...DEFAULT_CONFIG, records: [], requireApprovalIn: undefined, symmetric: [] } : DEFAULT_CONFIG;
  const config = { ...base, name, ...json } as ExplorerConfig;
  if (!Array.isArray(config.accounts) || config.accounts.length === 0) fail('accounts', 'missing or empty', 'a list of { name, kind, production? }');
  const names = new Set<string>();
  for (const [i, a] of config.accounts.entries()) {
    if (!isObject(a) || typeof a.name !== 'string' || !(ACCOUNT_KINDS as readonly string[]).includes(String(a.kind))) {
      fail(`accounts[${i}]`, `got ${JSON.stringify(a)}`, `{ "name": string, "kind": ${ACCOUNT_KINDS.join('|')} }`);
    }
    if (a.kind === 'sandbox' && !config.accounts.some((p) => p.name === a.production && p.kind === 'production')) {
      fail(`accounts[${i}].production`, `sandbox "${a.name}" needs its production account`, 'the name of a production account listed before it');
    }
    names.add(a.name);
  }
  for (const [i, r] of config.records.entries()) {
    if (!isObject(r) || typeof r.name !== 'string' || !names.has(String(r.owner)) || !isObject(r.authentication)) {
      fail(`records[${i}]`, `got ${JSON.stringify(r)}`, `{ "name": string, "owner": one of ${[...names].join(', ')}, "authentication": { "userCredentials": bool, "tokenBased": bool } }`);
    }
    for (const a of r.accounts ?? []) if (!names.has(a)) fail(`records[${i}].accounts`, `unknown account "${a}"`, [...names].join(', '));
  }
  for (const a of config.requireApprovalIn ?? []) if (!names.has(a)) fail('requireApprovalIn', `unknown account "${a}"`, [...names].join(', '));
  for (const [i, u] of config.users.entries()) {
    if (!isObject(u) || !names.has(String(u.account)) || typeof u.user !== 'string' || !(ROLES as readonly string[]).includes(String(u.role))) {
      fail(`users[${i}]`, `got ${JSON.stringify(u)}`, `{ "account": an account name, "user": string, "role": ${ROLES.join('|')} }`);
    }
  }
  for (const e of stringList(config.endpoints, 'endpoints')) if (!isEndpointVersion(e)) fail('endpoints', `endpoint "${e}" does not exist`, '2014.2 through 2026.1');
  stringList(config.requestForms, 'requestForms', REQUEST_FORMS);
  stringList(config.families, 'families', COMMAND_FAMILIES);
  if (!Array.isArray(config.symmetric)) fail('symmetric', 'not a list', 'a list of lists of account names');
  for (const group of config.symmetric) {
    const members = stringList(group, 'symmetric');
    for (const a of members) if (!names.has(a)) fail('symmetric', `unknown account "${a}"`, [...names].join(', '));
    const why = asymmetry(config, members);
    if (why) fail('symmetric', `accounts ${members.map((a) => `"${a}"`).join(', ')} are not interchangeable: ${why}`, 'accounts of one kind, owning no record, no sandbox\'s production, and treated alike by records, users and requireApprovalIn');
  }
  if (config.depth !== undefined && (!Number.isInteger(config.depth) || config.depth < 0)) fail('depth', `got ${JSON.stringify(config.depth)}`, 'a non-negative integer');
  return config;
}
