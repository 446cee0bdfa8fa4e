import type { EndpointVersion } from './endpoints';
import type { AccountKind, AuthenticationMethods, PreferenceName, Role } from './types';

/**
 * Commands: everything that can happen to the world, as a discriminated union on `type`.
 * Accounts, users, records, bundles, tokens and sessions are named by the handles a
 * scenario gives them; generated values (Application IDs, keys, secrets) never need typing.
 * `user` defaults to the account's built-in user "administrator".
 */

/** An Application ID as a request carries it: the one of a named record, or a literal string. */
export type ApplicationIdRef = { readonly of: string } | { readonly literal: string };
/** A consumer key: the record's current one, or (stale) the one before the last regeneration. */
export interface ConsumerKeyRef {
  readonly of: string;
  readonly stale?: boolean;
}
/** An access token by handle, or a forged one no account issued. */
export type TokenRef = { readonly handle: string } | { readonly forged: true };

/** User credentials: a user by name and whether the password matched (the wire decides that). */
export interface PassportCredentials {
  readonly user: string;
  readonly password: 'valid' | 'invalid';
}

export type PassportAuth = { readonly kind: 'passport'; readonly applicationId?: ApplicationIdRef } & PassportCredentials;

export interface TbaAuth {
  readonly kind: 'tba';
  readonly consumerKey: ConsumerKeyRef;
  readonly token: TokenRef;
  readonly signature: 'valid' | 'invalid';
  /** Sent with TBA, it makes the request ambiguous (AUTH-03). */
  readonly applicationId?: ApplicationIdRef;
  /** A Passport sent with TBA makes the request ambiguous (FACT-09). */
  readonly alsoPassport?: PassportCredentials;
  /** A session (JSESSIONID) sent with TBA makes the request ambiguous while the session is open (FACT-10). */
  readonly alsoSession?: string;
  /** Used once per token (FACT-11); needs `timestamp`. */
  readonly nonce?: string;
  /** Unix seconds; checked against the request's `receivedAt` (FACT-12). */
  readonly timestamp?: number;
}

export type Auth =
  | { readonly kind: 'none' }
  | PassportAuth
  | { readonly kind: 'session'; readonly session: string }
  | TbaAuth;
export type AuthKind = Auth['kind'];

export const SOAP_OPERATIONS = ['get', 'search', 'add', 'update', 'delete', 'upsert', 'getDataCenterUrls'] as const;
export type SoapOperation = (typeof SOAP_OPERATIONS)[number];
export const LOGIN_OPERATIONS = ['login', 'ssoLogin'] as const;
export type LoginOperation = (typeof LOGIN_OPERATIONS)[number];
export const RESTLET_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type RestletMethod = (typeof RESTLET_METHODS)[number];

export type Request =
  | {
      readonly channel: 'soap';
      readonly account: string;
      readonly endpoint: EndpointVersion;
      readonly operation: SoapOperation;
      readonly auth: Auth;
      /** Unix seconds when the request arrived: time is an input, the model reads no clock (FACT-12). */
      readonly receivedAt?: number;
    }
  | {
      readonly channel: 'restlet';
      readonly account: string;
      readonly method: RestletMethod;
      readonly auth: Auth;
      readonly receivedAt?: number;
    };

/** Fields an edit may name; some exist only to be refused (REC-02, REC-05). */
export interface RecordChanges {
  readonly name?: string;
  readonly description?: string;
  readonly authentication?: AuthenticationMethods;
  readonly state?: 'enabled' | 'blocked' | 'waitingForApproval';
  readonly note?: string;
  readonly applicationId?: string;
  readonly consumerKey?: string;
  readonly consumerSecret?: string;
}
export type ChangeField = keyof RecordChanges;

export type Command =
  | { readonly type: 'addAccount'; readonly account: string; readonly kind: Exclude<AccountKind, 'sandbox'> }
  | { readonly type: 'addSandbox'; readonly account: string; readonly production: string }
  | { readonly type: 'addUser'; readonly account: string; readonly user: string; readonly role: Role; readonly email?: string }
  | {
      readonly type: 'createRecord';
      readonly account: string;
      readonly user?: string;
      readonly record: string;
      readonly name?: string;
      readonly description?: string;
      readonly authentication: AuthenticationMethods;
      readonly state?: 'enabled' | 'blocked';
    }
  | { readonly type: 'editRecord'; readonly account: string; readonly user?: string; readonly record: string; readonly changes: RecordChanges }
  | { readonly type: 'regenerateCredentials'; readonly account: string; readonly user?: string; readonly record: string }
  | { readonly type: 'createBundle'; readonly account: string; readonly bundle: string; readonly records: readonly string[] }
  | { readonly type: 'installBundle'; readonly account: string; readonly bundle: string }
  | { readonly type: 'uninstallBundle'; readonly account: string; readonly bundle: string }
  | { readonly type: 'createAccessToken'; readonly account: string; readonly user?: string; readonly record: string; readonly token: string }
  | {
      readonly type: 'issueToken';
      readonly account: string;
      readonly user?: string;
      readonly record: string;
      readonly token: string;
      /** The caller's password as the wire checked it; absent means valid (the UI-less model call). */
      readonly password?: 'valid' | 'invalid';
    }
  | { readonly type: 'setPreference'; readonly account: string; readonly preference: PreferenceName; readonly value: boolean }
  | { readonly type: 'setDefaultRecordState'; readonly account: string; readonly state: 'enabled' | 'blocked' }
  | { readonly type: 'refreshSandbox'; readonly account: string }
  | { readonly type: 'viewIntegrations'; readonly account: string; readonly user?: string }
  | { readonly type: 'viewRecord'; readonly account: string; readonly user?: string; readonly record: string }
  | { readonly type: 'viewExecutionLog'; readonly account: string; readonly user?: string; readonly record: string }
  | { readonly type: 'searchOperations'; readonly account: string; readonly user?: string }
  | {
      readonly type: 'login';
      readonly account: string;
      readonly endpoint: EndpointVersion;
      readonly operation: LoginOperation;
      readonly auth: Auth;
      readonly session: string;
    }
  /** logout on a SOAP endpoint, sent in a session: closes it (AUTH-05, ASM-19). */
  | { readonly type: 'logout'; readonly account: string; readonly endpoint: EndpointVersion; readonly session: string }
  | { readonly type: 'request'; readonly request: Request };

export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export const COMMAND_TYPES: readonly CommandType[] = [
  'addAccount', 'addSandbox', 'addUser', 'createRecord', 'editRecord', 'regenerateCredentials',
  'createBundle', 'installBundle', 'uninstallBundle', 'createAccessToken', 'issueToken',
  'setPreference', 'setDefaultRecordState', 'refreshSandbox', 'viewIntegrations', 'viewRecord',
  'viewExecutionLog', 'searchOperations', 'login', 'logout', 'request',
] satisfies readonly CommandType[];

export const DEFAULT_USER = 'administrator';
