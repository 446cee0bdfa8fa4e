import { z } from 'zod';
import { COMMAND_TYPES, LOGIN_OPERATIONS, RESTLET_METHODS, SOAP_OPERATIONS, type Command } from './commands';
import { fieldPath } from './json';
import { PRESENT_STATES } from './lifecycle.table';
import { ACCOUNT_KINDS, ROLES } from './types';

/**
 * Checks the shape of commands read from JSON (simulation files, counterexample files, the
 * simulator's administration API), so a typo is reported with its position and what is allowed
 * instead of failing deep inside. Names (accounts, records...) and values (endpoint versions,
 * roles' rights) are checked by the world itself, which answers with an `invalid` outcome.
 */

export class CommandShapeError extends Error {
  /** `at` is the field's position, e.g. "commands[3].auth.kind"; the message says what is wrong and what is allowed. */
  constructor(readonly at: string, readonly problem: string) {
    super(`${at}: ${problem}`);
  }
}

const got = (input: unknown): string => (input === undefined ? 'missing' : `got ${JSON.stringify(input)}`);
/** An error for a value that is not what `expected` describes, saying what it got. */
const expecting = (expected: string) => ({ error: (iss: { input?: unknown }) => `${got(iss.input)}: should be ${expected}` });

const text = z.string(expecting('a non-empty string')).min(1, expecting('a non-empty string'));
const flag = z.boolean(expecting('true or false'));
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, expecting(`one of ${values.join(', ')}`));
/** The model's lists are non-empty; z.enum wants that said in the type. */
const nonEmpty = <T extends string>(values: readonly T[]) => values as unknown as readonly [T, ...T[]];

/** A strict object whose unknown fields are named, with the fields it does have; `what` describes it when it is not an object. */
function fields<S extends z.ZodRawShape>(shape: S, what = `an object { ${Object.keys(shape).join(', ')} }`) {
  const known = Object.keys(shape).join(', ') || '(no fields)';
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${iss.keys.map((k) => `"${k}"`).join(', ')}: should be one of ${known}` : `${got(iss.input)}: should be ${what}`),
  });
}

const password = oneOf(['valid', 'invalid']);
const credentials = fields({ user: text, password }, '{ "user": string, "password": "valid" or "invalid" }');
const methods = fields({ userCredentials: flag, tokenBased: flag }, '{ "userCredentials": boolean, "tokenBased": boolean }');
const applicationId = z.union([fields({ of: text }), fields({ literal: z.string(expecting('a string')) })], expecting('{ "of": record } or { "literal": string }'));
const consumerKey = fields({ of: text, stale: flag.optional() }, '{ "of": record, "stale"?: boolean }');
const token = z.union([fields({ handle: text }), fields({ forged: z.literal(true) })], expecting('{ "handle": token } or { "forged": true }'));

const auth = z.discriminatedUnion('kind', [
  fields({ kind: z.literal('none') }, 'an auth object'),
  fields({ kind: z.literal('passport'), user: text, password, applicationId: applicationId.optional() }, 'an auth object'),
  fields({ kind: z.literal('session'), session: text }, 'an auth object'),
  fields({
    kind: z.literal('tba'), consumerKey, token, signature: oneOf(['valid', 'invalid']), applicationId: applicationId.optional(),
    alsoPassport: credentials.optional(), alsoSession: text.optional(), nonce: text.optional(), timestamp: z.number(expecting('a finite number')).optional(),
  }, 'an auth object'),
], { error: (iss) => `${got(iss.input === undefined ? undefined : (iss.input as { kind?: unknown }).kind)}: should be an auth object with kind none, passport, session or tba` });

const receivedAt = z.number(expecting('a finite number')).optional();
const request = z.discriminatedUnion('channel', [
  fields({ channel: z.literal('soap'), account: text, endpoint: text, operation: oneOf(SOAP_OPERATIONS), auth, receivedAt }, 'a request object'),
  fields({ channel: z.literal('restlet'), account: text, method: oneOf(RESTLET_METHODS), auth, receivedAt }, 'a request object'),
], { error: (iss) => `${got(iss.input === undefined ? undefined : (iss.input as { channel?: unknown }).channel)}: should be a request object with channel soap or restlet` });

const changes = fields({
  name: text.optional(), description: text.optional(), authentication: methods.optional(), state: oneOf(nonEmpty(PRESENT_STATES)).optional(), note: text.optional(),
  applicationId: text.optional(), consumerKey: text.optional(), consumerSecret: text.optional(),
}, 'an object of field changes');

const user = text.optional();
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => fields({ type: z.literal(type), ...shape }, 'a command object');

/** Every command's fields; the discriminator `type` picks one, and an unknown type is named. */
const CommandSchema = z.discriminatedUnion('type', [
  command('addAccount', { account: text, kind: oneOf(nonEmpty(ACCOUNT_KINDS.filter((k) => k !== 'sandbox'))) }),
  command('addSandbox', { account: text, production: text }),
  command('addUser', { account: text, user: text, role: oneOf(nonEmpty(ROLES)), email: text.optional() }),
  command('createRecord', { account: text, user, record: text, name: text.optional(), description: text.optional(), authentication: methods, state: oneOf(['enabled', 'blocked']).optional() }),
  command('editRecord', { account: text, user, record: text, changes }),
  command('regenerateCredentials', { account: text, user, record: text }),
  command('createBundle', { account: text, bundle: text, records: z.array(z.string(expecting('a string')), expecting('a list of strings')) }),
  command('installBundle', { account: text, bundle: text }),
  command('uninstallBundle', { account: text, bundle: text }),
  command('createAccessToken', { account: text, user, record: text, token: text }),
  command('issueToken', { account: text, user, record: text, token: text, password: password.optional() }),
  command('setPreference', { account: text, preference: oneOf(['requireApproval', 'tokenBasedAuthentication']), value: flag }),
  command('setDefaultRecordState', { account: text, state: oneOf(['enabled', 'blocked']) }),
  command('refreshSandbox', { account: text }),
  command('viewIntegrations', { account: text, user }),
  command('viewRecord', { account: text, user, record: text }),
  command('viewExecutionLog', { account: text, user, record: text }),
  command('searchOperations', { account: text, user }),
  command('login', { account: text, endpoint: text, operation: oneOf(LOGIN_OPERATIONS), auth, session: text }),
  command('logout', { account: text, endpoint: text, session: text }),
  command('request', { request }),
], {
  error: (iss) => {
    if (typeof iss.input !== 'object' || iss.input === null || Array.isArray(iss.input)) return `${got(iss.input)}: should be a command object with a "type"`;
    const type = (iss.input as { type?: unknown }).type;
    return `${type === undefined ? 'missing' : `unknown command ${JSON.stringify(type)}`}: should be one of ${COMMAND_TYPES.join(', ')}`;
  },
});

/** Checks one JSON value is a command; `at` names its position, e.g. "commands[3]". The first problem is reported. */
export function parseCommand(value: unknown, at: string): Command {
  const parsed = CommandSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandShapeError(fieldPath([at, ...issue.path]), issue.message);
  }
  // The value itself, not zod's copy: the schema transforms nothing, and its copy would list fields in the
  // schema's order rather than the sender's (an edit says which fields it changed in the order they were sent).
  // Endpoint versions are checked by the world (an invalid outcome names the allowed versions).
  return value as Command;
}
