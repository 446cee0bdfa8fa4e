import type { AuthenticationMethods, EndpointVersion, Reason } from '../../model';
import { eraOf, type Era } from '../eras';

/**
 * The oracle: "is this request accepted, and by which record", as a small decision table over
 * endpoint × authentication × Application ID × the record's State, written from the rules and
 * the documented order of refusals (ASM-07), not from model/requests.ts. Its random inputs are
 * in inputs.ts, the world an input describes in world.ts, the property that holds the world
 * to the table in property.ts.
 */

export type AuthCase =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'passport';
      readonly credentials: 'valid' | 'wrongPassword' | 'otherAccountUser';
      readonly applicationId: 'none' | 'record' | 'unknown';
    }
  | {
      readonly kind: 'tba';
      readonly applicationId: boolean;
      readonly consumerKey: 'current' | 'stale';
      readonly token: 'issued' | 'otherAccount' | 'otherRecord' | 'forged';
      readonly signature: 'valid' | 'invalid';
    }
  /** A SOAP session opened by login: for the record or for the Default record, here or in another account. */
  | { readonly kind: 'session'; readonly names: 'record' | 'default'; readonly openedIn: 'thisAccount' | 'otherAccount' };

export type RecordState = 'absent' | 'enabled' | 'blocked' | 'waitingForApproval' | 'removed';

export interface DecisionInput {
  readonly channel: 'soap' | 'restlet';
  /** SOAP only; a RESTlet has no endpoint version. */
  readonly endpoint: EndpointVersion;
  readonly operation: 'get' | 'getDataCenterUrls';
  readonly auth: AuthCase;
  /** The methods the record ("App", owned by Partner) permits. */
  readonly methods: AuthenticationMethods;
  /** The record's State in the account receiving the request ("Customer"). */
  readonly state: RecordState;
  readonly requireApproval: boolean;
  readonly tokenFeature: boolean;
  readonly defaultRecord: 'enabled' | 'blocked';
}

export type Decision = { readonly accepted: true; readonly trackedBy: 'App' | 'default' | 'none' } | { readonly accepted: false; readonly rule: Reason };

// ---------------------------------------------------------------------------------------
// The table

export const held = (s: RecordState): boolean => s === 'enabled' || s === 'blocked' || s === 'waitingForApproval';

/** Facts about an input that the rows read. */
interface Facts {
  readonly i: DecisionInput;
  readonly soap: boolean;
  readonly era: Era | undefined;
  /** The record's State once a user-credentials request has named it (auto-installed if need be). */
  readonly stateOnArrival: RecordState;
}

interface Row {
  readonly rule: string;
  readonly when: (f: Facts) => boolean;
  readonly then: Decision;
}

const refuse = (rule: Reason): Decision => ({ accepted: false, rule });
const accept = (trackedBy: 'App' | 'default' | 'none'): Decision => ({ accepted: true, trackedBy });

const isTba = (f: Facts) => f.i.auth.kind === 'tba';
const isPassport = (f: Facts) => f.i.auth.kind === 'passport';
const isSession = (f: Facts) => f.i.auth.kind === 'session';
/** User credentials or a session naming the Default record (no Application ID) or the record. */
const names = (f: Facts, which: 'default' | 'record'): boolean => {
  const auth = f.i.auth;
  if (auth.kind === 'passport') return auth.applicationId === (which === 'default' ? 'none' : 'record');
  return auth.kind === 'session' && auth.names === which;
};
const namesDefault = (f: Facts) => names(f, 'default');
const namesRecord = (f: Facts) => names(f, 'record');
const openedElsewhere = (f: Facts) => f.i.auth.kind === 'session' && f.i.auth.openedIn === 'otherAccount';
const tba = (f: Facts) => f.i.auth as Extract<AuthCase, { kind: 'tba' }>;
const passport = (f: Facts) => f.i.auth as Extract<AuthCase, { kind: 'passport' }>;

