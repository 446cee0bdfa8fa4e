import { z } from 'zod';
import {
  ACCOUNT_KINDS, describeIssues, isEndpointVersion, JsonTextError, parseJsonText, ROLES,
  type AccountKind, type AuthenticationMethods, type EndpointVersion, type Role,
} from '../model';

/**
 * What the explorer enumerates: a small cast of accounts, records and users, the request forms
 * it may send, which command families it may use, and an optional depth bound.
 */

const COMMAND_FAMILIES = [
  'create', 'state', 'note', 'rename', 'regenerate', 'bundle', 'accessToken', 'issueToken',
  'requireApproval', 'defaultRecord', 'refresh', 'request', 'restlet', 'login', 'view',
] as const;
type CommandFamily = (typeof COMMAND_FAMILIES)[number];

const REQUEST_FORMS = ['passport', 'passportNoAppId', 'tba', 'tbaWithAppId', 'tbaBadSignature', 'none', 'getDataCenterUrls'] as const;
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

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A strict object: an unknown field is an error naming the fields allowed. */
function strict<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; expected one of ${Object.keys(shape).join(', ')}`
      : undefined),
  });
}

/** A list that must be given, with what to write when it is missing. */
const required = <T extends z.ZodType>(item: T, what: string) => z.array(item, {
  error: (issue) => (issue.input === undefined ? `missing; expected ${what}` : `expected ${what}, got ${JSON.stringify(issue.input)}`),
});

const accountSchema = strict({
  name: z.string(),
  kind: z.enum(ACCOUNT_KINDS as [AccountKind, ...AccountKind[]]),
  production: z.string().optional(),
});

const recordSchema = strict({
  name: z.string(),
  owner: z.string(),
  authentication: strict({ userCredentials: z.boolean(), tokenBased: z.boolean() }),
  accounts: z.array(z.string()).optional(),
});

const userSchema = strict({ account: z.string(), user: z.string(), role: z.enum(ROLES as [Role, ...Role[]]) });

/**
 * An explorer configuration file. `accounts` is required (an empty object is not the default
 * configuration in disguise); everything else defaults: no records, users or symmetry, every
 * account may toggle Require Approval, and the default configuration's endpoints, request forms
 * and command families.
 */
const configSchema = strict({
  name: z.string().optional(),
  accounts: required(accountSchema, 'a non-empty list of { "name", "kind", "production"? }').min(1, 'empty; expected at least one account'),
  records: z.array(recordSchema).default([]),
  requireApprovalIn: z.array(z.string()).optional(),
  users: z.array(userSchema).default([]),
  endpoints: z.array(z.string().refine(isEndpointVersion, { error: (issue) => `endpoint ${JSON.stringify(issue.input)} does not exist; expected 2014.2 through 2026.1` }))
    .default([...DEFAULT_CONFIG.endpoints]),
  requestForms: z.array(z.enum(REQUEST_FORMS)).default([...DEFAULT_CONFIG.requestForms]),
  families: z.array(z.enum(COMMAND_FAMILIES)).default([...DEFAULT_CONFIG.families]),
  symmetric: z.array(z.array(z.string())).default([]),
  depth: z.number().int().nonnegative().optional(),
});

/** The problems of a configuration, each naming its position (`configuration.accounts[2].kind: ...`). */
function problems(name: string, lines: readonly string[]): ConfigError {
  const where = (l: string) => (l.startsWith('(top level)') ? `configuration${l.slice('(top level)'.length)}` : `configuration${l.startsWith('[') ? '' : '.'}${l}`);
  return new ConfigError(`explorer config ${name}: ${lines.map(where).join('\n  ')}`);
}

/** Reads a configuration (the parsed JSON of a file named `name`), checking every field. */
export function parseConfig(json: unknown, name: string): ExplorerConfig {
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw problems(name, describeIssues(parsed.error));
  const config: ExplorerConfig = { ...parsed.data, name: parsed.data.name ?? name };
  const fail = (at: string, problem: string, allowed: string): never => {
    throw problems(name, [`${at}: ${problem}; expected ${allowed}`]);
  };
  const names = new Set<string>();
  for (const [i, a] of config.accounts.entries()) {
    if (a.kind === 'sandbox' && !config.accounts.some((p) => p.name === a.production && p.kind === 'production')) {
      fail(`accounts[${i}].production`, `sandbox "${a.name}" needs its production account`, 'the name of a production account listed before it');
    }
    names.add(a.name);
  }
  const known = [...names].join(', ');
  for (const [i, r] of config.records.entries()) {
    if (!names.has(r.owner)) fail(`records[${i}].owner`, `unknown account "${r.owner}"`, `one of ${known}`);
    for (const [j, a] of (r.accounts ?? []).entries()) if (!names.has(a)) fail(`records[${i}].accounts[${j}]`, `unknown account "${a}"`, known);
  }
  for (const [i, a] of (config.requireApprovalIn ?? []).entries()) if (!names.has(a)) fail(`requireApprovalIn[${i}]`, `unknown account "${a}"`, known);
  for (const [i, u] of config.users.entries()) if (!names.has(u.account)) fail(`users[${i}].account`, `unknown account "${u.account}"`, `one of ${known}`);
  for (const [i, members] of config.symmetric.entries()) {
    for (const [j, a] of members.entries()) if (!names.has(a)) fail(`symmetric[${i}][${j}]`, `unknown account "${a}"`, known);
    const why = asymmetry(config, members);
    if (why) fail(`symmetric[${i}]`, `accounts ${members.map((a) => `"${a}"`).join(', ')} are not interchangeable: ${why}`, 'accounts of one kind, owning no record, no sandbox\'s production, and treated alike by records, users and requireApprovalIn');
  }
  return config;
}

/** Reads a configuration file's text: malformed JSON names its line and column, a bad field its position. */
export function parseConfigText(text: string, name: string): ExplorerConfig {
  try {
    return parseConfig(parseJsonText(text, name), name);
  } catch (e) {
    if (e instanceof JsonTextError) throw new ConfigError(`explorer config ${e.message}`);
    throw e;
  }
}
