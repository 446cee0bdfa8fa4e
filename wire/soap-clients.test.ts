import * as soap from 'soap';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import {
  admin, credentials, lastAudit, newNonce, nowSeconds, resetWorld, tokenKit, tokenPassport, userOf, type Credentials, type TokenKit,
} from './testing/world';

/**
 * node-soap, a SOAP client nobody here wrote, builds its requests from the WSDL the simulator
 * serves; the headers are what a NetSuite integration puts in them (tokenPassport, or passport
 * plus applicationInfo). One simulator for the file, the world reset through the admin API.
 */

let sim: Simulator;
let creds: Credentials;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await resetWorld(sim.url);
  creds = await credentials(sim.url);
});

const ns = (tag: string) => ({ messages: `urn:messages_${tag}.platform.webservices.netsuite.com`, core: `urn:core_${tag}.platform.webservices.netsuite.com` });

function tokenHeader(tag: string, p: ReturnType<typeof tokenPassport>): string {
  const { messages, core } = ns(tag);
  return `<platformMsgs:tokenPassport xmlns:platformMsgs="${messages}" xmlns:platformCore="${core}"><platformCore:account>${p.account}</platformCore:account><platformCore:consumerKey>${p.consumerKey}</platformCore:consumerKey><platformCore:token>${p.token}</platformCore:token><platformCore:nonce>${p.nonce}</platformCore:nonce><platformCore:timestamp>${p.timestamp}</platformCore:timestamp><platformCore:signature algorithm="HMAC-SHA256">${p.signature}</platformCore:signature></platformMsgs:tokenPassport>`;
}

function passportHeader(tag: string, user: { accountId: string; email: string; password: string }): string {
  const { messages, core } = ns(tag);
  return `<platformMsgs:passport xmlns:platformMsgs="${messages}" xmlns:platformCore="${core}"><platformCore:email>${user.email}</platformCore:email><platformCore:password>${user.password}</platformCore:password><platformCore:account>${user.accountId}</platformCore:account></platformMsgs:passport>`;
}

function appInfoHeader(tag: string, applicationId: string): string {
  return `<platformMsgs:applicationInfo xmlns:platformMsgs="${ns(tag).messages}"><platformMsgs:applicationId>${applicationId}</platformMsgs:applicationId></platformMsgs:applicationInfo>`;
}

interface Answer {
  readonly ok: boolean;
  readonly status?: number;
  readonly faultstring?: string;
  readonly body?: string;
}

/** One `get` (or another operation) through node-soap with the given raw headers. */
async function call(endpoint: string, headers: readonly string[], operation = 'getAsync', args: object = { baseRef: { attributes: { internalId: '1', type: 'customer' } } }): Promise<Answer> {
  const tag = endpoint.replace('.', '_');
  const client = await soap.createClientAsync(`${sim.url}/wsdl/v${tag}_0/netsuite.wsdl`);
  for (const h of headers) client.addSoapHeader(h);
  const fn = (client as unknown as Record<string, (a: object) => Promise<[unknown, string]>>)[operation];
  try {
    const [result, raw] = await fn.call(client, args);
    expect(JSON.stringify(result)).toMatch(/"isSuccess":"?true/);
    return { ok: true, body: raw };
  } catch (e) {
    const err = e as { response?: { status: number }; body?: string; root?: { Envelope?: { Body?: { Fault?: { faultstring?: string } } } } };
    return { ok: false, status: err.response?.status, faultstring: err.root?.Envelope?.Body?.Fault?.faultstring, body: err.body };
  }
}

const acme = (): TokenKit => tokenKit(creds, 'Acme', 'App', 'T1');
const tag21 = '2021_1';

describe('node-soap with tokenPassport', () => {
  it('success: a signed get on 2021.1 is accepted and tracked by the record', async () => {
    const a = await call('2021.1', [tokenHeader(tag21, tokenPassport(acme()))]);
    expect(a.ok).toBe(true);
    expect(a.body).toContain('<platformCore:status isSuccess="true"/>');
    expect(await lastAudit(sim.url)).toMatchObject({ verdict: 'accepted' });
  });

  it('Ambiguous authentication: tokenPassport with applicationInfo (AUTH-03), with a passport (FACT-09)', async () => {
    const app = creds.records.find((r) => r.record === 'App')?.applicationId ?? '';
    let a = await call('2021.1', [tokenHeader(tag21, tokenPassport(acme())), appInfoHeader(tag21, app)]);
    expect(a).toMatchObject({ ok: false, status: 500, faultstring: 'Ambiguous authentication' });
    expect(a.body).toContain('<platformFaults:code>USER_ERROR</platformFaults:code>');
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'AUTH-03' });
    a = await call('2019.1', [tokenHeader('2019_1', tokenPassport(acme())), passportHeader('2019_1', userOf(creds, 'Acme'))]);
    expect(a).toMatchObject({ ok: false, faultstring: 'Ambiguous authentication' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'FACT-09' });
  });

  it('a Blocked record: "Invalid login attempt.", invalidCredentialsFault USER_ERROR, consumer_key_refused in the audit', async () => {
    await admin(sim.url, { type: 'editRecord', account: 'Acme', record: 'App', changes: { state: 'blocked' } });
    const a = await call('2021.1', [tokenHeader(tag21, tokenPassport(acme()))]);
    expect(a).toMatchObject({ ok: false, status: 500, faultstring: 'Invalid login attempt.' });
    expect(a.body).toContain('<platformFaults:invalidCredentialsFault');
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'STATE-01', fault: { detail: 'consumer_key_refused' } });
  });

  it('Waiting for Approval, then Enabled: a token issued to Customer under Require Approval', async () => {
    const customer = userOf(creds, 'Customer');
    const partnerApp = creds.records.find((r) => r.record === 'PartnerApp');
    const res = await fetch(`${sim.url}/rest/issuetoken?consumerKey=${partnerApp?.consumerKey ?? ''}`, {
      headers: { Authorization: `NLAuth nlauth_account=${customer.accountId}, nlauth_email=${customer.email}, nlauth_signature=${customer.password}, nlauth_role=3` },
    });
    expect(res.status).toBe(200);
    const issued = (await res.json()) as { token: string; tokenSecret: string };
    const kit: TokenKit = { accountId: customer.accountId, consumerKey: partnerApp?.consumerKey ?? '', consumerSecret: partnerApp?.consumerSecret ?? '', tokenId: issued.token, tokenSecret: issued.tokenSecret };
    let a = await call('2021.1', [tokenHeader(tag21, tokenPassport(kit))]);
    expect(a).toMatchObject({ ok: false, faultstring: 'Invalid login attempt.' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'STATE-02' });
    await admin(sim.url, { type: 'editRecord', account: 'Customer', record: 'PartnerApp', changes: { state: 'enabled' } });
    a = await call('2021.1', [tokenHeader(tag21, tokenPassport(kit))]);
    expect(a.ok).toBe(true);
  });

  it('a token deleted by a sandbox refresh is refused (FACT-04)', async () => {
    const sandbox = tokenKit(creds, 'Acme SB', 'App', 'TSB');
    expect(sandbox.accountId).toMatch(/^\d{7}_SB1$/);
    expect((await call('2021.1', [tokenHeader(tag21, tokenPassport(sandbox))])).ok).toBe(true);
    await admin(sim.url, { type: 'refreshSandbox', account: 'Acme SB' });
    expect(await call('2021.1', [tokenHeader(tag21, tokenPassport(sandbox))])).toMatchObject({ ok: false, faultstring: 'Invalid login attempt.' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'FACT-04' });
  });

  it('a wrong signature is InvalidSignature; a replayed nonce is NonceUsed; a stale timestamp is InvalidTimestamp', async () => {
    expect((await call('2021.1', [tokenHeader(tag21, tokenPassport(acme(), newNonce(), nowSeconds(), 'not-the-secret'))])).ok).toBe(false);
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'AUTH-05', fault: { detail: 'InvalidSignature' } });
    const once = tokenPassport(acme());
    expect((await call('2021.1', [tokenHeader(tag21, once)])).ok).toBe(true);
    expect(await call('2021.1', [tokenHeader(tag21, once)])).toMatchObject({ ok: false, faultstring: 'Invalid login attempt.' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'FACT-11', fault: { detail: 'NonceUsed' } });
    expect((await call('2021.1', [tokenHeader(tag21, tokenPassport(acme(), newNonce(), nowSeconds() - 600))])).ok).toBe(false);
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'FACT-12', fault: { detail: 'InvalidTimestamp' } });
  });
});

