import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { soapGet, SOAP_2021_1 } from './testing/requests';
import { credentials, resetWorld, tokenKit } from './testing/world';
import { Turns } from './turns';

/**
 * Turns at the world (turns.ts): in the order taken, a batch at a time; and over the wire, an
 * administration call takes its turn after the requests that arrived before it, even before
 * they are answered.
 */

describe('Turns', () => {
  it('runs turns in the order taken, later than the call, and a turn taken during a batch after that batch', async () => {
    const turns = new Turns();
    const ran: string[] = [];
    turns.take(() => {
      ran.push('a');
      turns.take(() => ran.push('c'));
    });
    turns.take(() => ran.push('b'));
    expect(ran).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual(['a', 'b']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual(['a', 'b', 'c']);
  });
});

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 12 });
});
afterAll(async () => {
  await sim.close();
});

/** Raw HTTP/1.1 on one connection, every request written at once (pipelined); resolves when the connection ends. */
function pipelined(requests: readonly string[]): Promise<string> {
  const { hostname, port } = new URL(sim.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(requests.join('')));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('turns over the wire', () => {
  it('a reset sent right behind a SOAP request (one chunk, one connection) takes its turn after the request: the request is applied, then reset away', async () => {
    await resetWorld(sim.url);
    const kit = tokenKit(await credentials(sim.url), 'Acme', 'App', 'T1');
    const host = new URL(sim.url).host;
    const body = soapGet(kit);
    const soap = `POST ${SOAP_2021_1} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const reset = `POST /__harness/reset HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`;
    const text = await pipelined([soap, reset]);
    expect(text.match(/^HTTP\/1\.1 \d+/gm)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
    expect(text).toContain('isSuccess="true"');
    // Were the reset applied first, the request would be in the audit trail now.
    const { entries } = (await (await fetch(`${sim.url}/__harness/audit`)).json()) as { entries: unknown[] };
    expect(entries).toEqual([]);
  });
});
