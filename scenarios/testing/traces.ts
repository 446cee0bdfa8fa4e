import { apply, applyAll, createWorld, stateIn, type Auth, type Command, type EndpointVersion, type Expectation, type Outcome, type SoapOperation, type Trace, type World } from '../../model';

/**
 * Traces for testing the Gherkin printer (tests only): a scripted story that uses every
 * command and every form of authentication, cut into prefixes, plus random traces. The
 * expectations come from running the raw commands through the model, so a printed scenario
 * passes exactly when the steps reproduce what the commands did.
 */

const BOTH = { userCredentials: true, tokenBased: true };
const USER = { userCredentials: true, tokenBased: false };
const TBA = { userCredentials: false, tokenBased: true };

const soap = (account: string, endpoint: EndpointVersion, operation: SoapOperation, auth: Auth): Command =>
  ({ type: 'request', request: { channel: 'soap', account, endpoint, operation, auth } });
const passport = (applicationId?: { of: string } | { literal: string }, user = 'administrator', password: 'valid' | 'invalid' = 'valid'): Auth =>
  applicationId ? { kind: 'passport', user, password, applicationId } : { kind: 'passport', user, password };
const tba = (record: string, token: string, extra: Partial<Extract<Auth, { kind: 'tba' }>> = {}): Auth =>
  ({ kind: 'tba', consumerKey: { of: record }, token: { handle: token }, signature: 'valid', ...extra });

