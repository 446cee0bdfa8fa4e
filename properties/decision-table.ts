import fc from 'fast-check';
import { apply, createWorld, ENDPOINT_VERSIONS, redactText, type Auth, type AuthenticationMethods, type Command, type DeliberateFault, type EndpointVersion, type Expectation, type Outcome, type Reason, type World } from '../model';
import type { CoverageRecorder } from '../io/recorder';
import { propertyFailure, type PropertyFailure } from './counterexample';
import type { Violation } from './invariants';
import { weighted } from './arbitraries';
import { eraOf, type Era } from './eras';
import type { PropertySettings } from './settings';
import type { RunStats } from './stats';

/**
 * A second opinion on "is this request accepted, and by which record": a small decision
 * table over endpoint × authentication × Application ID × the record's State, written from
 * the rules and the documented order of refusals (ASM-07), not from model/requests.ts.
 * Random abstract inputs are turned into a world by ordinary commands, the request is
 * applied, and the world's answer must be the table's. A bug must be made twice to pass.
 */

// ---------------------------------------------------------------------------------------
// The inputs


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

const held = (s: RecordState): boolean => s === 'enabled' || s === 'blocked' || s === 'waitingForApproval';

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

export const DECISION_TABLE_RULES: readonly string[] = [...new Set([...DECISION_TABLE.map((r) => r.rule), ...DECISION_TABLE.flatMap((r) => (r.then.accepted ? [] : [r.then.rule])), 'ASM-01', 'ASM-07', 'TOKEN-02'])];

// ---------------------------------------------------------------------------------------
// Random inputs

const authCaseArb: fc.Arbitrary<AuthCase> = weighted<AuthCase>(
  [1, fc.constant({ kind: 'none' })],
  [4, fc.record({
    kind: fc.constant('passport' as const),
    credentials: weighted<'valid' | 'wrongPassword' | 'otherAccountUser'>([6, fc.constant('valid')], [1, fc.constant('wrongPassword')], [1, fc.constant('otherAccountUser')]),
    applicationId: weighted<'none' | 'record' | 'unknown'>([2, fc.constant('none')], [5, fc.constant('record')], [1, fc.constant('unknown')]),
  })],
  [5, fc.record({
    kind: fc.constant('tba' as const),
    applicationId: weighted([5, fc.constant(false)], [1, fc.constant(true)]),
    consumerKey: weighted<'current' | 'stale'>([8, fc.constant('current')], [1, fc.constant('stale')]),
    token: weighted<'issued' | 'otherAccount' | 'otherRecord' | 'forged'>([6, fc.constant('issued')], [1, fc.constant('otherAccount')], [1, fc.constant('otherRecord')], [1, fc.constant('forged')]),
    signature: weighted<'valid' | 'invalid'>([5, fc.constant('valid')], [1, fc.constant('invalid')]),
  })],
  [2, fc.record({
    kind: fc.constant('session' as const),
    names: fc.constantFrom<'record' | 'default'>('record', 'default'),
    openedIn: weighted<'thisAccount' | 'otherAccount'>([5, fc.constant('thisAccount')], [1, fc.constant('otherAccount')]),
  })],
);

const inEra = (era: Era) => fc.constantFrom(...ENDPOINT_VERSIONS.filter((v) => eraOf(v) === era));
/** Every endpoint, weighted towards the era the authentication is meant for, and sometimes not. */
function endpointFor(auth: AuthCase): fc.Arbitrary<EndpointVersion> {
  const [legacy, applicationId, tokenOnly] = auth.kind === 'tba' ? [1, 3, 6] : auth.kind === 'none' ? [1, 1, 1] : [2, 6, 2];
  return weighted([legacy, inEra('legacy')], [applicationId, inEra('applicationId')], [tokenOnly, inEra('tokenOnly')]);
}

