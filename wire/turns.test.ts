import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld } from '../model';
import { buildServer, startSimulator, type Simulator } from './server';
import { Simulation } from './simulation';
import { soapGet, SOAP_2021_1 } from './testing/requests';
import { credentials, resetWorld, tokenKit } from './testing/world';
import { Turns } from './turns';
import { resolveOptions } from './types';

/**
 * Turns at the world (turns.ts): in the order taken, a batch at a time; over the wire, an
 * administration call takes its turn after the requests that arrived before it, even before
 * they are answered; and an error inside a turn is answered, not lost.
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

describe('an error inside a turn', () => {
  it('is answered by the server\'s error handler (500, no internal message), and the turns after it still run', async () => {
    const options = resolveOptions({ port: 0 });
    /** A simulation that fails on its first request, as a bug would. */
    class Failing extends Simulation {
      private failed = false;
      override answer(...args: Parameters<Simulation['answer']>): ReturnType<Simulation['answer']> {
        if (!this.failed) {
          this.failed = true;
          throw new Error('internal detail 0123456789abcdef0123456789abcdef');
        }
        return super.answer(...args);
      }
    }
    const app = buildServer(new Failing(createWorld({ seed: 4 }), options), options);
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const address = app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      // A turn that lost its error would never answer: the wait is bounded, so that fails rather than hangs.
      const send = () => fetch(`${url}${SOAP_2021_1}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<a/>', signal: AbortSignal.timeout(10_000) });
      // Whichever takes its turn first fails; the other, in the same batch or the next, is answered as usual.
      const answers = await Promise.all([send(), send()]);
      const texts = await Promise.all(answers.map((a) => a.text()));
      expect(answers.map((a) => a.status)).toEqual([500, 500]);
      const failed = texts.filter((t) => t.includes('UNEXPECTED_ERROR'));
      expect(failed).toHaveLength(1);
      expect(failed[0]).not.toContain('internal detail');
      expect(texts.filter((t) => t.includes('USER_ERROR'))).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
