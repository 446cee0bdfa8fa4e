import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import OAuth from 'oauth-1.0a';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { admin, credentials, lastAudit, resetWorld, tokenKit, userOf, type Credentials, type TokenKit } from './testing/world';

/**
 * RESTlet clients nobody here wrote: nsrestlet (token-based authentication and NLAuth) and
 * oauth-1.0a signing requests sent with fetch. nsrestlet first asks NetSuite's
 * rest.netsuite.com/rest/datacenterurls for the account's domain; the test points that one
 * call at the simulator, which names itself as the domain, the way a client is pointed at it.
 */

const nodeRequire = createRequire(__filename);
let sim: Simulator;
let creds: Credentials;

type Callback = (error: unknown, response?: unknown, body?: unknown) => void;
type RequestFn = (settings: { url: string } & Record<string, unknown>, cb: Callback) => unknown;

/** nsrestlet's HTTP library, with NetSuite's fixed lookup host sent to the simulator instead. */
function pointRequestAtSimulator(): void {
  const path = nodeRequire.resolve('request');
  const real = nodeRequire('request') as RequestFn;
  const wrapped: RequestFn = (settings, cb) => real({ ...settings, url: settings.url.replace('https://rest.netsuite.com', sim.url) }, cb);
  const cached = nodeRequire.cache[path];
  if (cached) cached.exports = wrapped;
}

interface Link {
  get(payload: object): Promise<unknown>;
  post(payload: object): Promise<unknown>;
}
interface NsRestlet {
  createLink(account: Record<string, string>, url: { url: string }): Link;
}
let nsrestlet: NsRestlet;

beforeAll(async () => {
  sim = await startSimulator();
  pointRequestAtSimulator();
  nsrestlet = nodeRequire('nsrestlet') as NsRestlet;
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await resetWorld(sim.url);
  creds = await credentials(sim.url);
});

const restletUrl = () => `${sim.url}/app/site/hosting/restlet.nl?script=42&deploy=1`;

function tbaLink(kit: TokenKit): Link {
  return nsrestlet.createLink(
    { accountId: kit.accountId, consumerKey: kit.consumerKey, consumerSecret: kit.consumerSecret, tokenKey: kit.tokenId, tokenSecret: kit.tokenSecret },
    { url: restletUrl() },
  );
}

/** nsrestlet rejects with NetSuite's error object; the answer, either way. */
async function outcome(p: Promise<unknown>): Promise<{ ok: boolean; code?: string; message?: string }> {
  try {
    await p;
    return { ok: true };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { ok: false, code: err.code, message: err.message };
  }
}

const acme = (): TokenKit => tokenKit(creds, 'Acme', 'App', 'T1');

