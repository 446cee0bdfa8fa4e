import { Log } from './log';
import type { Auth, CommandOf, PassportAuth, Request, TbaAuth } from './commands';
import { endpointEra, isEndpointVersion, type EndpointEra, type EndpointVersion } from './endpoints';
import type { Fault, InstallationStep, Outcome, Reason, Tracking } from './outcomes';
import { normaliseApplicationId } from './random';
import { accepted, getAccount, getRecord, hasFault, invalid, isPresent, move, refused, stateIn } from './state';
import { TIMESTAMP_WINDOW_SECONDS, type AccessToken, type Account, type Channel, type IntegrationRecord, type LogEntry, type World } from './types';

/**
 * How the world answers a request: SOAP (by endpoint version and operation), RESTlet, or a
 * login. One evaluation order for all of them (ASM-07): ambiguous authentication first (AUTH-03,
 * FACT-09, FACT-10), then the endpoint era,
 * then credentials, then the record's permitted methods, then its State in the account.
 */

type Result = { world: World; outcome: Outcome };
/** The tracking of a request that reaches a log: by a record or by the Default record (untracked ones return early). */
type Logged = Exclude<Tracking, { by: 'none' }>;

/** What a request looks like to the evaluation, whatever its kind. */
interface Call {
  readonly command: 'request' | 'login';
  readonly channel: Channel;
  readonly account: Account;
  /** Undefined for RESTlets, which have no endpoint version (ASM-10). */
  readonly endpoint?: EndpointVersion;
  readonly era?: EndpointEra;
  readonly operation: string;
}

const INVALID_LOGIN = 'Invalid login attempt.';

function resolveApplicationId(world: World, ref: NonNullable<Extract<Auth, { kind: 'passport' }>['applicationId']>, at: string): IntegrationRecord | undefined {
  if ('of' in ref) return getRecord(world, ref.of, `${at}.of`);
  const id = normaliseApplicationId(ref.literal);
  if (!id) invalid(at, 'malformed Application ID', '32 hexadecimal digits, e.g. 8-4-4-4-12 groups');
  return Object.values(world.records).find((r) => r.applicationId === id);
}

/**
 * Records an accepted request: in the tracking record's execution log in this account, and
 * for SOAP in the account's usage log (LOG-01). RESTlets reach the execution log only with
 * token-based authentication (LOG-02) and never the SOAP usage log (ASM-10). Appending is
 * O(1) however long the logs are (log.ts).
 *
 * Runs once per accepted request, so each object is built once and whole: an entry spread
 * from another takes V8's slow path, and the account is copied once for both of its logs.
 */
function track(world: World, call: Call, tracking: Logged): World {
  const seq = world.seq + 1;
  const { channel, endpoint, operation } = call;
  const entry: LogEntry = endpoint ? { seq, channel, endpoint, operation } : { seq, channel, operation };
  const account = world.accounts[call.account.name];
  const usageLog = channel === 'soap'
    ? account.usageLog.append({ seq, channel, endpoint, operation, trackedBy: tracking.by === 'default' ? 'default' : tracking.record })
    : account.usageLog;
  let tracked: Account;
  if (tracking.by === 'default') {
    tracked = { ...account, usageLog, defaultRecord: { ...account.defaultRecord, log: account.defaultRecord.log.append(entry) } };
  } else {
    const inst = account.installations[tracking.record];
    tracked = { ...account, usageLog, installations: { ...account.installations, [tracking.record]: { ...inst, log: inst.log.append(entry) } } };
  }
  return { ...world, seq, accounts: { ...world.accounts, [tracked.name]: tracked } };
}

/** The State gate shared by every authentication (STATE-01, STATE-02). */
function stateRefusal(world: World, call: Call, record: IntegrationRecord, tba: boolean, transitions: readonly InstallationStep[]): Outcome | undefined {
  const state = stateIn(world.accounts[call.account.name], record.ref);
  if (state === 'blocked' && !hasFault(world, 'STATE-01')) {
    return refused(call.command, 'STATE-01', 'INVALID_LOGIN_ATTEMPT', INVALID_LOGIN, tba ? 'consumer_key_refused' : 'integration_blocked', transitions);
  }
  if (state === 'waitingForApproval') {
    return refused(call.command, 'STATE-02', 'INVALID_LOGIN_ATTEMPT', INVALID_LOGIN, 'waiting_for_approval', transitions);
  }
  return undefined;
}

