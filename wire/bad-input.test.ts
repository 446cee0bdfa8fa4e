import { execFileSync } from 'node:child_process';
import { constants, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { MESSAGES_2021_1, nlauthHeader, oauthHeader, RESTLET_PATH, SOAP_2021_1, SOAP_HEADERS, soapEnvelope, soapGet, tokenPassportXml } from './testing/requests';
import { credentials, resetWorld, tokenKit, userOf, type Credentials, type TokenKit } from './testing/world';
import { SOAP_BODY_LIMIT } from './types';

/**
 * Bad input (issue 13, "How it must be proved" 4): whatever arrives, the server answers it
 * (a SOAP fault for a malformed SOAP request, an HTTP 4xx for what is not a request at all),
 * leaves the world exactly as it was (read through the administration API), and goes on
 * serving: after every case a valid token-based request is accepted. Routes are exercised
 * with fastify's inject; what only a socket shows (header bytes, framing, a body over the
 * limit arriving on the wire, an outbound connection) goes over real HTTP.
 */

let sim: Simulator;
let creds: Credentials;
let kit: TokenKit;
let port: number;

beforeAll(async () => {
  sim = await startSimulator({ seed: 5 });
  port = Number(new URL(sim.url).port);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await resetWorld(sim.url);
  creds = await credentials(sim.url);
  kit = tokenKit(creds, 'Acme', 'App', 'T1');
});

const worldText = async (): Promise<string> => (await sim.server.inject({ method: 'GET', url: '/__harness/world' })).body;

/** Runs `bad`, then checks the world did not change and a valid request is still accepted. */
async function unchangedAndServing(bad: () => Promise<void>): Promise<void> {
  const before = await worldText();
  await bad();
  expect(await worldText()).toBe(before);
  const ok = await fetch(`${sim.url}${SOAP_2021_1}`, { method: 'POST', headers: SOAP_HEADERS, body: soapGet(kit) });
  expect(ok.status).toBe(200);
  expect(await ok.text()).toContain('isSuccess="true"');
}

const soap = (payload: string, headers: Record<string, string> = SOAP_HEADERS) => sim.server.inject({ method: 'POST', url: SOAP_2021_1, headers, payload });

/** NetSuite's fault shape: HTTP 500, soapenv:Server.userException, a platform fault with its code. */
function expectUserFault(res: { statusCode: number; body: string; headers: Record<string, unknown> }, code: string, text: RegExp): void {
  expect(res.statusCode).toBe(500);
  expect(String(res.headers['content-type'])).toMatch(/^text\/xml/);
  expect(res.body).toContain('<faultcode>soapenv:Server.userException</faultcode>');
  expect(res.body).toContain(`<platformFaults:code>${code}</platformFaults:code>`);
  expect(res.body).toMatch(text);
}

/** Raw bytes over a socket; the answer's status line and body (the server closes or answers with Connection: close). */
function raw(bytes: Buffer | string, waitForAnswerMs = 5000): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      done();
    }, waitForAnswerMs);
    socket.on('data', (c) => {
      chunks.push(c);
      // One complete answer is enough: the status line, headers and a body as long as it says.
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text)?.[1];
      if (head >= 0 && length !== undefined && Buffer.byteLength(text, 'latin1') >= head + 4 + Number(length)) {
        clearTimeout(timer);
        socket.destroy();
        done();
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      done();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? undefined : reject(e)));
    socket.write(bytes);
  });
}

const host = () => `127.0.0.1:${port}`;