/** The scripted story. `literalOf` is filled in once the record's Application ID is known. */
export function scriptedCommands(literalOf: (record: string) => string): Command[] {
  return [
    { type: 'addAccount', account: 'Acme', kind: 'production' },
    { type: 'addSandbox', account: 'Acme SB', production: 'Acme' },
    { type: 'addAccount', account: 'Partner', kind: 'partner' },
    { type: 'addAccount', account: 'Customer', kind: 'customer' },
    { type: 'addUser', account: 'Acme', user: 'Lee', role: 'integrationList' },
    { type: 'addUser', account: 'Acme', user: 'Fay', role: 'integrationFull', email: 'fay@acme.example' },
    { type: 'addUser', account: 'Acme', user: 'Clerk "Quoted"', role: 'noIntegrationAccess' },
    { type: 'addUser', account: 'Customer', user: 'Boss', role: 'administrator' },
    { type: 'createRecord', account: 'Partner', record: 'App', authentication: BOTH },
    { type: 'createRecord', account: 'Partner', record: 'Reports', name: 'Reports | v2', description: 'Line one\nline two \\ end', authentication: USER },
    { type: 'createRecord', account: 'Acme', user: 'Fay', record: 'Sync', authentication: TBA, state: 'blocked' },
    { type: 'createRecord', account: 'Acme', user: 'Lee', record: 'Nope', authentication: USER },
    { type: 'createRecord', account: 'Acme', record: 'None', authentication: { userCredentials: false, tokenBased: false } },
    { type: 'createBundle', account: 'Partner', bundle: 'Connector', records: ['App', 'Reports'] },
    { type: 'installBundle', account: 'Customer', bundle: 'Connector' },
    { type: 'editRecord', account: 'Customer', record: 'App', changes: { name: 'Mine' } },
    { type: 'editRecord', account: 'Customer', user: 'Boss', record: 'App', changes: { state: 'blocked', note: 'paused | audit' } },
    { type: 'editRecord', account: 'Customer', record: 'App', changes: { state: 'waitingForApproval' } },
    { type: 'editRecord', account: 'Customer', record: 'App', changes: { state: 'enabled' } },
    { type: 'editRecord', account: 'Partner', record: 'App', changes: { authentication: BOTH } },
    { type: 'editRecord', account: 'Partner', record: 'App', changes: { description: 'Second "edition"' } },
    { type: 'editRecord', account: 'Partner', record: 'App', changes: { applicationId: '00000000-0000-0000-0000-000000000000' } },
    { type: 'editRecord', account: 'Partner', record: 'App', changes: { consumerKey: 'abc' } },
    { type: 'editRecord', account: 'Partner', record: 'App', changes: { consumerSecret: 'def' } },
    { type: 'editRecord', account: 'Partner', record: 'Reports', changes: { note: 'multi\nline' } },
    { type: 'createAccessToken', account: 'Customer', user: 'Boss', record: 'App', token: 'T1' },
    { type: 'createAccessToken', account: 'Partner', record: 'App', token: 'P1' },
    soap('Customer', '2021.1', 'get', tba('App', 'T1')),
    soap('Customer', '2021.1', 'search', tba('App', 'T1', { signature: 'invalid' })),
    soap('Customer', '2021.1', 'add', tba('App', 'T1', { applicationId: { of: 'App' } })),
    soap('Customer', '2021.1', 'update', { kind: 'tba', consumerKey: { of: 'App' }, token: { forged: true }, signature: 'valid' }),
    { type: 'regenerateCredentials', account: 'Customer', record: 'App' },
    { type: 'regenerateCredentials', account: 'Partner', record: 'App' },
    soap('Customer', '2021.1', 'delete', tba('App', 'T1')),
    soap('Customer', '2021.1', 'upsert', tba('App', 'T1', { consumerKey: { of: 'App', stale: true } })),
    { type: 'setPreference', account: 'Acme', preference: 'requireApproval', value: true },
    { type: 'issueToken', account: 'Acme', user: 'Fay', record: 'App', token: 'A1' },
    { type: 'issueToken', account: 'Acme', record: 'App', token: 'A2' },
    { type: 'setPreference', account: 'Acme', preference: 'requireApproval', value: false },
    { type: 'editRecord', account: 'Acme', record: 'App', changes: { state: 'enabled' } },
    soap('Acme', '2019.1', 'get', passport({ of: 'Reports' })),
    soap('Acme', '2019.1', 'get', passport({ literal: literalOf('Reports').toLowerCase().replace(/-/g, '') })),
    soap('Acme', '2019.1', 'get', passport({ literal: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF' })),
    soap('Acme', '2019.1', 'get', passport({ literal: 'nonsense' })),
    soap('Acme', '2019.1', 'get', passport({ of: 'Reports' }, 'Lee', 'invalid')),
    soap('Acme', '2015.1', 'search', passport()),
    soap('Acme', '2016.1', 'search', passport()),
    soap('Acme', '2024.2', 'getDataCenterUrls', { kind: 'none' }),
    soap('Acme', '2024.2', 'get', { kind: 'none' }),
    { type: 'login', account: 'Acme', endpoint: '2019.1', operation: 'login', auth: passport({ of: 'Reports' }), session: 'S 1' },
    soap('Acme', '2019.1', 'get', { kind: 'session', session: 'S 1' }),
    soap('Acme', '2019.1', 'get', tba('App', 'A2', { alsoSession: 'S 1' })),
    soap('Acme', '2019.1', 'get', tba('App', 'A2', { alsoPassport: { user: 'Lee', password: 'invalid' } })),
    { type: 'request', request: { channel: 'soap', account: 'Acme', endpoint: '2019.1', operation: 'get', auth: tba('App', 'A2', { nonce: 'n "1"', timestamp: 1_000 }), receivedAt: 1_000 } },
    { type: 'request', request: { channel: 'soap', account: 'Acme', endpoint: '2019.1', operation: 'get', auth: tba('App', 'A2', { nonce: 'n "1"', timestamp: 1_000 }), receivedAt: 1_030 } },
    { type: 'request', request: { channel: 'restlet', account: 'Acme', method: 'GET', auth: tba('App', 'A2', { timestamp: 1_000 }), receivedAt: 1_600 } },
    { type: 'request', request: { channel: 'restlet', account: 'Acme', method: 'GET', auth: tba('App', 'A2', { nonce: 'later', timestamp: 1_421 }), receivedAt: 1_000 } },
    { type: 'logout', account: 'Acme', endpoint: '2019.1', session: 'S 1' },
    soap('Acme', '2019.1', 'get', { kind: 'session', session: 'S 1' }),
    { type: 'logout', account: 'Acme', endpoint: '2021.1', session: 'S 1' },
    { type: 'login', account: 'Acme', endpoint: '2015.1', operation: 'ssoLogin', auth: passport(), session: 'S2' },
    { type: 'login', account: 'Acme', endpoint: '2021.1', operation: 'login', auth: passport({ of: 'Reports' }), session: 'S3' },
    { type: 'login', account: 'Acme', endpoint: '2019.1', operation: 'login', auth: tba('App', 'A2'), session: 'S4' },
    { type: 'request', request: { channel: 'restlet', account: 'Acme', method: 'GET', auth: tba('App', 'A2') } },
    { type: 'request', request: { channel: 'restlet', account: 'Acme', method: 'POST', auth: passport() } },
    { type: 'request', request: { channel: 'restlet', account: 'Acme', method: 'PUT', auth: { kind: 'none' } } },
    { type: 'request', request: { channel: 'restlet', account: 'Acme', method: 'DELETE', auth: passport({ of: 'App' }, 'Fay') } },
    { type: 'setDefaultRecordState', account: 'Acme', state: 'blocked' },
    soap('Acme', '2014.2', 'get', passport()),
    { type: 'setDefaultRecordState', account: 'Acme', state: 'enabled' },
    { type: 'setPreference', account: 'Acme', preference: 'tokenBasedAuthentication', value: false },
    soap('Acme', '2021.1', 'get', tba('App', 'A2')),
    { type: 'setPreference', account: 'Acme', preference: 'tokenBasedAuthentication', value: true },
    { type: 'viewIntegrations', account: 'Acme', user: 'Lee' },
    { type: 'viewIntegrations', account: 'Acme', user: 'Fay' },
    { type: 'viewRecord', account: 'Partner', record: 'App' },
    { type: 'viewRecord', account: 'Customer', record: 'App' },
    { type: 'viewExecutionLog', account: 'Customer', user: 'Boss', record: 'App' },
    { type: 'searchOperations', account: 'Acme', user: 'Clerk "Quoted"' },
    { type: 'createRecord', account: 'Acme SB', record: 'Dev', authentication: BOTH },
    { type: 'createAccessToken', account: 'Acme SB', record: 'Dev', token: 'D1' },
    { type: 'refreshSandbox', account: 'Acme SB' },
    soap('Acme SB', '2019.1', 'get', passport({ of: 'Dev' })),
    { type: 'uninstallBundle', account: 'Customer', bundle: 'Connector' },
    { type: 'installBundle', account: 'Nowhere', bundle: 'Connector' },
    { type: 'viewRecord', account: 'Customer', record: 'Reports' },
  ];
}

/** What the model says after the commands: the last outcome and every installation's state. */
export function expectationsAfter(seed: number, commands: readonly Command[]): Expectation[] {
  const { world, outcomes } = applyAll(createWorld({ seed }), commands);
  const last = [...outcomes].reverse().find((o) => o.kind !== 'invalid');
  return [...outcomeExpectation(last), ...stateExpectations(world)];
}

function outcomeExpectation(o: Outcome | undefined): Expectation[] {
  if (!o || o.kind === 'invalid') return [];
  return o.kind === 'accepted' ? [{ type: 'outcome', kind: 'accepted' }] : [{ type: 'outcome', kind: 'refused', rule: o.rule, message: o.fault.message }];
}

function stateExpectations(world: World): Expectation[] {
  return Object.keys(world.accounts).flatMap((account) =>
    Object.keys(world.records).map((record) => ({
      type: 'state' as const, account, record, state: stateIn(world.accounts[account], record),
    })),
  );
}

/** The Application IDs the scripted story's records get with this seed. */
function scriptedLiterals(seed: number): (record: string) => string {
  const dry = scriptedCommands(() => '00000000000000000000000000000000');
  let world = createWorld({ seed });
  for (const c of dry) world = apply(world, c).world;
  return (record) => world.records[record]?.applicationId ?? 'missing';
}

/**
 * Every prefix of the scripted story that ends in a command the model accepts or refuses, plus
 * the one ending in the malformed install (the second-last command), so a printed scenario
 * whose last command is a comment is run too.
 */
export function scriptedTraces(seed = 11): Trace[] {
  const commands = scriptedCommands(scriptedLiterals(seed));
  const traces: Trace[] = [];
  let world = createWorld({ seed });
  commands.forEach((cmd, i) => {
    const { world: next, outcome } = apply(world, cmd);
    world = next;
    if (outcome.kind === 'invalid' && i !== commands.length - 2) return;
    const prefix = commands.slice(0, i + 1);
    traces.push({ title: `Scripted step ${i + 1} ${cmd.type}`, tags: ['printer', 'scripted'], seed, faults: [], commands: prefix, expectations: expectationsAfter(seed, prefix) });
  });
  return traces;
}

/** A small deterministic generator for random traces (mulberry32). */
function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random commands over a fixed cast of names (some of them unknown on purpose). */
export function randomTrace(seed: number, length: number): Trace {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const accounts = ['Prod', 'SB', 'Part', 'Cust'];
  const records = ['R1', 'R2', 'R3'];
  const tokens = ['t1', 't2'];
  const endpoints = ['2014.2', '2015.1', '2015.2', '2019.1', '2020.1', '2020.2', '2024.1'] as const;
  const auths = (): Auth => pick<Auth>([
    { kind: 'none' },
    passport(),
    passport({ of: pick(records) }),
    passport({ of: pick(records) }, 'administrator', 'invalid'),
    tba(pick(records), pick(tokens)),
    tba(pick(records), pick(tokens), { applicationId: { of: pick(records) } }),
    tba(pick(records), pick(tokens), { signature: 'invalid' }),
    { kind: 'session', session: 's1' },
  ]);
  const commands: Command[] = [
    { type: 'addAccount', account: 'Prod', kind: 'production' },
    { type: 'addSandbox', account: 'SB', production: 'Prod' },
    { type: 'addAccount', account: 'Part', kind: 'partner' },
    { type: 'addAccount', account: 'Cust', kind: 'customer' },
  ];
  for (let i = 0; i < length; i++) {
    const account = pick(accounts);
    const record = pick(records);
    commands.push(pick<() => Command>([
      () => ({ type: 'createRecord', account, record, authentication: pick([BOTH, USER, TBA]), ...(r() < 0.2 ? { state: 'blocked' as const } : {}) }),
      () => ({ type: 'editRecord', account, record, changes: pick([{ state: 'blocked' as const }, { state: 'enabled' as const }, { note: 'n' }, { name: 'N' }]) }),
      () => ({ type: 'regenerateCredentials', account, record }),
      () => ({ type: 'createBundle', account, bundle: `b${i}`, records: [record] }),
      () => ({ type: 'installBundle', account, bundle: `b${Math.floor(r() * i)}` }),
      () => ({ type: 'createAccessToken', account, record, token: `t${i}` }),
      () => ({ type: 'issueToken', account, record, token: pick(tokens) }),
      () => ({ type: 'setPreference', account, preference: 'requireApproval', value: r() < 0.5 }),
      () => ({ type: 'refreshSandbox', account: 'SB' }),
      () => soap(account, pick(endpoints), pick(['get', 'search', 'getDataCenterUrls'] as const), auths()),
      () => ({ type: 'login', account, endpoint: pick(endpoints), operation: 'login', auth: auths(), session: 's1' }),
      () => ({ type: 'viewRecord', account, record }),
    ])());
  }
  return { title: `Random trace ${seed}`, tags: ['printer', 'random'], seed, faults: [], commands, expectations: expectationsAfter(seed, commands) };
}