/** First matching row wins. */
export const DECISION_TABLE: readonly Row[] = [
  { rule: 'AUTH-03', when: (f) => isTba(f) && tba(f).applicationId, then: refuse('AUTH-03') },
  { rule: 'AUTH-06', when: (f) => f.soap && f.i.operation === 'getDataCenterUrls', then: accept('none') },
  { rule: 'AUTH-06', when: (f) => f.i.auth.kind === 'none', then: refuse('AUTH-06') },
  { rule: 'AUTH-04', when: (f) => f.era === 'legacy' && isTba(f), then: refuse('AUTH-04') },
  { rule: 'AUTH-07', when: (f) => f.era === 'tokenOnly' && (isPassport(f) || isSession(f)), then: refuse('AUTH-07') },
  // RESTlets with user credentials: tracked by no record (LOG-02, ASM-10).
  { rule: 'LOG-02', when: (f) => !f.soap && isPassport(f) && passport(f).credentials !== 'valid', then: refuse('AUTH-05') },
  { rule: 'LOG-02', when: (f) => !f.soap && isPassport(f), then: accept('none') },
  { rule: 'AUTH-04', when: (f) => isPassport(f) && passport(f).credentials !== 'valid' && f.era === 'legacy', then: refuse('AUTH-04') },
  { rule: 'AUTH-05', when: (f) => isPassport(f) && passport(f).credentials !== 'valid', then: refuse('AUTH-05') },
  { rule: 'ASM-16', when: openedElsewhere, then: refuse('ASM-16') },
  // No Application ID: the Default Web Services Integrations record, on 2015.1 and earlier only.
  { rule: 'AUTH-05', when: (f) => namesDefault(f) && f.era !== 'legacy', then: refuse('AUTH-05') },
  { rule: 'FACT-06', when: (f) => namesDefault(f) && f.i.defaultRecord === 'blocked', then: refuse('FACT-06') },
  { rule: 'AUTH-04', when: namesDefault, then: accept('default') },
  { rule: 'AUTH-02', when: (f) => isPassport(f) && passport(f).applicationId === 'unknown', then: refuse('AUTH-02') },
  // User credentials naming the record.
  { rule: 'AUTH-01', when: (f) => namesRecord(f) && !f.i.methods.userCredentials, then: refuse('AUTH-01') },
  { rule: 'ASM-16', when: (f) => isSession(f) && !held(f.i.state), then: refuse('ASM-16') },
  { rule: 'STATE-01', when: (f) => namesRecord(f) && f.stateOnArrival === 'blocked', then: refuse('STATE-01') },
  { rule: 'STATE-02', when: (f) => namesRecord(f) && f.stateOnArrival === 'waitingForApproval', then: refuse('STATE-02') },
  { rule: 'OWN-02', when: namesRecord, then: accept('App') },
  // Token-based authentication: every row says so, so a new kind of authentication matches none of them.
  { rule: 'REC-05', when: (f) => isTba(f) && tba(f).consumerKey === 'stale', then: refuse('REC-05') },
  { rule: 'FACT-08', when: (f) => isTba(f) && !f.i.tokenFeature, then: refuse('FACT-08') },
  { rule: 'AUTH-01', when: (f) => isTba(f) && !f.i.methods.tokenBased, then: refuse('AUTH-01') },
  { rule: 'FACT-04', when: (f) => isTba(f) && (tba(f).token !== 'issued' || !held(f.i.state)), then: refuse('FACT-04') },
  { rule: 'AUTH-05', when: (f) => isTba(f) && tba(f).signature === 'invalid', then: refuse('AUTH-05') },
  { rule: 'STATE-01', when: (f) => isTba(f) && f.i.state === 'blocked', then: refuse('STATE-01') },
  { rule: 'STATE-02', when: (f) => isTba(f) && f.i.state === 'waitingForApproval', then: refuse('STATE-02') },
  { rule: 'AUTH-01', when: isTba, then: accept('App') },
];

export function decide(i: DecisionInput): { decision: Decision; row: number } {
  const soap = i.channel === 'soap';
  const facts: Facts = {
    i,
    soap,
    era: soap ? eraOf(i.endpoint) : undefined,
    // A request naming a record the account lacks installs it, in the State Require Approval gives (OWN-02, ASM-01).
    stateOnArrival: held(i.state) ? i.state : i.requireApproval ? 'waitingForApproval' : 'enabled',
  };
  const row = DECISION_TABLE.findIndex((r) => r.when(facts));
  if (row < 0) throw new Error(`decision table: no row decides ${JSON.stringify(i)}; add rows for it`);
  return { decision: DECISION_TABLE[row].then, row };
}
