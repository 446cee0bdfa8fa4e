import { APPLICATION_ID_PATTERN, COMMAND_TYPES, DEFAULT_USER, deriveTransitions, ENDPOINT_VERSIONS, findConfidential, idsIn, redactText, type Account, type Auth, type Command, type CommandOf, type CommandType, type EndpointVersion, type Expectation, type Installation, type LifecycleEventType, type LifecycleState, type Outcome, type Reason, type Role, type World } from '../model';
import { eraOf as eraOfVersion, type Era } from './eras';

/**
 * Invariants over one step of the world, each named by the rule IDs it checks. Each states
 * its rule on its own terms (a small table of who may do what, which refusal comes first),
 * not by calling the model's code again. Pure, deterministic and cheap: the explorer calls
 * them on hundreds of thousands of steps, so they compare the few parts a command may touch,
 * relying on the world's structural sharing only as a fast path.
 */

export interface StepContext {
  readonly before: World;
  readonly command: Command;
  readonly after: World;
  readonly outcome: Outcome;
}

export interface Violation {
  readonly invariant: string;
  readonly rules: readonly string[];
  readonly message: string;
  /** What should have held after the command, as a scenario asserts it; empty when no step phrase can say it. */
  readonly expectations: readonly Expectation[];
}

export interface Invariant {
  readonly name: string;
  readonly rules: readonly string[];
  check(step: StepContext): Violation | undefined;
}

// ---------------------------------------------------------------------------------------
// Vocabulary

interface Problem {
  readonly message: string;
  readonly expectations?: readonly Expectation[];
}

/** The command types an invariant can say anything about; absent means every command. */
const CONCERNS = new Map<Invariant, readonly CommandType[]>();

function define(name: string, check: (step: StepContext) => Problem | undefined, concerns?: readonly CommandType[]): Invariant {
  const rules = [...new Set(idsIn(name))];
  const invariant: Invariant = {
    name,
    rules,
    check(step) {
      const p = check(step);
      return p && { invariant: name, rules, message: redactText(p.message), expectations: p.expectations ?? [] };
    },
  };
  if (concerns) CONCERNS.set(invariant, concerns);
  return invariant;
}

let lastStep: StepContext | undefined;
let lastBefore: World | undefined;
let lastAfter: World | undefined;
let lastChanged: readonly string[] = [];

/**
 * Accounts whose data the step replaced (the world shares what it did not touch), computed
 * once per step: keyed on the step and its two worlds, so a caller reusing one step object is safe.
 */
function changedAccounts(step: StepContext): readonly string[] {
  if (step !== lastStep || step.before !== lastBefore || step.after !== lastAfter) {
    lastStep = step;
    lastBefore = step.before;
    lastAfter = step.after;
    const changed: string[] = [];
    if (step.before.accounts !== step.after.accounts) {
      for (const name in step.after.accounts) if (step.after.accounts[name] !== step.before.accounts[name]) changed.push(name);
    }
    lastChanged = changed;
  }
  return lastChanged;
}

const refusedBy = (rule: Reason): Expectation => ({ type: 'outcome', kind: 'refused', rule });
const ACCEPTED: Expectation = { type: 'outcome', kind: 'accepted' };
const stateExpectation = (account: string, record: string, state: LifecycleState): Expectation => ({ type: 'state', account, record, state });
/** The expected answer as an expectation: accepted, or refused by a rule. */
const answer = (expected: Reason | 'accepted'): Expectation => (expected === 'accepted' ? ACCEPTED : refusedBy(expected));

/** Held by the account. Stated here, not imported from model/state.ts: the model's rules use its own copy, and a shared bug would blind the invariants. */
function isPresent(state: LifecycleState | undefined): boolean {
  return state === 'enabled' || state === 'blocked' || state === 'waitingForApproval';
}

function stateIn(world: World, account: string, record: string): LifecycleState {
  return world.accounts[account]?.installations[record]?.state ?? 'absent';
}

/** The account created the record and still holds it as created (REC-03, ASM-13). */
function createdAndHeld(world: World, account: string, record: string): boolean {
  const inst = world.accounts[account]?.installations[record];
  return world.records[record]?.owner === account && inst !== undefined && inst.origin === 'created' && isPresent(inst.state);
}

function roleOf(world: World, account: string, user: string | undefined): Role | undefined {
  return world.accounts[account]?.users[user ?? DEFAULT_USER]?.role;
}

function said(outcome: Outcome): string {
  if (outcome.kind === 'accepted') return 'accepted';
  if (outcome.kind === 'refused') return `refused by ${outcome.rule} (${outcome.fault.code})`;
  return `invalid at ${outcome.at}`;
}

/** The answer the world gave, in the terms of an expected one. */
function answerOf(outcome: Outcome): Reason | 'accepted' | 'invalid' {
  return outcome.kind === 'accepted' ? 'accepted' : outcome.kind === 'refused' ? outcome.rule : 'invalid';
}

function mismatch(step: StepContext, what: string, expected: Reason | 'accepted'): Problem | undefined {
  const got = answerOf(step.outcome);
  if (got === 'invalid' || got === expected) return undefined;
  return {
    message: `${what} was ${said(step.outcome)}; expected ${expected === 'accepted' ? 'it to be accepted' : `a refusal by ${expected}`}`,
    expectations: [answer(expected)],
  };
}

/** A request or login as the rules see it. */
interface Call {
  readonly login: boolean;
  readonly account: string;
  readonly channel: 'soap' | 'restlet';
  readonly endpoint?: EndpointVersion;
  readonly era?: Era;
  readonly operation: string;
  readonly auth: Auth;
}

let lastCommand: Command | undefined;
let lastCall: Call | undefined;

/** The request or login a command is, decoded once per command (invariants share it). */
function callOf(command: Command): Call | undefined {
  if (command !== lastCommand) {
    lastCommand = command;
    lastCall = decodeCall(command);
  }
  return lastCall;
}

function decodeCall(command: Command): Call | undefined {
  if (command.type === 'login') {
    return { login: true, account: command.account, channel: 'soap', endpoint: command.endpoint, era: eraOf(command.endpoint), operation: command.operation, auth: command.auth };
  }
  if (command.type !== 'request') return undefined;
  const r = command.request;
  return r.channel === 'soap'
    ? { login: false, account: r.account, channel: 'soap', endpoint: r.endpoint, era: eraOf(r.endpoint), operation: r.operation, auth: r.auth }
    : { login: false, account: r.account, channel: 'restlet', operation: r.method, auth: r.auth };
}