function acceptedBy(world: World, call: Call, tracking: Logged, rules: readonly Reason[], transitions: readonly InstallationStep[] = []): Result {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: only the wording of the change statement; which record tracked the request is the outcome's trackedBy (checked)
  const what = tracking.by === 'record' ? `tracked by "${tracking.record}"` : 'tracked by the Default Web Services Integrations record';
  return {
    world: track(world, call, tracking),
    outcome: accepted(call.command, rules, { transitions, trackedBy: tracking, changes: [`${call.operation} in "${call.account.name}" ${what}`] }),
  };
}

/**
 * Replay (FACT-11, FACT-12, ASM-17): a timestamp outside the window, or a nonce this token's
 * accepted requests already used, is an invalid login. Checked once the signature holds.
 */
function replayRefusal(call: Call, token: AccessToken, auth: TbaAuth, receivedAt: number | undefined): { rule: Reason; detail: Fault['detail'] } | undefined {
  // Without either time the difference is NaN, which is never outside the window.
  if (Math.abs((receivedAt ?? NaN) - (auth.timestamp ?? NaN)) > TIMESTAMP_WINDOW_SECONDS) {
    return { rule: 'FACT-12', detail: 'InvalidTimestamp' };
  }
  if (token.usedNonces.has(auth.nonce)) {
    return { rule: 'FACT-11', detail: call.channel === 'restlet' ? 'nonce_used' : 'NonceUsed' };
  }
  return undefined;
}

/**
 * Keeps the accepted request's nonce, and only the nonces still inside the window: an older
 * one could only come back with a timestamp the window refuses anyway (ASM-17).
 */
function rememberNonce(world: World, token: AccessToken, auth: TbaAuth, receivedAt: number | undefined): World {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a nonce always comes with its timestamp (invalid otherwise); an entry without a nonce is never asked for
  if (auth.nonce === undefined || auth.timestamp === undefined) return world;
  // Stryker disable next-line LogicalOperator: the clock only decides how early a nonce is forgotten; a later threshold forgets only nonces whose timestamps the window refuses anyway
  const now = receivedAt ?? auth.timestamp;
  const updated: AccessToken = { ...token, usedNonces: token.usedNonces.remember({ nonce: auth.nonce, timestamp: auth.timestamp }, now - TIMESTAMP_WINDOW_SECONDS) };
  return { ...world, tokens: { ...world.tokens, [token.handle]: updated } };
}

/** Token-based authentication: consumer key, token, signature, replay, then method and State. */
function evaluateTba(world: World, call: Call, auth: TbaAuth, receivedAt?: number): Result {
  const record = getRecord(world, auth.consumerKey.of, 'auth.consumerKey.of');
  if (auth.consumerKey.stale && record.previousConsumerKey === undefined) {
    invalid('auth.consumerKey.stale', `record "${record.ref}" has never had its credentials regenerated`, 'stale only after a regeneration');
  }
  const refuse = (rule: Reason, detail: Fault['detail']) => ({ world, outcome: refused(call.command, rule, 'INVALID_LOGIN_ATTEMPT', INVALID_LOGIN, detail) });
  if (auth.nonce !== undefined && auth.timestamp === undefined) invalid('auth.timestamp', 'a nonce without its timestamp', 'a Unix timestamp in seconds next to the nonce');
  if (auth.consumerKey.stale) return refuse('REC-05', 'consumer_key_unknown');
  if (!call.account.preferences.tokenBasedAuthentication) return refuse('FACT-08', 'FeatureDisabled');
  if (!record.authentication.tokenBased) return refuse('AUTH-01', 'method_not_permitted');
  const token = 'handle' in auth.token ? world.tokens[auth.token.handle] : undefined;
  // A token is good only in its own account, for its own record, while that record is held (FACT-04, ASM-14).
  if (!token || token.account !== call.account.name || token.record !== record.ref || !isPresent(stateIn(call.account, record.ref))) {
    return refuse('FACT-04', 'invalid_token');
  }
  if (auth.signature === 'invalid') return refuse('AUTH-05', 'InvalidSignature');
  const replay = replayRefusal(call, token, auth, receivedAt);
  if (replay) return refuse(replay.rule, replay.detail);
  const gate = stateRefusal(world, call, record, true, []);
  if (gate) return { world, outcome: gate };
  const rules: Reason[] = call.channel === 'restlet' ? ['AUTH-01', 'LOG-02', 'ASM-10'] : ['AUTH-01', 'AUTH-03', 'AUTH-05', 'LOG-01'];
  // A nonce always comes with its timestamp (invalid otherwise), so a timestamp is what puts the replay rules to use.
  if (auth.timestamp !== undefined) rules.push('FACT-11', 'FACT-12', 'ASM-17');
  return acceptedBy(rememberNonce(world, token, auth, receivedAt), call, { by: 'record', record: record.ref }, rules);
}