describe('node-soap with passport and applicationInfo', () => {
  it('success on 2019.1: request-level credentials with the Application ID', async () => {
    const app = creds.records.find((r) => r.record === 'App')?.applicationId ?? '';
    const a = await call('2019.1', [passportHeader('2019_1', userOf(creds, 'Acme')), appInfoHeader('2019_1', app)]);
    expect(a.ok).toBe(true);
    expect(await lastAudit(sim.url)).toMatchObject({ verdict: 'accepted' });
  });

  it('login sets JSESSIONID; a token-based request in that session is ambiguous (FACT-10)', async () => {
    const app = creds.records.find((r) => r.record === 'App')?.applicationId ?? '';
    const client = await soap.createClientAsync(`${sim.url}/wsdl/v2019_1_0/netsuite.wsdl`);
    client.addSoapHeader(appInfoHeader('2019_1', app));
    const user = userOf(creds, 'Acme');
    const [, , , ] = await client.loginAsync({ passport: { email: user.email, password: user.password, account: user.accountId } });
    const cookie = /JSESSIONID=([^;]+)/.exec(String(client.lastResponseHeaders?.['set-cookie'] ?? ''))?.[1];
    expect(cookie).toBeTruthy();
    const res = await fetch(`${sim.url}/services/NetSuitePort_2019_1`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', cookie: `JSESSIONID=${cookie ?? ''}` },
      body: `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header>${tokenHeader('2019_1', tokenPassport(acme()))}</soapenv:Header><soapenv:Body><get xmlns="${ns('2019_1').messages}"/></soapenv:Body></soapenv:Envelope>`,
    });
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('<faultstring>Ambiguous authentication</faultstring>');
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'FACT-10' });
  });

  it('Passport on 2020.2 is refused (AUTH-07), though its WSDL has no passport header', async () => {
    const app = creds.records.find((r) => r.record === 'App')?.applicationId ?? '';
    const a = await call('2020.2', [passportHeader('2020_2', userOf(creds, 'Acme')), appInfoHeader('2020_2', app)]);
    expect(a).toMatchObject({ ok: false, status: 500 });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'AUTH-07' });
    const wsdl = await (await fetch(`${sim.url}/wsdl/v2020_2_0/netsuite.wsdl`)).text();
    expect(wsdl).not.toMatch(/name="(login|ssoLogin|passport)"/);
  });

  it('a wrong password is refused as invalid credentials', async () => {
    const app = creds.records.find((r) => r.record === 'App')?.applicationId ?? '';
    const a = await call('2019.1', [passportHeader('2019_1', { ...userOf(creds, 'Acme'), password: 'wrong' }), appInfoHeader('2019_1', app)]);
    expect(a).toMatchObject({ ok: false, status: 500 });
    expect(a.body).toContain('<platformFaults:code>INVALID_LOGIN_CREDENTIALS</platformFaults:code>');
  });
});