// Eras from the rule texts (properties/eras.ts), not the model's; undefined for an endpoint that does not exist.
const ERAS = new Map<string, Era>(ENDPOINT_VERSIONS.map((v) => [v, eraOfVersion(v)]));
const eraOf = (endpoint: EndpointVersion): Era | undefined => ERAS.get(endpoint);

function describeCall(c: Call): string {
  const where = c.channel === 'soap' ? `${c.login ? '' : 'SOAP '}${c.operation} on ${c.endpoint}` : `RESTlet ${c.operation}`;
  const auth = c.auth.kind === 'tba' ? `token-based${c.auth.applicationId ? ' with an Application ID' : ''}`
    : c.auth.kind === 'passport' ? `user credentials${c.auth.applicationId ? ' with an Application ID' : ''}`
      : c.auth.kind === 'session' ? 'a session' : 'no authentication';
  return `${where} in "${c.account}" with ${auth}`;
}

const ambiguous = (c: Call): boolean => c.auth.kind === 'tba' && c.auth.applicationId !== undefined;
const isDataCenterUrls = (c: Call): boolean => c.channel === 'soap' && !c.login && c.operation === 'getDataCenterUrls';

/** Which record a request names (consumer key, Application ID, session), if any. */
function namedRecord(world: World, c: Call): string | null | undefined {
  const auth = c.auth;
  if (auth.kind === 'tba') return auth.consumerKey.of;
  if (auth.kind === 'passport') {
    if (!auth.applicationId) return null;
    if ('of' in auth.applicationId) return auth.applicationId.of;
    const bare = auth.applicationId.literal.replace(/-/g, '').toUpperCase();
    for (const r of Object.values(world.records)) if (r.applicationId.replace(/-/g, '') === bare) return r.ref;
    return undefined;
  }
  if (auth.kind === 'session') return world.sessions[auth.session]?.record ?? null;
  return undefined;
}

/** Eight hex digits in a row: the start of anything confidential, and rare in plain text. */
const HEX_RUN = /[0-9a-fA-F]{8}/;
const confidential = (text: string): boolean => HEX_RUN.test(text) && findConfidential(text).length > 0;

/** First difference between two worlds in what commands can change; undefined when none. */
export function worldDifference(a: World, b: World): string | undefined {
  if (a === b) return undefined;
  if (a.seq !== b.seq) return `sequence ${a.seq} -> ${b.seq}`;
  if (a.records !== b.records) {
    const ka = Object.keys(a.records);
    if (ka.length !== Object.keys(b.records).length) return 'the set of records';
    for (const k of ka) {
      const x = a.records[k];
      const y = b.records[k];
      if (!y) return `record "${k}" disappeared`;
      if (x !== y && (x.name !== y.name || x.description !== y.description || x.consumerKey !== y.consumerKey || x.consumerSecret !== y.consumerSecret
        || x.applicationId !== y.applicationId || x.owner !== y.owner || x.authentication.userCredentials !== y.authentication.userCredentials
        || x.authentication.tokenBased !== y.authentication.tokenBased)) return `record "${k}"`;
    }
  }
  if (a.tokens !== b.tokens && Object.keys(a.tokens).join('\u0000') !== Object.keys(b.tokens).join('\u0000')) return 'the access tokens';
  if (a.sessions !== b.sessions) {
    const ka = Object.keys(a.sessions);
    if (ka.length !== Object.keys(b.sessions).length || ka.some((k) => b.sessions[k]?.active !== a.sessions[k].active)) return 'the sessions';
  }
  if (a.bundles !== b.bundles) {
    const ka = Object.keys(a.bundles);
    if (ka.length !== Object.keys(b.bundles).length || ka.some((k) => b.bundles[k]?.installedIn.length !== a.bundles[k].installedIn.length)) return 'the bundles';
  }
  if (a.accounts !== b.accounts) {
    const ka = Object.keys(a.accounts);
    if (ka.length !== Object.keys(b.accounts).length) return 'the set of accounts';
    for (const k of ka) {
      const d = accountDifference(a.accounts[k], b.accounts[k]);
      if (d) return `account "${k}": ${d}`;
    }
  }
  return undefined;
}