/**
 * User credentials with the record named by an Application ID (or by a session): auto-installs
 * the record if the account does not hold it (OWN-02, ASM-01, ASM-08), then the State decides.
 */
function evaluateForRecord(world: World, call: Call, record: IntegrationRecord, viaSession: boolean): Result {
  if (!record.authentication.userCredentials) {
    return { world, outcome: refused(call.command, 'AUTH-01', 'INVALID_LOGIN_ATTEMPT', INVALID_LOGIN, 'method_not_permitted') };
  }
  let w = world;
  const transitions: InstallationStep[] = [];
  const rules: Reason[] = ['AUTH-01', 'AUTH-02', call.era === 'legacy' ? 'AUTH-04' : 'AUTH-05', 'LOG-01'];
  const before = stateIn(call.account, record.ref);
  if (!isPresent(before)) {
    if (viaSession) {
      return { world, outcome: refused(call.command, 'ASM-16', 'INVALID_SESSION', 'The session is no longer valid: its integration record left the account.') };
    }
    const moved = move(w, call.account.name, record.ref, { type: 'AUTO_INSTALL', requireApproval: call.account.preferences.requireApproval }, {
      origin: 'autoInstall',
      bundle: undefined,
      note: '',
      log: Log.empty(),
    });
    // Stryker disable next-line ConditionalExpression: the statechart takes AUTO_INSTALL from every State not held (model/lifecycle.test.ts); this only guards a broken machine
    if (!moved) throw new Error('statechart refused AUTO_INSTALL of a record the account does not hold');
    w = moved.world;
    transitions.push(moved.step);
    rules.push('OWN-02', 'ASM-01', 'SBX-05');
    if (call.account.kind === 'sandbox' && before === 'removed') rules.push('SBX-04');
  }
  const gate = stateRefusal(w, call, record, false, transitions);
  if (gate) return { world: w, outcome: gate };
  return acceptedBy(w, call, { by: 'record', record: record.ref }, rules, transitions);
}

/** Requests with neither an Application ID nor TBA go to the Default record, on 2015.1 and earlier only. */
function evaluateDefault(world: World, call: Call): Result {
  if (call.era !== 'legacy') {
    return { world, outcome: refused(call.command, 'AUTH-05', 'INVALID_APP_ID', 'An Application ID is required for requests with user credentials on endpoint 2015.2 and later.') };
  }
  if (call.account.defaultRecord.state === 'blocked') {
    return { world, outcome: refused(call.command, 'FACT-06', 'INVALID_LOGIN_ATTEMPT', INVALID_LOGIN, 'default_integration_blocked') };
  }
  return acceptedBy(world, call, { by: 'default' }, ['AUTH-04', 'FACT-06', 'LOG-01']);
}

function credentialsValid(world: World, call: Call, auth: PassportAuth): boolean {
  const user = call.account.users[auth.user];
  if (!user && !Object.values(world.accounts).some((a) => a.users[auth.user])) {
    invalid('auth.user', `no account has a user "${auth.user}"`, `one of the users of "${call.account.name}": ${Object.keys(call.account.users).join(', ')}`);
  }
  // A user of another account is a real-world mistake, answered as NetSuite would.
  return user !== undefined && auth.password === 'valid';
}

function evaluatePassport(world: World, call: Call, auth: PassportAuth): Result {
  if (!credentialsValid(world, call, auth)) {
    return { world, outcome: refused(call.command, call.era === 'legacy' ? 'AUTH-04' : 'AUTH-05', 'INVALID_LOGIN_CREDENTIALS', 'You have entered an invalid email address or password. Please try again.') };
  }
  if (!auth.applicationId) return evaluateDefault(world, call);
  const record = resolveApplicationId(world, auth.applicationId, 'auth.applicationId');
  if (!record) return { world, outcome: refused(call.command, 'AUTH-02', 'INVALID_APP_ID', 'The Application ID is not valid for this account.') };
  return evaluateForRecord(world, call, record, false);
}

