import type { EndpointVersion } from './endpoints';
import type { DeliberateFault } from './faults';
import type { LifecycleState, Origin, PresentState } from './lifecycle.machine';
import type { Log } from './log';
import type { NonceWindow } from './nonces';

export type { UsedNonce } from './nonces';

/** The world's data. Every field is read-only: the world is a value, `apply` returns a new one. */

export type AccountKind = 'production' | 'sandbox' | 'partner' | 'customer';
export const ACCOUNT_KINDS: readonly AccountKind[] = ['production', 'sandbox', 'partner', 'customer'];

export type Role = 'administrator' | 'integrationList' | 'integrationFull' | 'noIntegrationAccess';
export const ROLES: readonly Role[] = ['administrator', 'integrationList', 'integrationFull', 'noIntegrationAccess'];

export interface User {
  readonly name: string;
  readonly role: Role;
  readonly email: string;
  /** Generated from the seed (credentials.ts); the wire compares it, the model sees only valid or invalid. */
  readonly password: string;
}

export interface Preferences {
  /** SOAP Web Services Preferences > Require Approval (TOKEN-02). */
  readonly requireApproval: boolean;
  /** Enable Features > Token-Based Authentication (FACT-08). */
  readonly tokenBasedAuthentication: boolean;
}
export type PreferenceName = keyof Preferences;

export interface AuthenticationMethods {
  readonly userCredentials: boolean;
  readonly tokenBased: boolean;
}

export type Channel = 'soap' | 'restlet';

export interface LogEntry {
  readonly seq: number;
  readonly channel: Channel;
  readonly endpoint?: EndpointVersion;
  readonly operation: string;
}

/** A SOAP Web Services Usage Log entry: every accepted SOAP request of the account (LOG-01). */
export interface UsageEntry extends LogEntry {
  /** The record ref that tracked it, or 'default' for the Default Web Services Integrations record. */
  readonly trackedBy: string;
}

export interface SystemNote {
  readonly seq: number;
  readonly record: string;
  readonly fields: readonly string[];
  readonly user: string;
}

/** One record as one account holds it. Absent means "no entry". */
export interface Installation {
  readonly state: Exclude<LifecycleState, 'absent'>;
  readonly origin: Origin;
  /** The bundle that installed it, when origin is 'bundle'. */
  readonly bundle?: string;
  readonly note: string;
  readonly log: Log<LogEntry>;
}

export interface DefaultRecord {
  readonly state: Extract<PresentState, 'enabled' | 'blocked'>;
  readonly log: Log<LogEntry>;
}

export interface Account {
  readonly name: string;
  readonly kind: AccountKind;
  /** NetSuite-style account ID, generated from the seed; a sandbox's is its production's with _SB1, _SB2... */
  readonly accountId: string;
  /** For a sandbox: the production account it is refreshed from. */
  readonly production?: string;
  readonly users: Readonly<Record<string, User>>;
  readonly preferences: Preferences;
  readonly defaultRecord: DefaultRecord;
  readonly installations: Readonly<Record<string, Installation>>;
  readonly usageLog: Log<UsageEntry>;
  readonly systemNotes: readonly SystemNote[];
}

/** The fields common to every account that holds the record (REC-04). */
export interface IntegrationRecord {
  /** The scenario's handle for the record; stable even when the Name changes. */
  readonly ref: string;
  /** The account that created it. */
  readonly owner: string;
  readonly applicationId: string;
  readonly name: string;
  readonly description: string;
  readonly authentication: AuthenticationMethods;
  readonly consumerKey: string;
  readonly consumerSecret: string;
  /** The key before the last regeneration, refused from then on. */
  readonly previousConsumerKey?: string;
}

export interface Bundle {
  readonly name: string;
  readonly account: string;
  readonly records: readonly string[];
  readonly installedIn: readonly string[];
}

export interface AccessToken {
  readonly handle: string;
  readonly account: string;
  readonly user: string;
  readonly record: string;
  readonly tokenId: string;
  readonly tokenSecret: string;
  /** Nonces of accepted requests still inside the timestamp window (FACT-11, ASM-17). */
  readonly usedNonces: NonceWindow;
}

/** How far (seconds) a token-based request's timestamp may be from the time it is received (FACT-12, ASM-17). */
export const TIMESTAMP_WINDOW_SECONDS = 300;

export interface Session {
  readonly handle: string;
  readonly account: string;
  readonly user: string;
  /** The record the login's Application ID named; null for the Default record. */
  readonly record: string | null;
  readonly active: boolean;
}

export type StepperKind = 'table' | 'xstate';

export interface WorldConfig {
  readonly seed: number;
  /** Deliberate faults for testing the tests; empty unless a test switches one on. */
  readonly faults: readonly DeliberateFault[];
  /** How installations step through the statechart: the compiled table, or xstate's transition(). */
  readonly stepper: StepperKind;
}

export interface World {
  readonly config: WorldConfig;
  readonly rng: number;
  readonly seq: number;
  readonly accounts: Readonly<Record<string, Account>>;
  readonly records: Readonly<Record<string, IntegrationRecord>>;
  readonly bundles: Readonly<Record<string, Bundle>>;
  readonly tokens: Readonly<Record<string, AccessToken>>;
  readonly sessions: Readonly<Record<string, Session>>;
}
