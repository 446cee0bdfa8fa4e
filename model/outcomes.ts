import type { AssumptionId, FactId } from './assumptions';
import type { CommandType } from './commands';
import type { LifecycleStep } from './lifecycle.table';
import type { LifecycleState } from './lifecycle.machine';
import type { RuleId } from './rules';
import type { AuthenticationMethods, LogEntry } from './types';

/** Every command returns one of these: accepted, refused (a domain answer), or invalid input. */

/** Codes as NetSuite users see them in SOAP faults and the UI. */
export type FaultCode =
  | 'USER_ERROR'
  | 'INVALID_LOGIN_ATTEMPT'
  | 'INVALID_LOGIN_CREDENTIALS'
  | 'INVALID_APP_ID'
  | 'INSUFFICIENT_PERMISSION'
  | 'FIELD_NOT_EDITABLE'
  | 'INVALID_FLD_VALUE'
  | 'RCRD_DSNT_EXIST'
  | 'INVALID_SESSION'
  | 'FEATURE_DISABLED'
  | 'INVALID_REQUEST';

/**
 * Login Audit Trail details for INVALID_LOGIN_ATTEMPT. The first group is Oracle's own words
 * (FACT-13 names the sources); the rest no source shows and are the model's (ASM-18).
 */
export type LoginAuditDetail =
  | 'consumer_key_refused'
  | 'consumer_key_unknown'
  | 'FeatureDisabled'
  | 'InvalidSignature'
  | 'InvalidTimestamp'
  /** SOAP web services' word for a reused nonce... */
  | 'NonceUsed'
  /** ...and the RESTlets' word for the same. */
  | 'nonce_used'
  | 'waiting_for_approval'
  | 'integration_blocked'
  | 'default_integration_blocked'
  | 'invalid_token'
  | 'method_not_permitted';

export interface Fault {
  readonly code: FaultCode;
  readonly message: string;
  readonly detail?: LoginAuditDetail;
}

export type Reason = RuleId | AssumptionId | FactId;

/** A lifecycle move of one installation, as the world made it through the statechart. */
export interface InstallationStep extends LifecycleStep {
  readonly record: string;
  readonly account: string;
  /** True when the account is the record's owner (created it and still has full control). */
  readonly owner: boolean;
}

export type Tracking =
  | { readonly by: 'record'; readonly record: string }
  | { readonly by: 'default' }
  | { readonly by: 'none' };

export type View =
  | { readonly type: 'integrationList'; readonly entries: readonly { readonly record: string; readonly name: string; readonly state: LifecycleState; readonly owned: boolean }[] }
  | {
      readonly type: 'record';
      readonly record: string;
      readonly name: string;
      readonly description: string;
      readonly authentication: AuthenticationMethods;
      readonly state: LifecycleState;
      readonly note: string;
      readonly owned: boolean;
      /** Present only in the account that created the record (OWN-06). */
      readonly applicationId?: string;
    }
  | { readonly type: 'executionLog'; readonly record: string; readonly entries: readonly LogEntry[] }
  | {
      readonly type: 'operationsSearch';
      readonly integrationField: boolean;
      readonly entries: readonly (LogEntry & { readonly integration?: string })[];
    };

export interface Accepted {
  readonly kind: 'accepted';
  readonly command: CommandType;
  readonly transitions: readonly InstallationStep[];
  /** Which record tracked a request or login. */
  readonly trackedBy?: Tracking;
  /** Short statements of what changed, for people and for reports. */
  readonly changes: readonly string[];
  readonly view?: View;
  /** The rules this acceptance exercised. */
  readonly rules: readonly Reason[];
}

export interface Refused {
  readonly kind: 'refused';
  readonly command: CommandType;
  readonly transitions: readonly InstallationStep[];
  readonly fault: Fault;
  /** The rule (or assumption, or fact) that refused it. */
  readonly rule: Reason;
}

/** Malformed input: not a domain answer; the world is unchanged. */
export interface Invalid {
  readonly kind: 'invalid';
  readonly command: string;
  /** Where in the command, e.g. "request.auth.applicationId". */
  readonly at: string;
  readonly problem: string;
  /** What would be accepted there. */
  readonly allowed: string;
}

export type Outcome = Accepted | Refused | Invalid;

export function describeInvalid(e: Invalid): string {
  return `${e.command} ${e.at}: ${e.problem}; should be ${e.allowed}`;
}