function evaluateSession(world: World, call: Call, auth: Extract<Auth, { kind: 'session' }>): Result {
  const session = world.sessions[auth.session];
  if (!session) invalid('auth.session', `unknown session "${auth.session}"`, `one of ${Object.keys(world.sessions).map((s) => `"${s}"`).join(', ') || '(no login yet)'}`);
  if (!session.active || session.account !== call.account.name) {
    return { world, outcome: refused(call.command, 'ASM-16', 'INVALID_SESSION', 'The session is not valid in this account; log in again.') };
  }
  if (session.record === null) return evaluateDefault(world, call);
  return evaluateForRecord(world, call, world.records[session.record], true);
}

/** The era gate (AUTH-04, AUTH-07, ASM-09); RESTlets have no endpoint version. */
function eraRefusal(world: World, call: Call, auth: Auth): Outcome | undefined {
  if (call.era === 'legacy' && auth.kind === 'tba') {
    return refused(call.command, 'AUTH-04', 'USER_ERROR', 'Token-based authentication is not supported on endpoint 2015.1 and earlier.');
  }
  if (call.era === 'tokenOnly' && (auth.kind === 'passport' || auth.kind === 'session') && !hasFault(world, 'AUTH-07')) {
    return refused(call.command, 'AUTH-07', 'USER_ERROR', 'Request-level credentials are not supported on endpoint 2020.2 and later; use token-based authentication.');
  }
  return undefined;
}

/**
 * Token-based authentication with anything else that authenticates is "Ambiguous
 * authentication": an Application ID (AUTH-03), a Passport (FACT-09) or an open session
 * (FACT-10). A session that is closed or belongs to another account authenticates nothing.
 */
function ambiguous(world: World, call: Call, auth: Auth): Outcome | undefined {
  if (auth.kind !== 'tba') return undefined;
  const refuse = (rule: Reason) => refused(call.command, rule, 'USER_ERROR', AMBIGUOUS);
  if (auth.applicationId !== undefined && !hasFault(world, 'AUTH-03')) return refuse('AUTH-03');
  if (auth.alsoPassport !== undefined) return refuse('FACT-09');
  if (auth.alsoSession !== undefined) {
    const session = world.sessions[auth.alsoSession];
    if (!session) invalid('auth.alsoSession', `unknown session "${auth.alsoSession}"`, `one of ${Object.keys(world.sessions).map((x) => `"${x}"`).join(', ') || '(no login yet)'}`);
    if (session.active && session.account === call.account.name) return refuse('FACT-10');
  }
  return undefined;
}

/** The fault string NetSuite answers (FACT-09, FACT-13). */
const AMBIGUOUS = 'Ambiguous authentication';

const NO_AUTH_MESSAGE = 'Authentication is required: send token-based authentication details or user credentials.';

/** An endpoint version the model knows, or invalid at `at`. */
function checkedEndpoint(endpoint: string, at: string): EndpointVersion {
  if (!isEndpointVersion(endpoint)) invalid(at, `endpoint version "${endpoint}" does not exist`, '2014.2 through 2026.1, e.g. 2015.1, 2019.2, 2021.1');
  return endpoint;
}

/** A SOAP call on a checked endpoint version. */
function soapCall(command: Call['command'], account: Account, endpoint: string, at: string, operation: string): Call {
  const version = checkedEndpoint(endpoint, at);
  return { command, channel: 'soap', account, endpoint: version, era: endpointEra(version), operation };
}

/** A SOAP or RESTlet request (AUTH-01..07, STATE-01/02, LOG-01/02). */
export function sendRequest(world: World, cmd: CommandOf<'request'>): Result {
  const request: Request = cmd.request;
  const account = getAccount(world, request.account, 'request.account');
  const call: Call =
    request.channel === 'soap'
      ? soapCall('request', account, request.endpoint, 'request.endpoint', request.operation)
      : { command: 'request', channel: 'restlet', account, operation: request.method };
  const auth = request.auth;
  const first = ambiguous(world, call, auth);
  if (first) return { world, outcome: first };
  // Stryker disable next-line ConditionalExpression: a RESTlet request has a method, no operation; the channel test narrows the type
  if (request.channel === 'soap' && request.operation === 'getDataCenterUrls') {
    // No authentication, no record, no log (AUTH-06, ASM-06).
    return { world, outcome: accepted('request', ['AUTH-06'], { trackedBy: { by: 'none' } }) };
  }
  if (auth.kind === 'none') return { world, outcome: refused('request', 'AUTH-06', 'USER_ERROR', NO_AUTH_MESSAGE) };
  const era = eraRefusal(world, call, auth);
  if (era) return { world, outcome: era };
  switch (auth.kind) {
    case 'tba':
      return evaluateTba(world, call, auth, request.receivedAt);
    case 'passport':
      if (call.channel === 'restlet') {
        // User-credential RESTlet calls are tracked by no record (LOG-02, ASM-10).
        if (!credentialsValid(world, call, auth)) {
          return { world, outcome: refused('request', 'AUTH-05', 'INVALID_LOGIN_CREDENTIALS', 'You have entered an invalid email address or password. Please try again.') };
        }
        // Stryker disable next-line ArrayDeclaration: the world is unchanged; the statement is only wording (ASM-20 asks it of changes)
        return { world, outcome: accepted('request', ['LOG-02', 'ASM-10'], { trackedBy: { by: 'none' }, changes: [`${call.operation} RESTlet call in "${account.name}" tracked by no record`] }) };
      }
      return evaluatePassport(world, call, auth);
    case 'session':
      if (call.channel === 'restlet') invalid('request.auth', 'RESTlets take no SOAP session', 'token-based authentication or user credentials');
      return evaluateSession(world, call, auth);
  }
}