export const decisionInputArb: fc.Arbitrary<DecisionInput> = authCaseArb
  .chain((auth) => fc.record({
    channel: weighted<'soap' | 'restlet'>([4, fc.constant('soap')], [1, fc.constant('restlet')]),
    endpoint: endpointFor(auth),
    operation: weighted<'get' | 'getDataCenterUrls'>([9, fc.constant('get')], [1, fc.constant('getDataCenterUrls')]),
    auth: fc.constant(auth),
    methods: weighted<AuthenticationMethods>(
      [3, fc.constant({ userCredentials: true, tokenBased: true })],
      [1, fc.constant({ userCredentials: true, tokenBased: false })],
      [1, fc.constant({ userCredentials: false, tokenBased: true })],
    ),
    state: fc.constantFrom<RecordState>('enabled', 'absent', 'blocked', 'waitingForApproval', 'removed'),
    requireApproval: fc.boolean(),
    tokenFeature: weighted([5, fc.constant(true)], [1, fc.constant(false)]),
    defaultRecord: weighted<'enabled' | 'blocked'>([3, fc.constant('enabled')], [1, fc.constant('blocked')]),
  }))
  .map((i): DecisionInput => {
    if (i.auth.kind !== 'session') return i;
    // A session is SOAP, and is opened by a login that must succeed: through the record, the account holds it Enabled then.
    const names = i.auth.names === 'record' && !i.methods.userCredentials ? 'default' : i.auth.names;
    const state = names === 'record' && (i.state === 'absent' || i.state === 'waitingForApproval') ? 'enabled' : i.state;
    return { ...i, channel: 'soap', state, auth: { ...i.auth, names } };
  });

// ---------------------------------------------------------------------------------------
// The world an input describes, built by ordinary commands

export const RECEIVER = 'Customer';
export const OWNER = 'Partner';
const RECORD = 'App';
const OTHER_RECORD = 'Other';
const OUTSIDER = 'partner.dev';
const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';

/** The setup commands and then the request, from an empty world. */
export function commandsFor(i: DecisionInput): { setup: Command[]; request: Command } {
  const setup: Command[] = [
    { type: 'addAccount', account: OWNER, kind: 'partner' },
    { type: 'addAccount', account: RECEIVER, kind: 'customer' },
    { type: 'createRecord', account: OWNER, record: RECORD, authentication: i.methods },
  ];
  const auth = i.auth;
  const needsOther = auth.kind === 'tba' && auth.token === 'otherRecord';
  if (needsOther) {
    setup.push(
      { type: 'createRecord', account: OWNER, record: OTHER_RECORD, authentication: { userCredentials: true, tokenBased: true } },
      { type: 'createBundle', account: OWNER, bundle: 'Other bundle', records: [OTHER_RECORD] },
      { type: 'installBundle', account: RECEIVER, bundle: 'Other bundle' },
      { type: 'createAccessToken', account: RECEIVER, record: OTHER_RECORD, token: 'other token' },
    );
  }
  if (auth.kind === 'passport' && auth.credentials === 'otherAccountUser') setup.push({ type: 'addUser', account: OWNER, user: OUTSIDER, role: 'integrationFull' });
  if (i.state === 'enabled' || i.state === 'blocked' || i.state === 'removed') {
    setup.push(
      { type: 'createBundle', account: OWNER, bundle: 'App bundle', records: [RECORD] },
      { type: 'installBundle', account: RECEIVER, bundle: 'App bundle' },
    );
  } else if (i.state === 'waitingForApproval') {
    setup.push({ type: 'setPreference', account: RECEIVER, preference: 'requireApproval', value: true });
    setup.push(i.methods.tokenBased
      ? { type: 'issueToken', account: RECEIVER, record: RECORD, token: 'approval token' }
      : { type: 'request', request: { channel: 'soap', account: RECEIVER, endpoint: '2019.1', operation: 'get', auth: { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { of: RECORD } } } });
  }
  if (auth.kind === 'session') {
    const account = auth.openedIn === 'thisAccount' ? RECEIVER : OWNER;
    const viaRecord = auth.names === 'record' && i.methods.userCredentials;
    setup.push({
      type: 'login', account, endpoint: viaRecord ? '2019.1' : '2015.1', operation: 'login', session: 'session 1',
      auth: { kind: 'passport', user: 'administrator', password: 'valid', ...(viaRecord ? { applicationId: { of: RECORD } } : {}) },
    });
  }
  if (i.methods.tokenBased) {
    if (held(i.state) || i.state === 'removed') setup.push({ type: 'createAccessToken', account: RECEIVER, record: RECORD, token: 'app token' });
    if (auth.kind === 'tba' && auth.token === 'otherAccount') setup.push({ type: 'createAccessToken', account: OWNER, record: RECORD, token: 'partner token' });
  }
  if (i.state === 'blocked') setup.push({ type: 'editRecord', account: RECEIVER, record: RECORD, changes: { state: 'blocked' } });
  if (i.state === 'removed') setup.push({ type: 'uninstallBundle', account: RECEIVER, bundle: 'App bundle' });
  if (auth.kind === 'tba' && auth.consumerKey === 'stale') setup.push({ type: 'regenerateCredentials', account: OWNER, record: RECORD });
  setup.push(
    { type: 'setPreference', account: RECEIVER, preference: 'requireApproval', value: i.requireApproval },
    { type: 'setPreference', account: RECEIVER, preference: 'tokenBasedAuthentication', value: i.tokenFeature },
    { type: 'setDefaultRecordState', account: RECEIVER, state: i.defaultRecord },
  );
  return { setup, request: requestFor(i) };
}

