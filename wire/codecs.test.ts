import { describe, expect, it } from 'vitest';
import { applyAll, createWorld, type World } from '../model';
import { credentialsOf } from './admin';
import { auditEntry, refusalLine } from './audit';
import { parseAuthorization, sessionCookie } from './headers';
import { decodeRestlet, encodeRestlet } from './restlet-codec';
import { buildServer } from './server';
import { oauthSignature, percentEncode, safeEqual, tokenPassportSignature } from './signatures';
import { Simulation } from './simulation';
import { decodeSoap, encodeSoap } from './soap-codec';
import { resolveOptions } from './types';
import { wsdlFor } from './wsdl';
import { SETUP, tokenKit, tokenPassport, type Credentials } from './testing/world';

/** Codec round trips and routes without a socket (fastify inject). */

const world: World = applyAll(createWorld({ seed: 3 }), [...SETUP]).world;
const creds = credentialsOf(world) as unknown as Credentials;
const kit = tokenKit(creds, 'Acme', 'App', 'T1');
const T0 = 1_800_000_000;

function envelope(headers: string, body = '<get xmlns="urn:messages_2021_1.platform.webservices.netsuite.com"/>'): string {
  return `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header>${headers}</soapenv:Header><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}
function tp(p: ReturnType<typeof tokenPassport>): string {
  return `<tokenPassport><account>${p.account}</account><consumerKey>${p.consumerKey}</consumerKey><token>${p.token}</token><nonce>${p.nonce}</nonce><timestamp>${p.timestamp}</timestamp><signature algorithm="HMAC-SHA256">${p.signature}</signature></tokenPassport>`;
}
const soapReq = (body: string, cookie?: string) => ({ endpoint: '2021.1' as const, body, cookie, baseUrl: 'http://127.0.0.1:1', receivedAt: T0 });

describe('signatures', () => {
  it('the tokenPassport signature is HMAC-SHA256 of account&key&token&nonce&timestamp with consumerSecret&tokenSecret, base64', () => {
    const p = tokenPassport(kit, 'abcdef', T0);
    expect(tokenPassportSignature({ account: p.account, consumerKey: p.consumerKey, token: p.token, nonce: p.nonce, timestamp: p.timestamp }, kit.consumerSecret, kit.tokenSecret)).toBe(p.signature);
  });

  it('OAuth: RFC 3986 encoding, and the RFC 5849 example key and base string shape', () => {
    expect(percentEncode("a b!*'()~")).toBe('a%20b%21%2A%27%28%29~');
    const sig = oauthSignature('get', 'http://h/p', [['b', '2'], ['a', '1']], 'cs', 'ts');
    expect(sig).toBe(oauthSignature('GET', 'http://h/p', [['a', '1'], ['b', '2']], 'cs', 'ts'));
    expect(safeEqual('x', 'x')).toBe(true);
    expect(safeEqual('x', 'xy')).toBe(false);
  });
});

describe('headers', () => {
  it('reads OAuth (quoted, percent-encoded), NLAuth (bare, as nsrestlet sends it) and JSESSIONID', () => {
    const o = parseAuthorization('OAuth realm="123_SB1", oauth_nonce="a%2Bb", oauth_signature="x%3D"');
    expect(o.kind === 'oauth' && [o.params.get('realm'), o.params.get('oauth_nonce'), o.params.get('oauth_signature')]).toEqual(['123_SB1', 'a+b', 'x=']);
    expect(parseAuthorization('NLAuth nlauth_account=123,nlauth_email=a@b.c,nlauth_signature=pw,nlauth_role=3')).toEqual({ kind: 'nlauth', account: '123', email: 'a@b.c', password: 'pw', role: '3', applicationId: undefined });
    expect(parseAuthorization(undefined)).toEqual({ kind: 'none' });
    expect(parseAuthorization('Basic abc')).toEqual({ kind: 'unknown', scheme: 'basic' });
    expect(sessionCookie('a=1; JSESSIONID=ws-1; b=2')).toBe('ws-1');
  });
});

describe('SOAP codec', () => {
  it('decodes a signed tokenPassport into the model\'s token-based request, with nonce, timestamp and time received', () => {
    const d = decodeSoap(world, soapReq(envelope(tp(tokenPassport(kit, 'n0nce1', T0)))));
    expect(d.kind === 'command' && d.command).toEqual({
      type: 'request',
      request: { channel: 'soap', account: 'Acme', endpoint: '2021.1', operation: 'get', receivedAt: T0, auth: { kind: 'tba', consumerKey: { of: 'App' }, token: { handle: 'T1' }, signature: 'valid', nonce: 'n0nce1', timestamp: T0 } },
    });
  });

  it('keeps what makes a request ambiguous: applicationInfo and a passport beside the tokenPassport', () => {
    const app = creds.records.find((r) => r.record === 'App')?.applicationId;
    const d = decodeSoap(world, soapReq(envelope(`${tp(tokenPassport(kit))}<applicationInfo><applicationId>${app}</applicationId></applicationInfo><passport><email>x@y.z</email><password>p</password><account>${kit.accountId}</account></passport>`)));
    expect(d.kind === 'command' && d.command.type === 'request' && d.command.request.auth).toMatchObject({ kind: 'tba', applicationId: { literal: app }, alsoPassport: { user: 'administrator', password: 'invalid' } });
  });

  it('a signature with another secret, or a lower-case sandbox account, decodes as invalid', () => {
    const wrong = decodeSoap(world, soapReq(envelope(tp(tokenPassport(kit, 'nonce2', T0, 'other')))));
    expect(wrong.kind === 'command' && wrong.command.type === 'request' && wrong.command.request.auth).toMatchObject({ signature: 'invalid' });
    const sb = tokenKit(creds, 'Acme SB', 'App', 'TSB');
    const lower = { ...sb, accountId: sb.accountId.toLowerCase() };
    const d = decodeSoap(world, soapReq(envelope(tp(tokenPassport(lower)))));
    expect(d.kind === 'command' && d.command.type === 'request' && [d.command.request.account, d.command.request.auth]).toMatchObject(['Acme SB', { signature: 'invalid' }]);
  });

  it('answers at the wire, changing nothing, for an unknown account, an unknown consumer key, a DOCTYPE and an unknown operation', () => {
    expect(decodeSoap(world, soapReq(envelope(tp({ ...tokenPassport(kit), account: '999' }))))).toMatchObject({ kind: 'answer', refusal: { rule: 'ASM-18', code: 'INVALID_LOGIN_ATTEMPT' } });
    expect(decodeSoap(world, soapReq(envelope(tp({ ...tokenPassport(kit), consumerKey: 'nope' }))))).toMatchObject({ kind: 'answer', refusal: { detail: 'consumer_key_unknown' } });
    const bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>';
    expect(decodeSoap(world, soapReq(bomb))).toMatchObject({ kind: 'answer', answer: { status: 500 } });
    expect(decodeSoap(world, soapReq(envelope('', '<frobnicate/>')))).toMatchObject({ kind: 'answer', refusal: { message: expect.stringContaining('Unknown operation frobnicate') } });
  });

  it('encodes refusals as NetSuite\'s fault (the NetSweet/netsuite#368 fixture\'s shape) and acceptances with status isSuccess', () => {
    const context = { channel: 'soap' as const, endpoint: '2016.1' as const, operation: 'get', auth: 'tba' as const, baseUrl: 'http://h' };
    const fault = encodeSoap({ kind: 'refused', command: 'request', transitions: [], rule: 'AUTH-03', fault: { code: 'USER_ERROR', message: 'Ambiguous authentication' } }, context);
    expect(fault.status).toBe(500);
    const flat = fault.body.replace(/\s+/g, ' ');
    expect(flat).toContain('<faultcode>soapenv:Server.userException</faultcode> <faultstring>Ambiguous authentication</faultstring>');
    expect(flat).toContain('<platformFaults:invalidCredentialsFault xmlns:platformFaults="urn:faults_2016_1.platform.webservices.netsuite.com"> <platformFaults:code>USER_ERROR</platformFaults:code>');
    const ok = encodeSoap({ kind: 'accepted', command: 'request', transitions: [], changes: [], rules: [] }, context);
    expect(ok.body).toContain('<platformCore:status isSuccess="true"/>');
  });
});

describe('RESTlet codec', () => {
  it('decodes NLAuth with an Application ID into user credentials, and encodes a refusal as 401 with NetSuite\'s error body', () => {
    const admin = creds.accounts.find((a) => a.name === 'Acme')?.users[0];
    const d = decodeRestlet(world, {
      method: 'get', url: new URL('http://h/app/site/hosting/restlet.nl?script=1&deploy=2'), cookie: undefined, baseUrl: 'http://h', receivedAt: T0,
      authorization: `NLAuth nlauth_account=${kit.accountId}, nlauth_email=${admin?.email ?? ''}, nlauth_signature=${admin?.password ?? ''}, nlauth_application_id=ABC`,
    });
    expect(d.kind === 'command' && d.command).toEqual({
      type: 'request', request: { channel: 'restlet', account: 'Acme', method: 'GET', receivedAt: T0, auth: { kind: 'passport', user: 'administrator', password: 'valid', applicationId: { literal: 'ABC' } } },
    });
    const a = encodeRestlet({ kind: 'refused', command: 'request', transitions: [], rule: 'STATE-01', fault: { code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt.' } }, { channel: 'restlet', operation: 'GET', auth: 'oauth', baseUrl: '' });
    expect([a.status, JSON.parse(a.body)]).toEqual([401, { error: { code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt.' } }]);
  });
});

describe('audit and routes', () => {
  it('audit lines are redacted: no password, secret or Application ID', () => {
    const secret = creds.records[0].consumerSecret;
    const entry = auditEntry(1, new Date(0), { channel: 'soap', endpoint: '2021.1', operation: 'get', auth: 'tba', baseUrl: '', accountId: kit.accountId, account: 'Acme' },
      { kind: 'refused', command: 'request', transitions: [], rule: 'AUTH-05', fault: { code: 'INVALID_LOGIN_ATTEMPT', message: `bad ${secret} and ${creds.accounts[0].users[0].password}` } }, undefined);
    const line = refusalLine(entry) ?? '';
    expect(line).toContain(`refused ${kit.accountId} soap 2021.1 get AUTH-05 INVALID_LOGIN_ATTEMPT`);
    expect(JSON.stringify(entry) + line).not.toContain(secret);
    expect(JSON.stringify(entry) + line).not.toContain(creds.accounts[0].users[0].password);
  });

  it('audit times are the request\'s own millisecond, in ISO form, whichever came before', () => {
    const at = (ms: number) => auditEntry(1, new Date(ms), { channel: 'soap', endpoint: '2021.1', operation: 'get', auth: 'tba', baseUrl: '' }, undefined, undefined).time;
    expect([at(0), at(0), at(1), at(1_764_582_000_123), at(0)]).toEqual(['1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.001Z', '2025-12-01T09:40:00.123Z', '1970-01-01T00:00:00.000Z']);
  });

  it('admin API: commands validated with their position, world redacted, credentials served, reset', async () => {
    const options = resolveOptions({ clock: () => T0 * 1000 });
    const app = buildServer(new Simulation(createWorld({ seed: 3 }), options), options);
    let r = await app.inject({ method: 'POST', url: '/__harness/commands', payload: { commands: [{ type: 'addAccount', account: 'Acme', kind: 'production' }, { type: 'addAccount', account: 'B', kind: 'bogus' }] } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ error: expect.stringContaining('commands[1].kind') });
    r = await app.inject({ method: 'POST', url: '/__harness/commands', payload: [...SETUP] });
    expect(r.statusCode).toBe(200);
    r = await app.inject({ method: 'POST', url: '/__harness/commands', payload: { type: 'addUser', account: 'Nowhere', user: 'x', role: 'administrator' } });
    expect([r.statusCode, r.json()]).toEqual([400, { error: expect.stringContaining('commands[0]: addUser account: unknown account "Nowhere"'), applied: 0 }]);
    const worldText = (await app.inject({ url: '/__harness/world' })).body;
    const served = (await app.inject({ url: '/__harness/credentials' })).json() as Credentials;
    expect(served.tokens.map((t) => t.token).sort()).toEqual(['T1', 'TSB']);
    for (const t of served.tokens) expect(worldText).not.toContain(t.tokenSecret);
    for (const a of served.accounts) for (const u of a.users) expect(worldText).not.toContain(u.password);
    expect((await app.inject({ url: '/wsdl/v2021_1_0/netsuite.wsdl' })).body).toContain('urn:messages_2021_1.platform.webservices.netsuite.com');
    expect((await app.inject({ url: '/wsdl/v2013_1_0/netsuite.wsdl' })).statusCode).toBe(404);
    await app.inject({ method: 'POST', url: '/__harness/reset' });
    expect(((await app.inject({ url: '/__harness/credentials' })).json() as Credentials).accounts).toEqual([]);
    await app.close();
  });

  it('every endpoint\'s WSDL has tokenPassport; only those before 2020.2 have login, ssoLogin and passport', () => {
    expect(wsdlFor('2020.1', 'http://h')).toMatch(/name="ssoLogin"/);
    expect(wsdlFor('2020.2', 'http://h')).not.toMatch(/name="(login|ssoLogin|logout|passport)"/);
    expect(wsdlFor('2014.2', 'http://h')).toContain('<soap:address location="http://h/services/NetSuitePort_2014_2"/>');
  });
});