describe('malformed SOAP requests get NetSuite\'s fault and change nothing', () => {
  it('malformed XML, an empty body, text that is not XML', async () => {
    for (const body of ['<soapenv:Envelope><soapenv:Body><get></soapenv:Body>', '', 'hello', '<a><b></a></b>', '<?xml version="1.0"?>']) {
      await unchangedAndServing(async () => expectUserFault(await soap(body), 'USER_ERROR', /Malformed request|Unknown operation/));
    }
  });

  it('an unknown operation, and an operation the endpoint does not have (login on 2021.1)', async () => {
    await unchangedAndServing(async () => expectUserFault(await soap(soapEnvelope(tokenPassportXml(kit), `<frobnicate xmlns="${MESSAGES_2021_1}"/>`)), 'USER_ERROR', /Unknown operation frobnicate on endpoint 2021\.1/));
    await unchangedAndServing(async () => expectUserFault(await soap(soapEnvelope('', `<login xmlns="${MESSAGES_2021_1}"/>`)), 'USER_ERROR', /Unknown operation login/));
  });

  it('missing headers: no authentication at all, a tokenPassport missing its parts, a RESTlet call with no Authorization', async () => {
    await unchangedAndServing(async () => expectUserFault(await soap(soapEnvelope('')), 'USER_ERROR', /Invalid login attempt\./));
    await unchangedAndServing(async () => expectUserFault(await soap(soapEnvelope(`<tokenPassport><account>${kit.accountId}</account></tokenPassport>`)), 'USER_ERROR', /Invalid login attempt\./));
    await unchangedAndServing(async () => {
      const res = await sim.server.inject({ method: 'GET', url: RESTLET_PATH });
      expect(res.statusCode).toBe(401);
      expect(JSON.parse(res.body)).toEqual({ error: { code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt.' } });
    });
  });

  it('a wrong content type (JSON, a form, none) is 415 with a SOAP fault, never parsed as JSON', async () => {
    const body = soapGet(kit);
    for (const headers of [{ 'content-type': 'application/json' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}] as Record<string, string>[]) {
      await unchangedAndServing(async () => {
        const res = await soap(headers['content-type'] === 'application/json' ? '{"not":' : body, headers);
        expect(res.statusCode).toBe(415);
        expect(res.body).toContain('<faultcode>soapenv:Client</faultcode>');
        expect(res.body).toContain('UNSUPPORTED_MEDIA_TYPE');
      });
    }
  });

  it('numeric character references to no character (not well-formed: XML 1.0, WFC Legal Character), and nesting deeper than the reader allows', async () => {
    for (const reference of ['&#x110000;', '&#99999999999;', '&#0;']) {
      await unchangedAndServing(async () => expectUserFault(await soap(soapEnvelope(`<tokenPassport><account>${reference}</account></tokenPassport>`)), 'USER_ERROR', /Malformed request: malformed XML at 1:\d+: malformed character entity/));
    }
    await unchangedAndServing(async () => expectUserFault(await soap(`${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`), 'USER_ERROR', /Malformed request: malformed XML at 1:\d+: nested deeper than 100 elements/));
  });
});

describe('the body limit NetSuite documents (100 MB for SOAP)', () => {
  it('a body declared over the limit is answered 413 before it is read, over real HTTP', async () => {
    await unchangedAndServing(async () => {
      const head = `POST ${SOAP_2021_1} HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: text/xml\r\nContent-Length: ${SOAP_BODY_LIMIT + 1}\r\n\r\n`;
      const started = Date.now();
      const res = await raw(Buffer.concat([Buffer.from(head), Buffer.alloc(64 * 1024, 0x20)]));
      expect(res.status).toBe(413);
      expect(res.text).toContain('EXCEEDED_REQUEST_SIZE');
      expect(Date.now() - started).toBeLessThan(3000);
    });
  });

  it('a chunked body that grows past a (smaller, configured) limit is cut off with 413', async () => {
    const small = await startSimulator({ seed: 5, soapBodyLimit: 4096 });
    try {
      const res = await small.server.inject({ method: 'POST', url: SOAP_2021_1, headers: SOAP_HEADERS, payload: `<a>${'x'.repeat(5000)}</a>` });
      expect(res.statusCode).toBe(413);
      expect(res.body).toContain('<faultcode>soapenv:Client</faultcode>');
    } finally {
      await small.close();
    }
  });
});

describe('entities are never expanded or fetched', () => {
  it('an entity-expansion bomb is refused at once as a malformed request', async () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [${lol}]>${soapEnvelope(tokenPassportXml(kit)).replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace(kit.accountId, '&lol9;')}`;
    await unchangedAndServing(async () => {
      const started = Date.now();
      const res = await soap(bomb);
      expectUserFault(res, 'USER_ERROR', /Malformed request: a DOCTYPE is not allowed/);
      expect(res.body).not.toContain('lollol');
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });

  it('external entities (a file, a URL, a parameter entity) are neither read nor fetched: no reader opens the FIFO, no connection reaches the listener', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxe-'));
    const fifo = join(dir, 'secret.fifo');
    const plain = join(dir, 'secret.txt');
    writeFileSync(plain, 'XXE-MARKER-7f3a');
    let haveFifo = true;
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      haveFifo = false; // no mkfifo here: the plain file and the listener still show nothing is read or fetched
    }
    let connections = 0;
    const listener: Server = createServer((s) => {
      connections++;
      s.end();
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    const lport = (listener.address() as { port: number }).port;
    try {
      const doctypes = [
        `<!DOCTYPE e [<!ENTITY x SYSTEM "file://${plain}">]>`,
        ...(haveFifo ? [`<!DOCTYPE e [<!ENTITY x SYSTEM "file://${fifo}">]>`] : []),
        `<!DOCTYPE e [<!ENTITY x SYSTEM "http://127.0.0.1:${lport}/x">]>`,
        `<!DOCTYPE e [<!ENTITY % p SYSTEM "http://127.0.0.1:${lport}/p"> %p;]>`,
        `<!doctype e SYSTEM "http://127.0.0.1:${lport}/dtd">`,
      ];
      for (const doctype of doctypes) {
        await unchangedAndServing(async () => {
          const res = await soap(`<?xml version="1.0"?>${doctype}${soapEnvelope(tokenPassportXml(kit)).replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace(kit.accountId, '&x;')}`);
          expectUserFault(res, 'USER_ERROR', /DOCTYPE is not allowed/);
          expect(res.body).not.toContain('XXE-MARKER');
        });
        if (haveFifo) {
          // Opening a FIFO to write without blocking fails with ENXIO while no reader has it open.
          expect(() => closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))).toThrow(/ENXIO/);
        }
      }
      await new Promise((r) => setTimeout(r, 100));
      expect(connections).toBe(0);
    } finally {
      await new Promise((r) => listener.close(r));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('odd header encodings, over real HTTP', () => {
  const restlet = (headers: string) => `GET ${RESTLET_PATH} HTTP/1.1\r\nHost: ${host()}\r\n${headers}Connection: close\r\n\r\n`;

  it('non-UTF-8 bytes in Authorization and Cookie are read as Latin-1 and refused as an invalid login', async () => {
    await unchangedAndServing(async () => {
      const bytes = Buffer.concat([Buffer.from(restlet('').replace('Connection', 'Authorization: OAuth realm="\xff\xfe", oauth_token="\xc3\x28"\r\nCookie: JSESSIONID=\xff\xfe\x80\r\nConnection'), 'latin1')]);
      const res = await raw(bytes);
      expect(res.status).toBe(401);
      expect(res.text).toContain('INVALID_LOGIN_ATTEMPT');
    });
    await unchangedAndServing(async () => {
      const body = soapEnvelope(tokenPassportXml(kit, undefined, undefined, 'wrong-secret'));
      const res = await raw(Buffer.from(`POST ${SOAP_2021_1} HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: text/xml; charset=\xff\xfe\r\nCookie: JSESSIONID=\xe9t\xe9\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`, 'latin1'));
      expect(res.status).toBe(500);
      expect(res.text).toContain('Invalid login attempt.');
    });
  });

  it('duplicate headers: two Authorization headers, two cookies, two differing Content-Lengths', async () => {
    const nl = userOf(creds, 'Acme');
    await unchangedAndServing(async () => {
      const res = await raw(restlet(`Authorization: ${nlauthHeader(nl.accountId, nl.email, 'wrong')}\r\nAuthorization: ${nlauthHeader(nl.accountId, nl.email, nl.password)}\r\n`));
      // Node keeps the first Authorization and drops the rest: the wrong password decides.
      expect(res.status).toBe(401);
    });
    await unchangedAndServing(async () => {
      const res = await raw(restlet(`Authorization: ${oauthHeader(kit, 'GET', `http://${host()}${RESTLET_PATH}`, 'wrong-secret')}\r\nCookie: a=1\r\nCookie: JSESSIONID=nope\r\n`));
      expect(res.status).toBe(401);
    });
    await unchangedAndServing(async () => {
      const res = await raw(`POST ${SOAP_2021_1} HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: text/xml\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello!!`);
      expect(res.status).toBe(400);
    });
  });

  it('a huge header value is 431; no Host, a Host naming no host, a NUL in a header, a bare LF are 400', async () => {
    await unchangedAndServing(async () => expect((await raw(restlet(`Authorization: OAuth realm="${'A'.repeat(64 * 1024)}"\r\n`))).status).toBe(431));
    await unchangedAndServing(async () => expect((await raw(`GET ${RESTLET_PATH} HTTP/1.1\r\nConnection: close\r\n\r\n`)).status).toBe(400));
    await unchangedAndServing(async () => {
      const res = await raw(`GET ${RESTLET_PATH} HTTP/1.1\r\nHost: a b<c>\r\nConnection: close\r\n\r\n`);
      expect(res.status).toBe(400);
    });
    await unchangedAndServing(async () => expect((await raw(restlet('X-Odd: a\u0000b\r\n'))).status).toBe(400));
    await unchangedAndServing(async () => expect((await raw(`GET ${RESTLET_PATH} HTTP/1.1\nHost: ${host()}\n\tfolded\nConnection: close\n\n`)).status).toBe(400));
  });
});

describe('fuzz: random bodies and headers, through every door', () => {
  it('every answer is a status the route documents, the world is unchanged, and the server keeps serving', async () => {
    const valid = soapGet(kit);
    const mutated = fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 20 })).map(([at, cut, insert]) => {
      const i = at % valid.length;
      return valid.slice(0, i) + insert + valid.slice(i + (cut % 8));
    });
    const body = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }), mutated, fc.constantFrom('', '<', '<?xml', '<!DOCTYPE a []><a/>', '&#xFFFFFFFF;', '<a xmlns:="x"/>'));
    const headerValue = fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'binary-ascii', maxLength: 120 }), fc.constantFrom('OAuth realm=""', 'NLAuth ', 'OAuth ,,,==', 'Basic Zm9v', `NLAuth nlauth_account=${kit.accountId}`));
    const contentType = fc.oneof(fc.constantFrom('text/xml', 'text/xml; charset=utf-8', 'application/soap+xml', 'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'TEXT/XML;;;', ''), fc.string({ maxLength: 30 }));
    const route = fc.constantFrom(
      { method: 'POST', url: SOAP_2021_1 }, { method: 'POST', url: '/services/NetSuitePort_2014_2' }, { method: 'POST', url: '/services/NetSuitePort_9999_9' },
      { method: 'GET', url: RESTLET_PATH }, { method: 'POST', url: RESTLET_PATH }, { method: 'PATCH', url: RESTLET_PATH }, { method: 'GET', url: '/app/site/hosting/restlet.nl?script=%zz' },
      { method: 'POST', url: '/rest/issuetoken?consumerKey=%E0%A4%A' }, { method: 'GET', url: `/rest/datacenterurls?account=${kit.accountId}%00` },
    ) as fc.Arbitrary<{ method: 'GET' | 'POST' | 'PATCH'; url: string }>;
    // Latin-1 only in header values: what an HTTP header can carry.
    const latin1 = (s: string) => s.replace(/[^\x20-\x7e\x80-\xff]/g, '?');
    const before = await worldText();
    const world = sim.simulation.world;
    await fc.assert(
      fc.asyncProperty(route, body, fc.option(contentType), fc.option(headerValue), fc.option(headerValue), async (r, payload, ct, authorization, cookie) => {
        const headers: Record<string, string> = {};
        if (ct !== null) headers['content-type'] = latin1(ct);
        if (authorization !== null) headers.authorization = latin1(authorization);
        if (cookie !== null) headers.cookie = latin1(cookie);
        const res = await sim.server.inject({ method: r.method, url: r.url, headers, ...(r.method === 'GET' ? {} : { payload }) });
        expect([400, 401, 404, 405, 413, 415, 500]).toContain(res.statusCode);
        if (res.statusCode === 500) expect(res.body).toContain('soapenv:Server.userException');
        // Nothing a fuzzer sends is a command the world takes: the world is the very same value.
        expect(sim.simulation.world).toBe(world);
      }),
      { numRuns: 400, seed: 20261130 },
    );
    expect(await worldText()).toBe(before);
    await unchangedAndServing(async () => undefined);
  });
});