function accountDifference(x: Account, y: Account | undefined): string | undefined {
  if (x === y) return undefined;
  if (!y) return 'disappeared';
  if (x.usageLog.length !== y.usageLog.length) return 'usage log';
  if (x.systemNotes.length !== y.systemNotes.length) return 'system notes';
  if (x.defaultRecord.state !== y.defaultRecord.state || x.defaultRecord.log.length !== y.defaultRecord.log.length) return 'Default record';
  if (x.preferences.requireApproval !== y.preferences.requireApproval || x.preferences.tokenBasedAuthentication !== y.preferences.tokenBasedAuthentication) return 'preferences';
  if (Object.keys(x.users).length !== Object.keys(y.users).length) return 'users';
  if (x.installations !== y.installations) {
    const keys = new Set([...Object.keys(x.installations), ...Object.keys(y.installations)]);
    for (const r of keys) {
      const i = x.installations[r];
      const j = y.installations[r];
      if (i === j) continue;
      if (!i || !j || i.state !== j.state || i.note !== j.note || i.origin !== j.origin || i.log.length !== j.log.length) return `installation of "${r}"`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Authentication

const ambiguousRefused = define('AUTH-03 a token-based request or login carrying an Application ID is refused as ambiguous, on every endpoint', (step) => {
  const c = callOf(step.command);
  if (!c || !ambiguous(c)) return undefined;
  return mismatch(step, describeCall(c), 'AUTH-03');
}, ['request', 'login']);

const endpointEras = define(
  'AUTH-04 AUTH-07 ASM-09 FACT-07 no token-based request on 2015.1 or earlier, no user credentials or session on 2020.2 or later, no login with token-based authentication',
  (step) => {
    const c = callOf(step.command);
    if (!c || ambiguous(c) || isDataCenterUrls(c) || c.channel !== 'soap') return undefined;
    const kind = c.auth.kind;
    if (c.login && kind === 'tba') return mismatch(step, describeCall(c), 'FACT-07');
    if (c.era === 'legacy' && kind === 'tba') return mismatch(step, describeCall(c), 'AUTH-04');
    if (c.era === 'tokenOnly' && (kind === 'passport' || kind === 'session')) return mismatch(step, describeCall(c), 'AUTH-07');
    return undefined;
  },
  ['request', 'login'],
);

const dataCenterUrls = define('AUTH-06 ASM-06 getDataCenterUrls is accepted without authentication or Application ID, tracked by no record and logged nowhere; anything else needs authentication', (step) => {
  const c = callOf(step.command);
  if (!c || ambiguous(c) || step.outcome.kind === 'invalid') return undefined;
  if (isDataCenterUrls(c)) {
    if (step.outcome.kind !== 'accepted') return mismatch(step, describeCall(c), 'accepted');
    if (step.outcome.trackedBy?.by !== 'none') return { message: `${describeCall(c)} was tracked by ${step.outcome.trackedBy?.by ?? 'nothing said'}; expected no record` };
    const d = worldDifference(step.before, step.after);
    return d ? { message: `${describeCall(c)} changed ${d}; expected no log entry anywhere` } : undefined;
  }
  if (c.auth.kind === 'none') return mismatch(step, describeCall(c), 'AUTH-06');
  return undefined;
}, ['request', 'login']);

const stateGate = define(
  'STATE-01 STATE-02 FACT-06 ASM-15 ASM-16 no request, login or Issue Token call is accepted for a record Blocked or Waiting for Approval in that account, nor through a blocked Default record',
  (step) => {
    const o = step.outcome;
    if (o.kind !== 'accepted') return undefined;
    if (step.command.type === 'issueToken') {
      const s0 = stateIn(step.before, step.command.account, step.command.record);
      if (s0 === 'blocked') return mismatch(step, `Issue Token for "${step.command.record}" Blocked in "${step.command.account}"`, 'STATE-01');
      if (s0 === 'waitingForApproval') return mismatch(step, `Issue Token for "${step.command.record}" Waiting for Approval in "${step.command.account}"`, 'STATE-02');
      return undefined;
    }
    const c = callOf(step.command);
    if (!c || !o.trackedBy) return undefined;
    if (o.trackedBy.by === 'default') {
      return step.before.accounts[c.account]?.defaultRecord.state === 'blocked' ? mismatch(step, `${describeCall(c)} with the Default record blocked`, 'FACT-06') : undefined;
    }
    if (o.trackedBy.by !== 'record') return undefined;
    const r = o.trackedBy.record;
    const s0 = stateIn(step.before, c.account, r);
    const s1 = stateIn(step.after, c.account, r);
    const what = `${describeCall(c)} for "${r}" (${s0} before, ${s1} after)`;
    if (s0 === 'blocked' || s1 === 'blocked') return mismatch(step, what, 'STATE-01');
    if (s0 === 'waitingForApproval' || s1 === 'waitingForApproval') return mismatch(step, what, 'STATE-02');
    return undefined;
  },
  ['request', 'login', 'issueToken'],
);

const permittedMethods = define(
  'AUTH-01 OWN-02 ASM-08 ASM-14 a request is accepted only with a method its record permits, and holds the record afterwards (auto-installed by an Application ID); a refused request installs nothing unless it waits for approval',
  (step) => {
    const o = step.outcome;
    const cmd = step.command;
    if ((cmd.type === 'issueToken' || cmd.type === 'createAccessToken') && o.kind === 'accepted') {
      return step.before.records[cmd.record]?.authentication.tokenBased ? undefined : mismatch(step, `${cmd.type} for "${cmd.record}", which does not permit token-based authentication`, 'AUTH-01');
    }
    const c = callOf(cmd);
    if (!c) return undefined;
    if (o.kind === 'refused') {
      if (o.transitions.length === 0) return undefined;
      const ok = o.rule === 'STATE-02' && o.transitions.every((t) => t.event === 'AUTO_INSTALL' && t.to === 'waitingForApproval');
      return ok ? undefined : { message: `${describeCall(c)} was refused by ${o.rule} yet moved ${o.transitions.map((t) => t.transition).join(', ')}; a refused request installs nothing (ASM-08)` };
    }
    if (o.kind !== 'accepted' || o.trackedBy?.by !== 'record') return undefined;
    const r = o.trackedBy.record;
    const record = step.before.records[r];
    const tokenBased = c.auth.kind === 'tba';
    if (!record || !(tokenBased ? record.authentication.tokenBased : record.authentication.userCredentials)) {
      return mismatch(step, `${describeCall(c)} for "${r}", which does not permit ${tokenBased ? 'token-based authentication' : 'user credentials'}`, 'AUTH-01');
    }
    if (!isPresent(stateIn(step.after, c.account, r))) return { message: `${describeCall(c)} was accepted for "${r}" but "${c.account}" does not hold it afterwards`, expectations: [stateExpectation(c.account, r, 'enabled')] };
    if (!isPresent(stateIn(step.before, c.account, r))) {
      if (tokenBased) return mismatch(step, `${describeCall(c)} for "${r}", which "${c.account}" did not hold (its tokens cannot be valid there)`, 'FACT-04');
      if (!o.transitions.some((t) => t.event === 'AUTO_INSTALL' && t.account === c.account && t.record === r)) {
        return { message: `${describeCall(c)} installed "${r}" in "${c.account}" without an auto-installation` };
      }
    }
    return undefined;
  },
  ['request', 'login', 'issueToken', 'createAccessToken'],
);

const tracking = define(
  'AUTH-02 AUTH-04 AUTH-05 LOG-01 LOG-02 ASM-10 every accepted request is tracked by the record it names (on 2015.2 and later exactly one non-default record) and logged once in that record\'s execution log and the account\'s SOAP usage log, and nowhere else',
  (step) => {
    const c = callOf(step.command);
    const o = step.outcome;
    if (!c || o.kind !== 'accepted') return logsOnlyFromRequests(step);
    if (isDataCenterUrls(c)) return undefined;
    const tracked = o.trackedBy;
    if (!tracked) return { message: `${describeCall(c)} was accepted without saying which record tracked it` };
    // Which record should track it, from the authentication alone.
    let expected: 'none' | 'default' | string;
    if (c.channel === 'restlet') expected = c.auth.kind === 'tba' ? c.auth.consumerKey.of : 'none';
    else {
      const named = namedRecord(step.before, c);
      expected = named === null ? 'default' : named ?? '?';
    }
    const got = tracked.by === 'record' ? tracked.record : tracked.by;
    if (expected === 'default' && c.era !== 'legacy') return mismatch(step, `${describeCall(c)} without an Application ID`, 'AUTH-05');
    if (got !== expected) return { message: `${describeCall(c)} was tracked by ${got}; expected ${expected}` };
    // Exactly one log entry, where it belongs.
    const a0 = step.before.accounts[c.account];
    const a1 = step.after.accounts[c.account];
    const reinstalled = (r: string) => o.transitions.some((t) => t.account === c.account && t.record === r);
    const usageGrowth = a1.usageLog.length - a0.usageLog.length;
    const defaultGrowth = a1.defaultRecord.log.length - a0.defaultRecord.log.length;
    const soap = c.channel === 'soap';
    if (usageGrowth !== (soap ? 1 : 0)) return { message: `${describeCall(c)} added ${usageGrowth} usage log entries; expected ${soap ? 1 : 0}` };
    if (soap) {
      const last = a1.usageLog[a1.usageLog.length - 1];
      if (last.trackedBy !== got || last.seq !== step.after.seq) return { message: `${describeCall(c)}: the usage log entry names ${last.trackedBy}; expected ${got}` };
    }
    if (defaultGrowth !== (got === 'default' ? 1 : 0)) return { message: `${describeCall(c)} added ${defaultGrowth} entries to the Default record's log` };
    for (const r in a1.installations) {
      const inst = a1.installations[r];
      const was = reinstalled(r) ? 0 : a0.installations[r]?.log.length ?? 0;
      const growth = inst.log.length - was;
      const want = r === got ? 1 : 0;
      if (growth !== want) return { message: `${describeCall(c)} added ${growth} entries to the execution log of "${r}" in "${c.account}"; expected ${want}` };
      if (want === 1) {
        const e = inst.log[inst.log.length - 1];
        if (e.operation !== c.operation || e.channel !== c.channel || e.endpoint !== c.endpoint) return { message: `${describeCall(c)}: the execution log entry says ${e.channel} ${e.operation} ${e.endpoint ?? ''}` };
      }
    }
    for (const name of changedAccounts(step)) {
      if (name === c.account) continue;
      const d = logDifference(step.before.accounts[name], step.after.accounts[name]);
      if (d) return { message: `${describeCall(c)} changed the ${d} of "${name}"` };
    }
    return undefined;
  },
);

function logDifference(x: Account | undefined, y: Account): string | undefined {
  if (x === y || !x) return undefined;
  if (x.usageLog !== y.usageLog && x.usageLog.length !== y.usageLog.length) return 'usage log';
  if (x.defaultRecord.log.length !== y.defaultRecord.log.length) return 'Default record log';
  if (x.installations === y.installations) return undefined;
  for (const r in y.installations) {
    const i = y.installations[r];
    const was = x.installations[r];
    if (was !== i && (was?.log.length ?? 0) !== i.log.length) return `execution log of "${r}"`;
  }
  return undefined;
}

/** Commands other than accepted requests never add log entries (LOG-01, ASM-06). */
function logsOnlyFromRequests(step: StepContext): Problem | undefined {
  for (const name of changedAccounts(step)) {
    const y = step.after.accounts[name];
    const x = step.before.accounts[name];
    if (!x) continue;
    if (y.usageLog.length > x.usageLog.length || y.defaultRecord.log.length > x.defaultRecord.log.length) return { message: `${step.command.type} (${said(step.outcome)}) added to the logs of "${name}"` };
    if (x.installations === y.installations) continue;
    for (const r in y.installations) {
      const i = y.installations[r];
      if (i.log.length > (x.installations[r]?.log.length ?? 0)) return { message: `${step.command.type} (${said(step.outcome)}) added to the execution log of "${r}" in "${name}"` };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Records, ownership and editing

/** Who may do what, stated by permission rather than by role (PERM-01, PERM-02, ASM-11). */
const GRANTS: Readonly<Record<Role, { readonly list: boolean; readonly full: boolean }>> = {
  administrator: { list: true, full: true },
  integrationList: { list: true, full: false },
  integrationFull: { list: false, full: true },
  noIntegrationAccess: { list: false, full: false },
};

const hasFull = (role: Role | undefined): boolean => role !== undefined && GRANTS[role].full;

const COMMON_FIELDS = ['name', 'description', 'authentication'] as const;

function expectedEdit(world: World, cmd: CommandOf<'editRecord'>): Reason | 'accepted' {
  const ch = cmd.changes;
  if (!hasFull(roleOf(world, cmd.account, cmd.user))) return 'PERM-02';
  const current = stateIn(world, cmd.account, cmd.record);
  if (!isPresent(current)) return 'OWN-01';
  if (ch.applicationId !== undefined) return 'REC-02';
  if (ch.consumerKey !== undefined || ch.consumerSecret !== undefined) return 'REC-05';
  if (COMMON_FIELDS.some((f) => ch[f] !== undefined) && !createdAndHeld(world, cmd.account, cmd.record)) {
    return world.records[cmd.record]?.owner === cmd.account ? 'ASM-13' : 'OWN-03';
  }
  if (ch.authentication && !ch.authentication.userCredentials && !ch.authentication.tokenBased) return 'REC-06';
  if (ch.state === 'waitingForApproval' && current !== 'waitingForApproval') return 'FACT-01';
  return 'accepted';
}

const editRights = define(
  'REC-04 OWN-03 OWN-04 OWN-05 STATE-03 ASM-13 only the account that created a record edits its common fields; an installing account edits only State and Note, in its own account; the owner\'s edits reach every account without their system notes',
  (step) => {
    const cmd = step.command;
    if (cmd.type !== 'editRecord') return undefined;
    const expected = expectedEdit(step.before, cmd);
    const what = `editing ${Object.keys(cmd.changes).join(', ')} of "${cmd.record}" in "${cmd.account}" (owner "${step.before.records[cmd.record]?.owner ?? '?'}")`;
    const wrong = mismatch(step, what, expected);
    if (wrong || step.outcome.kind !== 'accepted') return wrong;
    const ch = cmd.changes;
    const r0 = step.before.records[cmd.record];
    const r1 = step.after.records[cmd.record];
    if (r1.name !== (ch.name ?? r0.name) || r1.description !== (ch.description ?? r0.description)
      || r1.authentication.userCredentials !== (ch.authentication ?? r0.authentication).userCredentials
      || r1.authentication.tokenBased !== (ch.authentication ?? r0.authentication).tokenBased) {
      return { message: `${what}: the common fields are not what the edit set` };
    }
    const i0 = step.before.accounts[cmd.account].installations[cmd.record];
    const i1 = step.after.accounts[cmd.account].installations[cmd.record];
    const wantState = ch.state ?? i0.state;
    if (i1.state !== wantState) return { message: `${what}: State is ${i1.state}`, expectations: [stateExpectation(cmd.account, cmd.record, wantState)] };
    if (i1.note !== (ch.note ?? i0.note)) return { message: `${what}: the Note is not what the edit set` };
    const n0 = step.before.accounts[cmd.account].systemNotes.length;
    if (step.after.accounts[cmd.account].systemNotes.length !== n0 + 1) return { message: `${what}: expected one system note in "${cmd.account}"` };
    for (const [name, y] of Object.entries(step.after.accounts)) {
      if (name === cmd.account) continue;
      const x = step.before.accounts[name];
      if (x === y) continue;
      if (x.systemNotes.length !== y.systemNotes.length) return { message: `${what} wrote a system note in "${name}" (OWN-04)` };
      const a = x.installations[cmd.record];
      const b = y.installations[cmd.record];
      if (a !== b && (a?.state !== b?.state || a?.note !== b?.note)) {
        return { message: `${what} changed State or Note in "${name}"`, expectations: a ? [stateExpectation(name, cmd.record, a.state)] : [] };
      }
    }
    return undefined;
  },
  ['editRecord'],
);

function expectedRegenerate(world: World, cmd: CommandOf<'regenerateCredentials'>): Reason | 'accepted' {
  if (!hasFull(roleOf(world, cmd.account, cmd.user))) return 'PERM-02';
  if (!isPresent(stateIn(world, cmd.account, cmd.record))) return 'OWN-01';
  if (!createdAndHeld(world, cmd.account, cmd.record)) return world.records[cmd.record]?.owner === cmd.account ? 'ASM-13' : 'REC-05';
  return 'accepted';
}

const credentials = define(
  'REC-05 FACT-05 ASM-13 the consumer key and secret change only by regeneration in the account that created the record, and tokens keep working',
  (step) => {
    const cmd = step.command;
    if (cmd.type === 'regenerateCredentials') {
      const what = `regenerating the credentials of "${cmd.record}" in "${cmd.account}" (owner "${step.before.records[cmd.record]?.owner ?? '?'}")`;
      const wrong = mismatch(step, what, expectedRegenerate(step.before, cmd));
      if (wrong || step.outcome.kind !== 'accepted') return wrong;
      const r0 = step.before.records[cmd.record];
      const r1 = step.after.records[cmd.record];
      if (r1.consumerKey === r0.consumerKey || r1.consumerSecret === r0.consumerSecret) return { message: `${what} kept the old key or secret` };
      if (r1.previousConsumerKey !== r0.consumerKey) return { message: `${what} did not keep the old key as the refused one` };
      const d = Object.keys(step.before.tokens).join('\u0000') !== Object.keys(step.after.tokens).join('\u0000');
      return d ? { message: `${what} changed the access tokens (FACT-05)` } : undefined;
    }
    if (step.before.records === step.after.records) return undefined;
    for (const ref in step.before.records) {
      const r0 = step.before.records[ref];
      const r1 = step.after.records[ref];
      if (r1 && r1 !== r0 && (r1.consumerKey !== r0.consumerKey || r1.consumerSecret !== r0.consumerSecret)) {
        return { message: `${cmd.type} (${said(step.outcome)}) changed the consumer key or secret of "${ref}"` };
      }
    }
    return undefined;
  },
);

const creation = define(
  'REC-01 REC-03 REC-06 FACT-01 a created record has its Name and Description and the methods chosen (at least one), belongs to the creating account and is held there at once, Enabled unless created Blocked',
  (step) => {
    const cmd = step.command;
    if (cmd.type !== 'createRecord') return undefined;
    const none = !cmd.authentication.userCredentials && !cmd.authentication.tokenBased;
    const expected = !hasFull(roleOf(step.before, cmd.account, cmd.user)) ? 'PERM-02' : none ? 'REC-06' : 'accepted';
    const what = `creating "${cmd.record}" in "${cmd.account}"`;
    const wrong = mismatch(step, what, expected);
    if (wrong || step.outcome.kind !== 'accepted') return wrong;
    const r = step.after.records[cmd.record];
    const want = cmd.state === 'blocked' ? 'blocked' : 'enabled';
    if (!r) return { message: `${what}: no such record afterwards`, expectations: [stateExpectation(cmd.account, cmd.record, want)] };
    if (r.owner !== cmd.account) return { message: `${what}: owned by "${r.owner}"` };
    if (r.name !== (cmd.name ?? cmd.record) || r.description !== (cmd.description ?? '')) return { message: `${what}: Name or Description differ from the ones given` };
    if (r.authentication.userCredentials !== cmd.authentication.userCredentials || r.authentication.tokenBased !== cmd.authentication.tokenBased) return { message: `${what}: authentication methods differ from the ones chosen` };
    const inst = step.after.accounts[cmd.account].installations[cmd.record];
    if (!inst || inst.state !== want || inst.origin !== 'created' || inst.note !== '' || inst.log.length !== 0) {
      return { message: `${what}: held as ${inst?.state ?? 'absent'} (${inst?.origin ?? 'no origin'})`, expectations: [stateExpectation(cmd.account, cmd.record, want)] };
    }
    return undefined;
  },
  ['createRecord'],
);

const applicationIds = define(
  'REC-02 OWN-06 AUTH-08 SBX-06 an Application ID is 32 hex digits, unique, never changes, is never editable, is shown only in the account that created the record, and never appears in messages',
  (step) => {
    const cmd = step.command;
    const o = step.outcome;
    if (o.kind === 'refused' && confidential(o.fault.message)) return { message: `${cmd.type}: the refusal message shows a confidential value` };
    if (o.kind === 'accepted') {
      for (const text of o.changes) if (confidential(text)) return { message: `${cmd.type}: the outcome's changes show a confidential value` };
    }
    if (step.before.records !== step.after.records) {
      for (const ref in step.before.records) {
        const r1 = step.after.records[ref];
        if (r1 && r1.applicationId !== step.before.records[ref].applicationId) return { message: `${cmd.type} changed the Application ID of "${ref}"` };
      }
    }
    if (cmd.type === 'createRecord' && o.kind === 'accepted') {
      const id = step.after.records[cmd.record]?.applicationId ?? '';
      if (!APPLICATION_ID_PATTERN.test(id)) return { message: `the Application ID of "${cmd.record}" is not 8-4-4-4-12 uppercase hex` };
      for (const r of Object.values(step.after.records)) if (r.ref !== cmd.record && r.applicationId === id) return { message: `"${cmd.record}" got the Application ID of "${r.ref}"` };
    }
    if (cmd.type === 'editRecord' && cmd.changes.applicationId !== undefined && o.kind === 'accepted') {
      return { message: `editing the Application ID of "${cmd.record}" in "${cmd.account}" was accepted`, expectations: [refusedBy('REC-02')] };
    }
    if (cmd.type === 'viewRecord' && o.kind === 'accepted' && o.view?.type === 'record') {
      const shown = o.view.applicationId;
      const creator = createdAndHeld(step.before, cmd.account, cmd.record);
      if (creator && shown !== step.before.records[cmd.record].applicationId) return { message: `the record page of "${cmd.record}" in its creating account "${cmd.account}" does not show its Application ID` };
      if (!creator && shown !== undefined) return { message: `the record page of "${cmd.record}" in "${cmd.account}", which did not create it, shows the Application ID` };
    }
    return undefined;
  },
);

const ownershipAndLifecycleEvents: Readonly<Partial<Record<Command['type'], readonly LifecycleEventType[]>>> = {
  createRecord: ['CREATE'],
  editRecord: ['ENABLE', 'BLOCK'],
  installBundle: ['INSTALL_BUNDLE'],
  uninstallBundle: ['UNINSTALL_BUNDLE'],
  request: ['AUTO_INSTALL'],
  login: ['AUTO_INSTALL'],
  issueToken: ['ISSUE_TOKEN'],
  refreshSandbox: ['REFRESH_COPY', 'REFRESH_REMOVE'],
};

const STATECHART = new Set(deriveTransitions().map((t) => t.id));
const NONE: readonly LifecycleEventType[] = [];

const lifecycle = define(
  'STATE-01 STATE-02 STATE-03 OWN-01 OWN-05 REC-03 FACT-03 every lifecycle change of an installation is a statechart transition the command reports; records, owners and installations are never deleted or moved',
  (step) => {
    const { before, after, outcome, command } = step;
    if (outcome.kind === 'invalid') return undefined;
    const allowed = ownershipAndLifecycleEvents[command.type] ?? NONE;
    for (const t of outcome.transitions) {
      if (!STATECHART.has(t.transition)) return { message: `${command.type} moved "${t.record}" in "${t.account}" by ${t.transition}, which is not a transition of the statechart` };
      if (!allowed.includes(t.event)) return { message: `${command.type} moved "${t.record}" in "${t.account}" by ${t.event}, which it never sends` };
      const s0 = stateIn(before, t.account, t.record);
      const s1 = stateIn(after, t.account, t.record);
      if (t.from !== s0 || t.to !== s1) return { message: `${command.type} reported ${t.from} -> ${t.to} for "${t.record}" in "${t.account}", but it went ${s0} -> ${s1}` };
    }
    const reported = (account: string, record: string) => outcome.transitions.some((t) => t.account === account && t.record === record);
    if (before.records !== after.records) {
      for (const ref in before.records) {
        const r0 = before.records[ref];
        const r1 = after.records[ref];
        if (!r1) return { message: `${command.type} deleted the record "${ref}"` };
        if (r1.owner !== r0.owner) return { message: `${command.type} moved the ownership of "${ref}" from "${r0.owner}" to "${r1.owner}"` };
      }
    }
    for (const name of changedAccounts(step)) {
      const y = after.accounts[name];
      const x = before.accounts[name];
      if (x && x.installations === y.installations) continue;
      const xs: Readonly<Record<string, Installation>> = x?.installations ?? {};
      for (const r in xs) if (!y.installations[r]) return { message: `${command.type} deleted the installation of "${r}" in "${name}"` };
      for (const r in y.installations) {
        const i = y.installations[r];
        const s0 = xs[r]?.state ?? 'absent';
        if (s0 !== i.state && !reported(name, r)) {
          return { message: `${command.type} moved "${r}" in "${name}" from ${s0} to ${i.state} without a statechart transition`, expectations: [stateExpectation(name, r, s0)] };
        }
      }
    }
    return undefined;
  },
);

// ---------------------------------------------------------------------------------------
// Bundles, tokens and auto-installation

const bundles = define(
  'OWN-01 OWN-03 FACT-02 FACT-03 ASM-12 a bundle carries only records its account created; installing it holds each record Enabled (keeping those already held); uninstalling removes only what it brought, with their tokens',
  (step) => {
    const cmd = step.command;
    const { before, after } = step;
    if (cmd.type === 'createBundle') {
      const foreign = cmd.records.filter((r) => !createdAndHeld(before, cmd.account, r));
      return mismatch(step, `bundling ${cmd.records.map((r) => `"${r}"`).join(', ')} from "${cmd.account}"`, foreign.length > 0 ? 'OWN-03' : 'accepted');
    }
    if (cmd.type !== 'installBundle' && cmd.type !== 'uninstallBundle') return undefined;
    const bundle = before.bundles[cmd.bundle];
    if (!bundle) return undefined;
    const installed = bundle.installedIn.includes(cmd.account);
    if (cmd.type === 'installBundle') {
      const what = `installing "${cmd.bundle}" (from "${bundle.account}") in "${cmd.account}"`;
      const wrong = mismatch(step, what, bundle.account === cmd.account || installed ? 'OWN-01' : 'accepted');
      if (wrong || step.outcome.kind !== 'accepted') return wrong;
      for (const r of bundle.records) {
        const i0 = before.accounts[cmd.account].installations[r];
        const i1 = after.accounts[cmd.account].installations[r];
        if (i0 && isPresent(i0.state)) {
          if (i1 !== i0 && (i1.state !== i0.state || i1.origin !== i0.origin || i1.note !== i0.note)) {
            return { message: `${what} changed "${r}", which the account already held (ASM-12)`, expectations: [stateExpectation(cmd.account, r, i0.state)] };
          }
        } else if (!i1 || i1.state !== 'enabled' || i1.origin !== 'bundle') {
          return { message: `${what} left "${r}" ${i1?.state ?? 'absent'}`, expectations: [stateExpectation(cmd.account, r, 'enabled')] };
        }
      }
      return undefined;
    }
    const what = `uninstalling "${cmd.bundle}" from "${cmd.account}"`;
    const wrong = mismatch(step, what, installed ? 'accepted' : 'OWN-01');
    if (wrong || step.outcome.kind !== 'accepted') return wrong;
    for (const r of bundle.records) {
      const i0 = before.accounts[cmd.account].installations[r];
      const s1 = stateIn(after, cmd.account, r);
      const brought = i0 !== undefined && isPresent(i0.state) && i0.origin === 'bundle' && i0.bundle === cmd.bundle;
      const want = brought ? 'removed' : i0?.state ?? 'absent';
      if (s1 !== want) return { message: `${what} left "${r}" ${s1}`, expectations: [stateExpectation(cmd.account, r, want)] };
      if (brought) {
        for (const t of Object.values(after.tokens)) if (t.account === cmd.account && t.record === r) return { message: `${what} kept the token "${t.handle}" for "${r}"` };
      }
    }
    return undefined;
  },
  ['createBundle', 'installBundle', 'uninstallBundle'],
);

function expectedTokenCommand(world: World, cmd: CommandOf<'issueToken'> | CommandOf<'createAccessToken'>): Reason | 'accepted' {
  if (!world.accounts[cmd.account]?.preferences.tokenBasedAuthentication) return 'FACT-08';
  if (!world.records[cmd.record]?.authentication.tokenBased) return 'AUTH-01';
  const s = stateIn(world, cmd.account, cmd.record);
  if (cmd.type === 'createAccessToken') return isPresent(s) ? 'accepted' : 'ASM-14';
  if (s === 'blocked') return 'STATE-01';
  if (s === 'waitingForApproval') return 'STATE-02';
  return 'accepted';
}

const installations = define(
  'TOKEN-01 TOKEN-02 SBX-04 SBX-05 OWN-02 ASM-01 ASM-02 ASM-15 FACT-04 Issue Token and auto-installation install the record without full control, Waiting for Approval exactly when Require Approval is checked, with an empty log and Note; Issue Token issues a token of that account',
  (step) => {
    const { before, after, outcome: o, command: cmd } = step;
    if (o.kind === 'invalid') return undefined;
    for (const t of o.transitions) {
      if (t.event !== 'AUTO_INSTALL' && t.event !== 'ISSUE_TOKEN') continue;
      const want: LifecycleState = before.accounts[t.account].preferences.requireApproval ? 'waitingForApproval' : 'enabled';
      const inst = after.accounts[t.account].installations[t.record];
      const what = `${t.event === 'ISSUE_TOKEN' ? 'Issue Token' : 'auto-installation'} of "${t.record}" in "${t.account}"`;
      if (t.from !== 'absent' && t.from !== 'removed') return { message: `${what} from ${t.from}` };
      if (inst.state !== want) return { message: `${what} gave ${inst.state} with Require Approval ${want === 'enabled' ? 'unchecked' : 'checked'}`, expectations: [stateExpectation(t.account, t.record, want)] };
      if (inst.note !== '' || inst.log.length > 1) return { message: `${what} kept the Note or log of an earlier installation (SBX-05)` };
      if (inst.origin === 'created') return { message: `${what} gave full control (SBX-04)` };
    }
    if (cmd.type !== 'issueToken' && cmd.type !== 'createAccessToken') return undefined;
    const what = `${cmd.type === 'issueToken' ? 'Issue Token' : 'creating an access token'} for "${cmd.record}" in "${cmd.account}"`;
    const wrong = mismatch(step, what, expectedTokenCommand(before, cmd));
    if (wrong || o.kind !== 'accepted') return wrong;
    const token = after.tokens[cmd.token];
    if (!token || token.account !== cmd.account || token.record !== cmd.record || token.user !== (cmd.user ?? DEFAULT_USER)) return { message: `${what} did not issue the token "${cmd.token}" there` };
    const s0 = stateIn(before, cmd.account, cmd.record);
    const s1 = stateIn(after, cmd.account, cmd.record);
    if (isPresent(s0)) return s1 === s0 ? undefined : { message: `${what} moved a held record from ${s0} to ${s1} (ASM-15)`, expectations: [stateExpectation(cmd.account, cmd.record, s0)] };
    const installedNow = o.transitions.some((t) => t.event === 'ISSUE_TOKEN' && t.account === cmd.account && t.record === cmd.record);
    return installedNow ? undefined : { message: `${what} did not install the record`, expectations: [stateExpectation(cmd.account, cmd.record, before.accounts[cmd.account].preferences.requireApproval ? 'waitingForApproval' : 'enabled')] };
  },
);

// ---------------------------------------------------------------------------------------
// Sandbox refresh

const refresh = define(
  'SBX-01 SBX-02 SBX-03 ASM-03 ASM-04 ASM-05 FACT-04 after a refresh the sandbox holds exactly production\'s records with production\'s State and Note, no sandbox-only record, no token, no open session and empty logs',
  (step) => {
    const cmd = step.command;
    if (cmd.type !== 'refreshSandbox' || step.outcome.kind !== 'accepted') return undefined;
    const { before, after } = step;
    const sandbox = after.accounts[cmd.account];
    const production = sandbox.production ? after.accounts[sandbox.production] : undefined;
    if (!production) return { message: `"${cmd.account}" was refreshed without a production account` };
    const expectations: Expectation[] = [];
    const problems: string[] = [];
    for (const ref of Object.keys(after.records)) {
      const p = production.installations[ref];
      const s = sandbox.installations[ref];
      if (p && isPresent(p.state)) {
        expectations.push(stateExpectation(cmd.account, ref, p.state));
        if (!s || s.state !== p.state || s.note !== p.note || s.log.length !== 0) problems.push(`"${ref}" is ${s?.state ?? 'absent'} in the sandbox, ${p.state} in production`);
        else if (s.origin === 'created' && after.records[ref].owner !== cmd.account) problems.push(`"${ref}" came with full control`);
      } else if (s && isPresent(s.state)) {
        expectations.push(stateExpectation(cmd.account, ref, 'removed'));
        problems.push(`sandbox-only "${ref}" is still ${s.state}`);
      } else if (isPresent(stateIn(before, cmd.account, ref))) {
        expectations.push(stateExpectation(cmd.account, ref, 'removed'));
      }
    }
    if (problems.length > 0) return { message: `refreshing "${cmd.account}" from "${production.name}": ${problems.join('; ')}`, expectations };
    for (const t of Object.values(after.tokens)) if (t.account === cmd.account) return { message: `the token "${t.handle}" survived the refresh of "${cmd.account}"` };
    for (const s of Object.values(after.sessions)) if (s.account === cmd.account && s.active) return { message: `the session "${s.handle}" survived the refresh of "${cmd.account}"` };
    if (sandbox.usageLog.length > 0 || sandbox.defaultRecord.log.length > 0 || sandbox.systemNotes.length > 0) return { message: `the refresh of "${cmd.account}" kept logs or system notes` };
    if (sandbox.preferences.requireApproval !== production.preferences.requireApproval || sandbox.preferences.tokenBasedAuthentication !== production.preferences.tokenBasedAuthentication
      || sandbox.defaultRecord.state !== production.defaultRecord.state) return { message: `the refresh of "${cmd.account}" did not copy production's preferences and Default record` };
    return undefined;
  },
  ['refreshSandbox'],
);

// ---------------------------------------------------------------------------------------
// Permissions and views

const VIEW_COMMANDS = new Set<Command['type']>(['viewIntegrations', 'viewRecord', 'viewExecutionLog', 'searchOperations']);

const permissions = define(
  'PERM-01 PERM-02 ASM-11 every user action is allowed exactly when the user\'s permissions allow it: the list page needs Integration Applications (List), record pages and changes need Integration Application (Full), which also shows the Integration field',
  (step) => {
    const cmd = step.command;
    const o = step.outcome;
    if (o.kind === 'invalid') return undefined;
    let needs: 'list' | 'full' | undefined;
    switch (cmd.type) {
      case 'viewIntegrations': needs = 'list'; break;
      case 'viewRecord': case 'viewExecutionLog': case 'createRecord': case 'editRecord': case 'regenerateCredentials': needs = 'full'; break;
      case 'searchOperations': break;
      default: return undefined;
    }
    const role = roleOf(step.before, cmd.account, cmd.user);
    if (!role) return undefined;
    const what = `${cmd.type} by ${cmd.user ?? DEFAULT_USER} (${role}) in "${cmd.account}"`;
    if (needs) {
      const allowed = GRANTS[role][needs];
      const denied = o.kind === 'refused' && o.fault.code === 'INSUFFICIENT_PERMISSION';
      const rule = needs === 'list' ? 'PERM-01' : 'PERM-02';
      if (!allowed && (!denied || o.rule !== rule)) return { message: `${what} was ${said(o)}; expected a refusal by ${rule}`, expectations: [refusedBy(rule)] };
      if (allowed && denied) return { message: `${what} was refused for permission` };
      return undefined;
    }
    if (o.kind !== 'accepted' || o.view?.type !== 'operationsSearch') return { message: `${what} was ${said(o)}; every role may search operations`, expectations: [ACCEPTED] };
    return o.view.integrationField === GRANTS[role].full ? undefined : { message: `${what} ${o.view.integrationField ? 'shows' : 'hides'} the Integration field` };
  },
  ['viewIntegrations', 'viewRecord', 'viewExecutionLog', 'searchOperations', 'createRecord', 'editRecord', 'regenerateCredentials'],
);

const views = define(
  'REC-03 REC-04 PERM-01 LOG-01 views change nothing and show what the account holds: the list its held records, a record page the shared fields with this account\'s State and Note, an execution log only that record\'s requests here',
  (step) => {
    const cmd = step.command;
    if (!VIEW_COMMANDS.has(cmd.type)) return undefined;
    const o = step.outcome;
    const d = worldDifference(step.before, step.after);
    if (d) return { message: `${cmd.type} in "${'account' in cmd ? cmd.account : ''}" changed ${d}` };
    if (o.kind !== 'accepted' || !o.view) return undefined;
    const account = step.before.accounts[(cmd as CommandOf<'viewRecord'>).account];
    const view = o.view;
    switch (view.type) {
      case 'integrationList': {
        const held = Object.entries(account.installations).filter(([, i]) => isPresent(i.state));
        if (held.length !== view.entries.length) return { message: `the Integrations list of "${account.name}" shows ${view.entries.length} records; it holds ${held.length}` };
        for (const e of view.entries) {
          const inst = account.installations[e.record];
          if (!inst || inst.state !== e.state || step.before.records[e.record].name !== e.name) return { message: `the Integrations list of "${account.name}" shows "${e.record}" as ${e.state}` };
          if (e.owned !== createdAndHeld(step.before, account.name, e.record)) return { message: `the Integrations list of "${account.name}" misstates who owns "${e.record}"` };
        }
        return undefined;
      }
      case 'record': {
        const r = step.before.records[view.record];
        const inst = account.installations[view.record];
        if (view.name !== r.name || view.description !== r.description || view.authentication.userCredentials !== r.authentication.userCredentials
          || view.authentication.tokenBased !== r.authentication.tokenBased) return { message: `the page of "${view.record}" in "${account.name}" shows common fields other than the record's (REC-04)` };
        if (view.state !== inst.state || view.note !== inst.note) return { message: `the page of "${view.record}" in "${account.name}" shows another account's State or Note` };
        return undefined;
      }
      case 'executionLog': {
        const log = account.installations[view.record].log;
        if (view.entries.length !== log.length || view.entries.some((e, i) => e.seq !== log[i].seq)) return { message: `the execution log of "${view.record}" in "${account.name}" is not its own requests` };
        return undefined;
      }
      case 'operationsSearch':
        return view.entries.length === account.usageLog.length ? undefined : { message: `the operations search of "${account.name}" shows ${view.entries.length} of ${account.usageLog.length} requests` };
    }
  },
  ['viewIntegrations', 'viewRecord', 'viewExecutionLog', 'searchOperations'],
);

const refusalsChangeNothing = define('ASM-06 ASM-08 a refused or invalid command changes nothing, except an auto-installation left Waiting for Approval', (step) => {
  const o = step.outcome;
  if (o.kind === 'accepted') return undefined;
  if (o.kind === 'refused' && o.transitions.length > 0) return undefined; // permittedMethods checks those
  const d = worldDifference(step.before, step.after);
  return d ? { message: `${step.command.type} was ${said(o)} but changed ${d}` } : undefined;
});

/**
 * Every invariant, rule-specific ones first so a broken rule is reported under its own name.
 */
export const INVARIANTS: readonly Invariant[] = [
  ambiguousRefused,
  endpointEras,
  dataCenterUrls,
  stateGate,
  editRights,
  refresh,
  credentials,
  creation,
  applicationIds,
  bundles,
  installations,
  permittedMethods,
  tracking,
  permissions,
  views,
  lifecycle,
  refusalsChangeNothing,
];

/** For each command type, the invariants that concern it, in INVARIANTS order. */
const BY_COMMAND = new Map<string, readonly Invariant[]>(
  COMMAND_TYPES.map((type) => [type, INVARIANTS.filter((i) => CONCERNS.get(i)?.includes(type) ?? true)]),
);

/** The first violation of any invariant, or undefined. */
export function checkStep(step: StepContext): Violation | undefined {
  // Each invariant also checks the command type itself, so unknown types simply get them all.
  const invariants = BY_COMMAND.get(step.command.type) ?? INVARIANTS;
  for (const inv of invariants) {
    const v = inv.check(step);
    if (v) return v;
  }
  return undefined;
}