/** login / ssoLogin: user credentials, the Application ID once for the session (AUTH-05, FACT-07). */
export function login(world: World, cmd: CommandOf<'login'>): Result {
  const account = getAccount(world, cmd.account);
  const call = soapCall('login', account, cmd.endpoint, 'endpoint', cmd.operation);
  if (world.sessions[cmd.session]?.active) invalid('session', `session "${cmd.session}" is already open`, 'a new session handle');
  const auth = cmd.auth;
  const first = ambiguous(world, call, auth);
  if (first) return { world, outcome: first };
  if (auth.kind === 'tba') {
    return { world, outcome: refused('login', 'FACT-07', 'USER_ERROR', 'The login operation is not available with token-based authentication; send the token with each request.') };
  }
  if (auth.kind === 'session') invalid('auth', 'login takes user credentials, not a session', 'auth of kind "passport"');
  if (auth.kind === 'none') return { world, outcome: refused('login', 'AUTH-06', 'USER_ERROR', NO_AUTH_MESSAGE) };
  const era = eraRefusal(world, call, auth);
  if (era) return { world, outcome: era };
  const result = evaluatePassport(world, call, auth);
  if (result.outcome.kind !== 'accepted') return result;
  const tracked = result.outcome.trackedBy;
  // Stryker disable next-line OptionalChaining: an accepted login always says what tracked it
  const record = tracked?.by === 'record' ? tracked.record : null;
  return {
    world: {
      ...result.world,
      sessions: { ...result.world.sessions, [cmd.session]: { handle: cmd.session, account: account.name, user: auth.user, record, active: true } },
    },
    outcome: { ...result.outcome, changes: [...result.outcome.changes, `session "${cmd.session}" opened`] },
  };
}

/**
 * logout: closes the session it is sent in, which later requests in it then find closed
 * (ASM-16). Like login it exists only up to 2020.1 (AUTH-07, ASM-09). Logging out of a session
 * already closed changes nothing and still succeeds (ASM-19).
 */
export function logout(world: World, cmd: CommandOf<'logout'>): Result {
  const account = getAccount(world, cmd.account);
  const era = endpointEra(checkedEndpoint(cmd.endpoint, 'endpoint'));
  const session = world.sessions[cmd.session];
  if (!session) invalid('session', `unknown session "${cmd.session}"`, `one of ${Object.keys(world.sessions).map((s) => `"${s}"`).join(', ') || '(no login yet)'}`);
  const refuse = (rule: Reason, code: Fault['code'], message: string): Result => ({ world, outcome: refused('logout', rule, code, message) });
  if (era === 'tokenOnly' && !hasFault(world, 'AUTH-07')) {
    return refuse('AUTH-07', 'USER_ERROR', 'The logout operation is not available on endpoint 2020.2 and later; sessions end there with user credentials.');
  }
  if (session.account !== account.name) return refuse('ASM-16', 'INVALID_SESSION', 'The session is not valid in this account; log in again.');
  // Nothing changes, and accepted() says so by default.
  if (!session.active) return { world, outcome: accepted('logout', ['AUTH-05', 'ASM-19']) };
  return {
    world: { ...world, sessions: { ...world.sessions, [cmd.session]: { ...session, active: false } } },
    outcome: accepted('logout', ['AUTH-05', 'ASM-19'], { changes: [`session "${cmd.session}" closed`] }),
  };
}
