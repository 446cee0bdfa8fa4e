import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfidential } from '../model';
import { safeEqual, signatureMatches } from './signatures';
import { nlauthHeader, oauthHeader, RESTLET_PATH, soapEnvelope, soapGet, tokenPassportXml } from './testing/requests';
import { credentials, resetWorld, tokenKit, userOf, type Credentials } from './testing/world';

/**
 * Confidentiality (issue 13, "How it must be proved" 6): a whole `npm run serve` session,
 * spawned as a user starts it (wire/cli.ts with --audit), answers traffic with every kind of
 * authentication, accepted and refused, and is stopped with SIGTERM. Then everything it
 * printed or wrote (stdout, stderr, the audit file, the coverage raw file) is scanned with the
 * model's findConfidential and for the exact secrets the credentials endpoint served: no
 * Application ID, consumer key or secret, token ID or secret, or password.
 */

const SOAP_2019_1 = '/services/NetSuitePort_2019_1';
const MESSAGES_2019_1 = 'urn:messages_2019_1.platform.webservices.netsuite.com';
const CORE_2019_1 = 'urn:core_2019_1.platform.webservices.netsuite.com';

let dir: string;
let server: ChildProcessWithoutNullStreams;
let url: string;
let stdout = '';
let stderr = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-secrets-'));
  server = spawn(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', 'wire/cli.ts', '--port', '0', '--seed', '9', '--audit', join(dir, 'audit.jsonl')], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, HARNESS_RAW_DIR: join(dir, 'raw'), HARNESS_RUN_ID: 'confidentiality' },
  });
  server.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  server.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run serve printed no URL in 30 s; stdout: ${stdout} stderr: ${stderr}`)), 30_000);
    const look = () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    server.stdout.on('data', look);
    server.on('exit', (code) => reject(new Error(`npm run serve exited (${code}): ${stderr}`)));
  });
});
afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function soap(path: string, body: string, cookie?: string): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', ...(cookie ? { cookie } : {}) }, body });
}

function passportXml(user: { accountId: string; email: string; password: string }): string {
  return `<passport><email>${user.email}</email><password>${user.password}</password><account>${user.accountId}</account><role internalId="3"/></passport>`;
}
const appInfo = (applicationId: string) => `<applicationInfo><applicationId>${applicationId}</applicationId></applicationInfo>`;

/** Every authentication the simulator reads, each accepted and refused; returns the secrets it served. */
async function traffic(): Promise<Credentials> {
  await resetWorld(url);
  const creds = await credentials(url);
  const kit = tokenKit(creds, 'Acme', 'App', 'T1');
  const user = userOf(creds, 'Acme');
  const app = creds.records.find((r) => r.record === 'App')?.applicationId ?? '';
  const wrongUser = { ...user, password: 'not-the-password' };
  const statuses: number[] = [];
  const note = async (r: Promise<Response>) => {
    const res = await r;
    statuses.push(res.status);
    await res.text();
    return res;
  };
  // SOAP, token-based: accepted, wrong signature, ambiguous with applicationInfo and with a passport.
  await note(soap('/services/NetSuitePort_2021_1', soapGet(kit)));
  await note(soap('/services/NetSuitePort_2021_1', soapEnvelope(tokenPassportXml(kit, undefined, undefined, 'wrong-secret'))));
  await note(soap(SOAP_2019_1, soapEnvelope(tokenPassportXml(kit) + appInfo(app), `<get xmlns="${MESSAGES_2019_1}"/>`)));
  await note(soap(SOAP_2019_1, soapEnvelope(tokenPassportXml(kit) + passportXml(user), `<get xmlns="${MESSAGES_2019_1}"/>`)));
  // SOAP, passport: with the Application ID, a wrong password, on 2021.1 (refused by era), a malformed Application ID.
  await note(soap(SOAP_2019_1, soapEnvelope(passportXml(user) + appInfo(app), `<get xmlns="${MESSAGES_2019_1}"/>`)));
  await note(soap(SOAP_2019_1, soapEnvelope(passportXml(wrongUser) + appInfo(app), `<get xmlns="${MESSAGES_2019_1}"/>`)));
  await note(soap('/services/NetSuitePort_2021_1', soapEnvelope(passportXml(user) + appInfo(app), '<get xmlns="urn:messages_2021_1.platform.webservices.netsuite.com"/>')));
  await note(soap(SOAP_2019_1, soapEnvelope(passportXml(user) + appInfo(`${app}0`), `<get xmlns="${MESSAGES_2019_1}"/>`)));
  // SOAP, a session: login (the password in the body), a request in it, logout; login refused.
  const login = await soap(SOAP_2019_1, soapEnvelope(appInfo(app), `<login xmlns="${MESSAGES_2019_1}">${passportXml(user).replace('<passport>', `<passport xmlns="${CORE_2019_1}">`)}</login>`));
  statuses.push(login.status);
  await login.text();
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  await note(soap(SOAP_2019_1, soapEnvelope('', `<get xmlns="${MESSAGES_2019_1}"/>`), cookie));
  await note(soap(SOAP_2019_1, soapEnvelope(tokenPassportXml(kit), `<get xmlns="${MESSAGES_2019_1}"/>`), cookie));
  await note(soap(SOAP_2019_1, soapEnvelope('', `<logout xmlns="${MESSAGES_2019_1}"/>`), cookie));
  await note(soap(SOAP_2019_1, soapEnvelope(appInfo(app), `<login xmlns="${MESSAGES_2019_1}">${passportXml(wrongUser)}</login>`)));
  await note(soap(SOAP_2019_1, soapEnvelope('', `<getDataCenterUrls xmlns="${MESSAGES_2019_1}"><account>${user.accountId}</account></getDataCenterUrls>`)));
  // RESTlets: OAuth accepted and with a wrong secret; NLAuth accepted, a wrong password, with an Application ID.
  const restlet = `${url}${RESTLET_PATH}`;
  await note(fetch(restlet, { headers: { authorization: oauthHeader(kit, 'GET', restlet) } }));
  await note(fetch(restlet, { headers: { authorization: oauthHeader(kit, 'GET', restlet, 'wrong-secret') } }));
  await note(fetch(restlet, { headers: { authorization: nlauthHeader(user.accountId, user.email, user.password) } }));
  await note(fetch(restlet, { headers: { authorization: nlauthHeader(user.accountId, user.email, wrongUser.password) } }));
  await note(fetch(restlet, { headers: { authorization: nlauthHeader(user.accountId, user.email, user.password, app) } }));
  // Issue Token: accepted under Require Approval, and with a wrong password; a stale and an unknown consumer key.
  const customer = userOf(creds, 'Customer');
  const partnerApp = creds.records.find((r) => r.record === 'PartnerApp');
  await note(fetch(`${url}/rest/issuetoken?consumerKey=${partnerApp?.consumerKey ?? ''}`, { method: 'POST', headers: { authorization: nlauthHeader(customer.accountId, customer.email, customer.password) } }));
  await note(fetch(`${url}/rest/issuetoken?consumerKey=${partnerApp?.consumerKey ?? ''}`, { method: 'POST', headers: { authorization: nlauthHeader(customer.accountId, customer.email, 'wrong') } }));
  await note(fetch(`${url}/rest/issuetoken?consumerKey=${kit.consumerSecret}`, { method: 'POST', headers: { authorization: nlauthHeader(customer.accountId, customer.email, customer.password) } }));
  // The administration API: a view that shows the Application ID to its owner, and an invalid command naming a secret.
  await note(fetch(`${url}/__harness/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'viewRecord', account: 'Acme', record: 'App' }) }));
  await note(fetch(`${url}/__harness/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: kit.tokenSecret, account: app }) }));
  await note(fetch(`${url}/__harness/world`));
  await note(fetch(`${url}/__harness/audit`));
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(8);
  expect(statuses.filter((s) => s >= 400).length).toBeGreaterThan(8);
  // Secrets of tokens issued on the wire are served by the credentials endpoint too.
  return credentials(url);
}

describe('a whole npm run serve session', () => {
  it('prints and writes no Application ID, consumer key or secret, token ID or secret, or password', async () => {
    const creds = await traffic();
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);

    const audit = readFileSync(join(dir, 'audit.jsonl'), 'utf8');
    const rawFiles = readdirSync(join(dir, 'raw')).map((f) => readFileSync(join(dir, 'raw', f), 'utf8'));
    expect(audit.split('\n').filter(Boolean).length).toBeGreaterThan(20);
    expect(rawFiles.join('')).toContain('wire: requests answered by npm run serve');
    expect(stdout).toMatch(/refused .* STATE-02|refused .* AUTH-05 .*InvalidSignature/);
    expect(stdout).toContain('Stopped (SIGTERM).');

    const secrets = [
      ...creds.records.flatMap((r) => [r.applicationId, r.consumerKey, r.consumerSecret]),
      ...creds.tokens.flatMap((t) => [t.tokenId, t.tokenSecret]),
      ...creds.accounts.flatMap((a) => a.users.map((u) => u.password)),
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(16);
    const outputs = { stdout, stderr, audit, raw: rawFiles.join('\n') };
    for (const [name, text] of Object.entries(outputs)) {
      expect(findConfidential(text), name).toEqual([]);
      // Application IDs also in their other forms: upper case, without hyphens.
      const leaked = secrets.filter((s) => [s, s.toUpperCase(), s.replace(/-/g, '')].some((form) => text.includes(form)));
      expect(leaked.length, `${name} shows ${leaked.length} secret value(s)`).toBe(0);
    }
  });
});

describe('signatures are compared in constant time', () => {
  const right = 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c=';
  // Same length in UTF-16 units, and in latin1 the same bytes as `right`: only UTF-8 tells them apart.
  const lookalike = `${String.fromCharCode(0x100 + right.charCodeAt(0))}${right.slice(1)}`;
  const wrongs = ['', 'x', `${right}A`, right.slice(0, -1), 'é'.repeat(200), '\u0000'.repeat(44), lookalike, `${right.slice(0, -1)}d`];

  it('signatures through timingSafeEqual on their UTF-8 bytes: a wrong, wrong-length, empty or lookalike signature is refused without throwing', () => {
    expect(signatureMatches(right, right)).toBe(true);
    for (const wrong of wrongs) {
      expect(() => signatureMatches(right, wrong)).not.toThrow();
      expect(signatureMatches(right, wrong), JSON.stringify(wrong)).toBe(false);
    }
  });

  it('passwords through timingSafeEqual on equal-length digests, so not even their length shows', () => {
    expect(safeEqual(right, right)).toBe(true);
    for (const wrong of wrongs) {
      expect(() => safeEqual(right, wrong)).not.toThrow();
      expect(safeEqual(right, wrong), JSON.stringify(wrong)).toBe(false);
    }
  });
});
