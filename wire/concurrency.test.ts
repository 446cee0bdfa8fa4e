import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { soapEnvelope, SOAP_2021_1, tokenPassportXml } from './testing/requests';
import { credentials, newNonce, resetWorld, tokenKit } from './testing/world';
import type { AuditEntry } from './types';

/**
 * Concurrency (issue 13, "How it must be proved" 5): 200 requests at once, each on a
 * connection of its own (node:http with agent: false), to a simulator on 127.0.0.1 port 0.
 * Every one is answered; each is applied exactly once (the usage and execution logs grow by
 * exactly the number accepted, and a nonce sent twice is accepted once); and they are applied
 * one at a time in arrival order: the audit trail's sequence numbers rise by one, and the
 * operations in the usage log are those of the accepted entries of the audit trail, in order.
 */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 11 });
});
afterAll(async () => {
  await sim.close();
});

const OPERATIONS = ['get', 'search', 'add', 'update', 'delete', 'upsert'] as const;
const MESSAGES = 'urn:messages_2021_1.platform.webservices.netsuite.com';

function post(body: string): Promise<{ status: number; body: string }> {
  const url = new URL(SOAP_2021_1, sim.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface WorldView {
  accounts: Record<string, { usageLog: { seq: number; operation: string }[]; installations: Record<string, { log: { seq: number }[] }> }>;
}

async function read<T>(path: string): Promise<T> {
  return (await (await fetch(`${sim.url}${path}`)).json()) as T;
}

describe('200 concurrent requests on separate connections', () => {
  it('are all answered, each applied exactly once, one at a time in arrival order', async () => {
    await resetWorld(sim.url);
    const kit = tokenKit(await credentials(sim.url), 'Acme', 'App', 'T1');
    const before = await read<WorldView>('/__harness/world');
    const auditBefore = (await read<{ entries: AuditEntry[] }>('/__harness/audit')).entries.length;

    // 140 valid requests, 30 with a wrong signature, and 15 nonces each sent twice.
    const bodies: string[] = [];
    for (let i = 0; i < 140; i++) bodies.push(soapEnvelope(tokenPassportXml(kit), `<${OPERATIONS[i % 6]} xmlns="${MESSAGES}"/>`));
    for (let i = 0; i < 30; i++) bodies.push(soapEnvelope(tokenPassportXml(kit, undefined, undefined, 'wrong-secret'), `<get xmlns="${MESSAGES}"/>`));
    for (let i = 0; i < 15; i++) {
      const twice = soapEnvelope(tokenPassportXml(kit, `twice-${i}-${newNonce()}`), `<${OPERATIONS[i % 6]} xmlns="${MESSAGES}"/>`);
      bodies.push(twice, twice);
    }
    expect(bodies).toHaveLength(200);

    const answers = await Promise.all(bodies.map((b) => post(b)));
    expect(answers.every((a) => a.status === 200 || a.status === 500)).toBe(true);
    const accepted = answers.filter((a) => a.status === 200).length;
    expect(accepted).toBe(140 + 15);
    expect(answers.filter((a) => a.status === 500 && a.body.includes('Invalid login attempt.'))).toHaveLength(30 + 15);

    const after = await read<WorldView>('/__harness/world');
    const usage = after.accounts.Acme.usageLog;
    expect(usage.length - before.accounts.Acme.usageLog.length).toBe(accepted);
    expect(after.accounts.Acme.installations.App.log.length - before.accounts.Acme.installations.App.log.length).toBe(accepted);

    const entries = (await read<{ entries: AuditEntry[] }>('/__harness/audit')).entries.slice(auditBefore);
    expect(entries).toHaveLength(200);
    entries.forEach((e, i) => i > 0 && expect(e.seq).toBe(entries[i - 1].seq + 1));
    const acceptedInAuditOrder = entries.filter((e) => e.verdict === 'accepted').map((e) => e.operation);
    const newLog = usage.slice(before.accounts.Acme.usageLog.length);
    newLog.forEach((e, i) => i > 0 && expect(e.seq).toBeGreaterThan(newLog[i - 1].seq));
    expect(newLog.map((e) => e.operation)).toEqual(acceptedInAuditOrder);
    expect(entries.filter((e) => e.rule === 'FACT-11')).toHaveLength(15);
  });
});