function authFor(i: DecisionInput): Auth {
  const auth = i.auth;
  switch (auth.kind) {
    case 'none':
      return { kind: 'none' };
    case 'session':
      return { kind: 'session', session: 'session 1' };
    case 'passport': {
      const applicationId = auth.applicationId === 'record' ? { of: RECORD } : auth.applicationId === 'unknown' ? { literal: UNKNOWN_ID } : undefined;
      return {
        kind: 'passport',
        user: auth.credentials === 'otherAccountUser' ? OUTSIDER : 'administrator',
        password: auth.credentials === 'wrongPassword' ? 'invalid' : 'valid',
        ...(applicationId ? { applicationId } : {}),
      };
    }
    case 'tba': {
      const handle = { issued: 'app token', otherAccount: 'partner token', otherRecord: 'other token', forged: undefined }[auth.token];
      return {
        kind: 'tba',
        consumerKey: auth.consumerKey === 'stale' ? { of: RECORD, stale: true } : { of: RECORD },
        token: handle === undefined ? { forged: true } : { handle },
        signature: auth.signature,
        ...(auth.applicationId ? { applicationId: { of: RECORD } } : {}),
      };
    }
  }
}

function requestFor(i: DecisionInput): Command {
  const auth = authFor(i);
  return {
    type: 'request',
    request: i.channel === 'soap'
      ? { channel: 'soap', account: RECEIVER, endpoint: i.endpoint, operation: i.operation, auth }
      : { channel: 'restlet', account: RECEIVER, method: 'GET', auth },
  };
}

// ---------------------------------------------------------------------------------------
// The property

export const DECISION_PROPERTY_NAME = `decision table agrees with the world on whether a request is accepted and which record tracks it (${DECISION_TABLE_RULES.join(' ')})`;

class DecisionMismatch extends Error {
  constructor(readonly violation: Violation, readonly commands: readonly Command[]) {
    super(violation.message);
  }
}

function said(o: Outcome): string {
  if (o.kind === 'accepted') return `accepted, tracked by ${o.trackedBy?.by === 'record' ? o.trackedBy.record : o.trackedBy?.by ?? 'nothing said'}`;
  return o.kind === 'refused' ? `refused by ${o.rule}` : `invalid at ${o.at}: ${o.problem}`;
}

