import { COMMAND_TYPES, LOGIN_OPERATIONS, RESTLET_METHODS, SOAP_OPERATIONS, type Command } from './commands';
import { ACCOUNT_KINDS, ROLES } from './types';
import { PRESENT_STATES } from './lifecycle.table';

/**
 * Checks the shape of commands read from JSON (simulate files, counterexample files), so a
 * typo is reported with its position and what is allowed instead of failing deep inside.
 * Names (accounts, records...) and values (endpoint versions, roles) are checked by the
 * world itself, which answers with an `invalid` outcome.
 */

export class CommandShapeError extends Error {
  constructor(readonly at: string, readonly problem: string, readonly allowed: string) {
    super(`${at}: ${problem}; expected ${allowed}`);
  }
}

type Spec = 'string' | 'boolean' | 'number' | 'strings' | 'auth' | 'request' | 'changes' | 'methods' | 'credentials' | readonly string[];
type Fields = Readonly<Record<string, { readonly spec: Spec; readonly optional?: true }>>;

const req = (spec: Spec) => ({ spec });
const opt = (spec: Spec) => ({ spec, optional: true as const });

const COMMAND_FIELDS: Readonly<Record<Command['type'], Fields>> = {
  addAccount: { account: req('string'), kind: req(ACCOUNT_KINDS.filter((k) => k !== 'sandbox')) },
  addSandbox: { account: req('string'), production: req('string') },
  addUser: { account: req('string'), user: req('string'), role: req(ROLES), email: opt('string') },
  createRecord: {
    account: req('string'), user: opt('string'), record: req('string'), name: opt('string'), description: opt('string'),
    authentication: req('methods'), state: opt(['enabled', 'blocked']),
  },
  editRecord: { account: req('string'), user: opt('string'), record: req('string'), changes: req('changes') },
  regenerateCredentials: { account: req('string'), user: opt('string'), record: req('string') },
  createBundle: { account: req('string'), bundle: req('string'), records: req('strings') },
  installBundle: { account: req('string'), bundle: req('string') },
  uninstallBundle: { account: req('string'), bundle: req('string') },
  createAccessToken: { account: req('string'), user: opt('string'), record: req('string'), token: req('string') },
  issueToken: { account: req('string'), user: opt('string'), record: req('string'), token: req('string'), password: opt(['valid', 'invalid']) },
  setPreference: { account: req('string'), preference: req(['requireApproval', 'tokenBasedAuthentication']), value: req('boolean') },
  setDefaultRecordState: { account: req('string'), state: req(['enabled', 'blocked']) },
  refreshSandbox: { account: req('string') },
  viewIntegrations: { account: req('string'), user: opt('string') },
  viewRecord: { account: req('string'), user: opt('string'), record: req('string') },
  viewExecutionLog: { account: req('string'), user: opt('string'), record: req('string') },
  searchOperations: { account: req('string'), user: opt('string') },
  login: { account: req('string'), endpoint: req('string'), operation: req(LOGIN_OPERATIONS), auth: req('auth'), session: req('string') },
  logout: { account: req('string'), endpoint: req('string'), session: req('string') },
  request: { request: req('request') },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(at: string, problem: string, allowed: string): never {
  throw new CommandShapeError(at, problem, allowed);
}

function checkFields(value: Record<string, unknown>, fields: Fields, at: string): void {
  for (const key of Object.keys(value)) {
    if (key === 'type' || key === 'channel' || key === 'kind') continue;
    if (!(key in fields)) fail(`${at}.${key}`, `unknown field "${key}"`, `one of ${Object.keys(fields).join(', ')}`);
  }
  for (const [key, { spec, optional }] of Object.entries(fields)) {
    const v = value[key];
    if (v === undefined) {
      if (!optional) fail(`${at}.${key}`, 'missing', describe(spec));
      continue;
    }
    checkValue(v, spec, `${at}.${key}`);
  }
}

function describe(spec: Spec): string {
  if (typeof spec !== 'string') return `one of ${spec.join(', ')}`;
  return {
    string: 'a string', boolean: 'true or false', number: 'a finite number', strings: 'a list of strings',
    credentials: '{ "user": string, "password": "valid" or "invalid" }', auth: 'an auth object with kind none, passport, session or tba',
    request: 'a request object with channel soap or restlet', changes: 'an object of field changes', methods: '{ "userCredentials": boolean, "tokenBased": boolean }',
  }[spec];
}

const AUTH_FIELDS: Readonly<Record<string, Fields>> = {
  none: {},
  passport: { user: req('string'), password: req(['valid', 'invalid']), applicationId: opt('string') },
  session: { session: req('string') },
  tba: {
    consumerKey: req('string'), token: req('string'), signature: req(['valid', 'invalid']), applicationId: opt('string'),
    alsoPassport: opt('credentials'), alsoSession: opt('string'), nonce: opt('string'), timestamp: opt('number'),
  },
};

function checkRef(v: unknown, at: string, forms: readonly string[]): void {
  if (!isObject(v) || !forms.some((f) => f in v)) fail(at, `got ${JSON.stringify(v)}`, forms.map((f) => `{ "${f}": ... }`).join(' or '));
}

function checkAuth(v: unknown, at: string): void {
  if (!isObject(v) || typeof v.kind !== 'string' || !(v.kind in AUTH_FIELDS)) fail(`${at}.kind`, `got ${JSON.stringify(isObject(v) ? v.kind : v)}`, 'none, passport, session or tba');
  const fields = AUTH_FIELDS[v.kind];
  for (const key of Object.keys(v)) {
    if (key !== 'kind' && !(key in fields)) fail(`${at}.${key}`, `unknown field "${key}" for ${v.kind}`, `one of ${Object.keys(fields).join(', ') || '(no fields)'}`);
  }
  for (const [key, { spec, optional }] of Object.entries(fields)) {
    if (v[key] === undefined) {
      if (!optional) fail(`${at}.${key}`, 'missing', key === 'consumerKey' ? '{ "of": record }' : describe(spec));
      continue;
    }
    if (key === 'applicationId') checkRef(v[key], `${at}.${key}`, ['of', 'literal']);
    else if (key === 'consumerKey') checkRef(v[key], `${at}.${key}`, ['of']);
    else if (key === 'token') checkRef(v[key], `${at}.${key}`, ['handle', 'forged']);
    else checkValue(v[key], spec, `${at}.${key}`);
  }
}

function checkValue(v: unknown, spec: Spec, at: string): void {
  if (typeof spec !== 'string') {
    if (typeof v !== 'string' || !spec.includes(v)) fail(at, `got ${JSON.stringify(v)}`, describe(spec));
    return;
  }
  switch (spec) {
    case 'string':
      if (typeof v !== 'string' || v.length === 0) fail(at, `got ${JSON.stringify(v)}`, 'a non-empty string');
      return;
    case 'boolean':
      if (typeof v !== 'boolean') fail(at, `got ${JSON.stringify(v)}`, 'true or false');
      return;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(at, `got ${JSON.stringify(v)}`, 'a finite number');
      return;
    case 'credentials':
      if (!isObject(v)) fail(at, `got ${JSON.stringify(v)}`, describe(spec));
      checkFields(v, { user: req('string'), password: req(['valid', 'invalid']) }, at);
      return;
    case 'strings':
      if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) fail(at, `got ${JSON.stringify(v)}`, 'a list of strings');
      return;
    case 'methods':
      if (!isObject(v) || typeof v.userCredentials !== 'boolean' || typeof v.tokenBased !== 'boolean') fail(at, `got ${JSON.stringify(v)}`, describe(spec));
      return;
    case 'changes': {
      if (!isObject(v)) fail(at, `got ${JSON.stringify(v)}`, describe(spec));
      checkFields(v, {
        name: opt('string'), description: opt('string'), authentication: opt('methods'), state: opt(PRESENT_STATES), note: opt('string'),
        applicationId: opt('string'), consumerKey: opt('string'), consumerSecret: opt('string'),
      }, at);
      return;
    }
    case 'auth':
      checkAuth(v, at);
      return;
    case 'request': {
      if (!isObject(v) || (v.channel !== 'soap' && v.channel !== 'restlet')) fail(`${at}.channel`, `got ${JSON.stringify(isObject(v) ? v.channel : v)}`, 'soap or restlet');
      if (v.channel === 'soap') checkFields(v, { account: req('string'), endpoint: req('string'), operation: req(SOAP_OPERATIONS), auth: req('auth'), receivedAt: opt('number') }, at);
      else checkFields(v, { account: req('string'), method: req(RESTLET_METHODS), auth: req('auth'), receivedAt: opt('number') }, at);
      return;
    }
  }
}

/** Checks one JSON value is a command; `at` names its position, e.g. "commands[3]". */
export function parseCommand(value: unknown, at: string): Command {
  if (!isObject(value)) fail(at, `got ${JSON.stringify(value)}`, 'a command object with a "type"');
  const type = value.type;
  if (typeof type !== 'string' || !(COMMAND_TYPES as readonly string[]).includes(type)) {
    fail(`${at}.type`, `unknown command ${JSON.stringify(type)}`, `one of ${COMMAND_TYPES.join(', ')}`);
  }
  checkFields(value, COMMAND_FIELDS[type as Command['type']], at);
  // Every field was checked against the command's spec above.
  return value as unknown as Command;
}
