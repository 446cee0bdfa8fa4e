import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { admin, credentials, lastAudit, newNonce, nowSeconds, resetWorld, tokenKit, tokenPassport, userOf, type Credentials, type TokenKit } from './testing/world';

/**
 * A SOAP client in another language: Debian's python3-zeep, which reads the served WSDL and
 * builds the headers from it. One Python process for the file, one JSON line per call. The
 * tests skip, saying so, only where no python3 on this machine can import zeep.
 */

const PYTHONS = ['python3', '/usr/bin/python3'];
const python = PYTHONS.find((p) => spawnSync(p, ['-c', 'import zeep'], { stdio: 'ignore' }).status === 0);
if (!python) console.warn(`wire/zeep.test.ts skipped: no python3 with zeep (tried ${PYTHONS.join(', ')}); install Debian's python3-zeep.`);

interface ZeepAnswer {
  readonly ok: boolean;
  readonly faultstring?: string;
  readonly code?: string;
  readonly error?: string;
}

let sim: Simulator;
let creds: Credentials;
let child: ChildProcessWithoutNullStreams;
let lines: Interface;
const waiting: ((line: string) => void)[] = [];

function ask(request: object): Promise<ZeepAnswer> {
  return new Promise((resolve) => {
    waiting.push((line) => resolve(JSON.parse(line) as ZeepAnswer));
    child.stdin.write(`${JSON.stringify(request)}\n`);
  });
}

describe.skipIf(!python)('python3-zeep', () => {
  beforeAll(async () => {
    sim = await startSimulator();
    child = spawn(python ?? 'python3', [join(__dirname, 'testing', 'zeep_client.py')]);
    lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => waiting.shift()?.(line));
  });
  afterAll(async () => {
    child.stdin.end();
    lines.close();
    await sim.close();
  });
  beforeEach(async () => {
    await resetWorld(sim.url);
    creds = await credentials(sim.url);
  });

  const wsdl = (tag: string) => `${sim.url}/wsdl/v${tag}_0/netsuite.wsdl`;
  const get = { baseRef: { internalId: '1', type: 'customer' } };
  const acme = (): TokenKit => tokenKit(creds, 'Acme', 'App', 'T1');
  const passportValue = (p: ReturnType<typeof tokenPassport>) => ({
    account: p.account, consumerKey: p.consumerKey, token: p.token, nonce: p.nonce, timestamp: Number(p.timestamp),
    signature: { _value_1: p.signature, algorithm: 'HMAC-SHA256' },
  });
  const tba = (kit: TokenKit, tag = '2021_1', p = tokenPassport(kit)) => ask({ wsdl: wsdl(tag), operation: 'get', args: get, headers: { tokenPassport: passportValue(p) } });
  const appId = () => creds.records.find((r) => r.record === 'App')?.applicationId ?? '';

  it('success with tokenPassport, and with passport plus applicationInfo on 2019.1', async () => {
    expect(await tba(acme())).toEqual({ ok: true });
    const user = userOf(creds, 'Acme');
    expect(await ask({ wsdl: wsdl('2019_1'), operation: 'get', args: get, headers: { passport: { email: user.email, password: user.password, account: user.accountId }, applicationInfo: { applicationId: appId() } } })).toEqual({ ok: true });
  });

  it('Ambiguous authentication: tokenPassport with applicationInfo', async () => {
    const p = tokenPassport(acme());
    expect(await ask({ wsdl: wsdl('2021_1'), operation: 'get', args: get, headers: { tokenPassport: passportValue(p), applicationInfo: { applicationId: appId() } } }))
      .toEqual({ ok: false, faultstring: 'Ambiguous authentication', code: 'USER_ERROR' });
  });

  it('a Blocked record, then Waiting for Approval and Enabled', async () => {
    await admin(sim.url, { type: 'editRecord', account: 'Acme', record: 'App', changes: { state: 'blocked' } });
    expect(await tba(acme())).toEqual({ ok: false, faultstring: 'Invalid login attempt.', code: 'USER_ERROR' });
    const customer = userOf(creds, 'Customer');
    const app = creds.records.find((r) => r.record === 'PartnerApp');
    const res = await fetch(`${sim.url}/rest/issuetoken?consumerKey=${app?.consumerKey ?? ''}`, {
      headers: { Authorization: `NLAuth nlauth_account=${customer.accountId}, nlauth_email=${customer.email}, nlauth_signature=${customer.password}` },
    });
    const issued = (await res.json()) as { token: string; tokenSecret: string };
    const kit: TokenKit = { accountId: customer.accountId, consumerKey: app?.consumerKey ?? '', consumerSecret: app?.consumerSecret ?? '', tokenId: issued.token, tokenSecret: issued.tokenSecret };
    expect(await tba(kit)).toMatchObject({ ok: false, faultstring: 'Invalid login attempt.' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'STATE-02' });
    await admin(sim.url, { type: 'editRecord', account: 'Customer', record: 'PartnerApp', changes: { state: 'enabled' } });
    expect(await tba(kit)).toEqual({ ok: true });
  });

  it('a token deleted by a sandbox refresh', async () => {
    const sandbox = tokenKit(creds, 'Acme SB', 'App', 'TSB');
    expect(await tba(sandbox)).toEqual({ ok: true });
    await admin(sim.url, { type: 'refreshSandbox', account: 'Acme SB' });
    expect(await tba(sandbox)).toMatchObject({ ok: false, faultstring: 'Invalid login attempt.' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'FACT-04' });
  });

  it('Passport on 2020.2 (sent raw: that WSDL has no passport header) is refused by AUTH-07', async () => {
    const user = userOf(creds, 'Acme');
    const messages = 'urn:messages_2020_2.platform.webservices.netsuite.com';
    const core = 'urn:core_2020_2.platform.webservices.netsuite.com';
    const raw = [
      `<passport xmlns="${messages}"><email xmlns="${core}">${user.email}</email><password xmlns="${core}">${user.password}</password><account xmlns="${core}">${user.accountId}</account></passport>`,
      `<applicationInfo xmlns="${messages}"><applicationId>${appId()}</applicationId></applicationInfo>`,
    ];
    expect(await ask({ wsdl: wsdl('2020_2'), operation: 'get', args: get, headers: { raw } })).toMatchObject({ ok: false, code: 'USER_ERROR' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'AUTH-07' });
  });

  it('a wrong signature, and a replayed nonce', async () => {
    expect(await tba(acme(), '2021_1', tokenPassport(acme(), newNonce(), nowSeconds(), 'wrong'))).toMatchObject({ ok: false, faultstring: 'Invalid login attempt.' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'AUTH-05', fault: { detail: 'InvalidSignature' } });
    const once = tokenPassport(acme());
    expect(await tba(acme(), '2021_1', once)).toEqual({ ok: true });
    expect(await tba(acme(), '2021_1', once)).toMatchObject({ ok: false, faultstring: 'Invalid login attempt.' });
    expect(await lastAudit(sim.url)).toMatchObject({ rule: 'FACT-11', fault: { detail: 'NonceUsed' } });
  });
});