function agrees(d: Decision, o: Outcome): boolean {
  if (!d.accepted) return o.kind === 'refused' && o.rule === d.rule;
  if (o.kind !== 'accepted' || !o.trackedBy) return false;
  return d.trackedBy === 'App' ? o.trackedBy.by === 'record' && o.trackedBy.record === RECORD : o.trackedBy.by === d.trackedBy;
}

interface DecisionCheck {
  /** The table row that decided. */
  readonly row: number;
  /** The setup commands and the request, from an empty world. */
  readonly commands: readonly Command[];
  /** The mismatch between the world and the table, if any. */
  readonly violation: Violation | undefined;
}

/** Applies the input's commands to a fresh world and compares the request's outcome with the table. */
export function checkDecision(i: DecisionInput, worldSeed: number, faults: readonly DeliberateFault[], observe?: (o: Outcome, c: Command) => void): DecisionCheck {
  const { setup, request } = commandsFor(i);
  let world: World = createWorld({ seed: worldSeed, faults });
  for (const [n, c] of setup.entries()) {
    const r = apply(world, c);
    observe?.(r.outcome, c);
    if (r.outcome.kind === 'invalid') throw new Error(`decision table setup: commands[${n}] (${c.type}) is invalid: ${r.outcome.at}: ${r.outcome.problem}`);
    world = r.world;
  }
  const { outcome } = apply(world, request);
  observe?.(outcome, request);
  const { decision, row } = decide(i);
  const commands = [...setup, request];
  if (agrees(decision, outcome)) return { row, commands, violation: undefined };
  const expected: Expectation = decision.accepted ? { type: 'outcome', kind: 'accepted' } : { type: 'outcome', kind: 'refused', rule: decision.rule };
  const rule = DECISION_TABLE[row].rule;
  const violation: Violation = {
    invariant: `${rule} decision table row ${row + 1}`,
    rules: [...new Set([rule, ...(decision.accepted ? [] : [decision.rule])])],
    message: redactText(`${JSON.stringify(i)}: the world said ${said(outcome)}; the table says ${decision.accepted ? `accepted, tracked by ${decision.trackedBy}` : `refused by ${decision.rule}`} (row ${row + 1})`),
    expectations: [expected],
  };
  return { row, commands, violation };
}

export interface DecisionResult {
  readonly runs: number;
  readonly failure: PropertyFailure | undefined;
}

/** A row as statistics name it. */
export const rowLabel = (row: number): string => {
  const { rule, then } = DECISION_TABLE[row];
  return `row ${String(row + 1).padStart(2)} ${rule} ${then.accepted ? 'accepted' : `refused by ${then.rule}`}`;
};

export function checkDecisionTable(settings: PropertySettings, recorder?: CoverageRecorder, stats?: RunStats): DecisionResult {
  let run = 0;
  const property = fc.property(decisionInputArb, (i) => {
    run++;
    const observe = recorder || stats ? (o: Outcome, c: Command) => {
      recorder?.observe(o, run);
      stats?.observe(o, c);
    } : undefined;
    const { row, commands, violation } = checkDecision(i, settings.worldSeed, settings.faults, observe);
    recorder?.endRun(run);
    stats?.note('row', rowLabel(row));
    stats?.endRun();
    if (violation) throw new DecisionMismatch(violation, commands);
  });
  const details = fc.check(property, {
    numRuns: settings.numRuns * 4,
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    ...(settings.path !== undefined ? { path: settings.path } : {}),
  });
  if (!details.failed) return { runs: run, failure: undefined };
  const error = details.errorInstance;
  if (!(error instanceof DecisionMismatch)) throw new Error(`decision table: failed without a mismatch (seed ${details.seed}): ${String(error)}`);
  return { runs: run, failure: propertyFailure(DECISION_PROPERTY_NAME, settings, details, error) };
}