describe('nsrestlet, token-based authentication', () => {
  it('success: GET and POST are accepted and tracked by the record (LOG-02)', async () => {
    expect(await outcome(tbaLink(acme()).get({ id: 1 }))).toEqual({ ok: true });
    expect(await outcome(tbaLink(acme()).post({ id: 1 }))).toEqual({ ok: true });
    const { entries } = (await (await fetch(`${sim.url}/__harness/audit`)).json()) as { entries: { verdict: string; trackedBy?: string }[] };
    expect(entries.filter((e) => e.verdict === 'accepted' && e.trackedBy === 'App')).toHaveLength(2);
  });

  it('a Blocked record: 401 INVALID_LOGIN_ATTEMPT "Invalid login attempt."', async () => {
    await admin(sim.url, { type: 'editRecord', account: 'Acme', record: 'App', changes: { state: 'blocked' } });
    expect(await outcome(tbaLink(acme()).get({ id: 7 }))).toEqual({ ok: false, code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt.' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'STATE-01', fault: { detail: 'consumer_key_refused' } });
  });

  it('Waiting for Approval, then Enabled: a token from the Issue Token endpoint under Require Approval', async () => {
    const customer = userOf(creds, 'Customer');
    const app = creds.records.find((r) => r.record === 'PartnerApp');
    const res = await fetch(`${sim.url}/rest/issuetoken?consumerKey=${app?.consumerKey ?? ''}`, {
      method: 'POST',
      headers: { Authorization: `NLAuth nlauth_account=${customer.accountId}, nlauth_email=${customer.email}, nlauth_signature=${customer.password}` },
    });
    const issued = (await res.json()) as { token: string; tokenSecret: string };
    const kit: TokenKit = { accountId: customer.accountId, consumerKey: app?.consumerKey ?? '', consumerSecret: app?.consumerSecret ?? '', tokenId: issued.token, tokenSecret: issued.tokenSecret };
    expect(await outcome(tbaLink(kit).get({ id: 7 }))).toMatchObject({ ok: false, code: 'INVALID_LOGIN_ATTEMPT' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'STATE-02' });
    await admin(sim.url, { type: 'editRecord', account: 'Customer', record: 'PartnerApp', changes: { state: 'enabled' } });
    expect(await outcome(tbaLink(kit).get({ id: 7 }))).toEqual({ ok: true });
  });

  it('a token deleted by a sandbox refresh (FACT-04); a wrong token secret (InvalidSignature)', async () => {
    const sandbox = tokenKit(creds, 'Acme SB', 'App', 'TSB');
    expect(await outcome(tbaLink(sandbox).get({ id: 7 }))).toEqual({ ok: true });
    await admin(sim.url, { type: 'refreshSandbox', account: 'Acme SB' });
    expect(await outcome(tbaLink(sandbox).get({ id: 7 }))).toMatchObject({ ok: false, code: 'INVALID_LOGIN_ATTEMPT' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'FACT-04' });
    expect(await outcome(tbaLink({ ...acme(), tokenSecret: 'wrong' }).get({ id: 7 }))).toMatchObject({ ok: false, code: 'INVALID_LOGIN_ATTEMPT' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'AUTH-05', fault: { detail: 'InvalidSignature' } });
  });
});

describe('nsrestlet, NLAuth', () => {
  it('success with e-mail and password; a wrong password is refused', async () => {
    const user = userOf(creds, 'Acme');
    const link = nsrestlet.createLink({ accountId: user.accountId, email: user.email, password: user.password, role: '3' }, { url: restletUrl() });
    expect(await outcome(link.get({ id: 7 }))).toEqual({ ok: true });
    expect(await lastAudit(sim.url)).toMatchObject({ verdict: 'accepted' });
    const wrong = nsrestlet.createLink({ accountId: user.accountId, email: user.email, password: 'nope', role: '3' }, { url: restletUrl() });
    expect(await outcome(wrong.get({ id: 7 }))).toMatchObject({ ok: false, code: 'INVALID_LOGIN_CREDENTIALS' });
  });

  it('RESTlets have no endpoint version, so there is no 2020.2 cut-off for user credentials there (ASM-10)', async () => {
    const user = userOf(creds, 'Acme');
    const link = nsrestlet.createLink({ accountId: user.accountId, email: user.email, password: user.password }, { url: restletUrl() });
    expect(await outcome(link.post({ a: 1 }))).toEqual({ ok: true });
  });
});

describe('oauth-1.0a with fetch', () => {
  function oauthFor(kit: TokenKit, realm = kit.accountId, consumerSecret = kit.consumerSecret) {
    return new OAuth({
      consumer: { key: kit.consumerKey, secret: consumerSecret },
      signature_method: 'HMAC-SHA256',
      hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
      realm,
    });
  }
  async function send(kit: TokenKit, options: { realm?: string; consumerSecret?: string; authorization?: string; cookie?: string } = {}) {
    const url = restletUrl();
    const oauth = oauthFor(kit, options.realm, options.consumerSecret);
    const authorization = options.authorization ?? oauth.toHeader(oauth.authorize({ url, method: 'GET' }, { key: kit.tokenId, secret: kit.tokenSecret })).Authorization;
    const res = await fetch(url, { headers: { Authorization: authorization, ...(options.cookie ? { cookie: options.cookie } : {}) } });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } }, authorization };
  }

  it('success, then the same Authorization header again is a replayed nonce (FACT-11, nonce_used)', async () => {
    const first = await send(acme());
    expect(first.status).toBe(200);
    const again = await send(acme(), { authorization: first.authorization });
    expect(again).toMatchObject({ status: 401, body: { error: { code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt.' } } });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'FACT-11', fault: { detail: 'nonce_used' } });
  });

  it('a wrong consumer secret and a lower-case sandbox realm are InvalidSignature (FACT-14)', async () => {
    expect((await send(acme(), { consumerSecret: 'wrong' })).status).toBe(401);
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'AUTH-05', fault: { detail: 'InvalidSignature' } });
    const sandbox = tokenKit(creds, 'Acme SB', 'App', 'TSB');
    expect((await send(sandbox)).status).toBe(200);
    expect((await send(sandbox, { realm: sandbox.accountId.toLowerCase() })).status).toBe(401);
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'AUTH-05', fault: { detail: 'InvalidSignature' } });
  });

  it('Ambiguous authentication: a token-based call carrying the JSESSIONID of an open session (FACT-10)', async () => {
    const user = userOf(creds, 'Acme');
    const app = creds.records.find((r) => r.record === 'App')?.applicationId ?? '';
    const messages = 'urn:messages_2019_1.platform.webservices.netsuite.com';
    const login = await fetch(`${sim.url}/services/NetSuitePort_2019_1`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><applicationInfo xmlns="${messages}"><applicationId>${app}</applicationId></applicationInfo></soapenv:Header><soapenv:Body><login xmlns="${messages}"><passport><email>${user.email}</email><password>${user.password}</password><account>${user.accountId}</account></passport></login></soapenv:Body></soapenv:Envelope>`,
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const r = await send(acme(), { cookie });
    expect(r).toMatchObject({ status: 401, body: { error: { code: 'USER_ERROR', message: 'Ambiguous authentication' } } });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'FACT-10' });
  });
});
