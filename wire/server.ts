import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { EndpointVersion, World } from '../model';
import { registerAdmin } from './admin';
import { decodeIssueToken, encodeIssueToken } from './issue-token-codec';
import { endpointFromTag } from './namespaces';
import { dataCenterUrlsAnswer, decodeRestlet, encodeRestlet } from './restlet-codec';
import { Simulation, startingWorld } from './simulation';
import { decodeSoap, encodeSoap } from './soap-codec';
import { faultAnswer } from './soap-envelopes';
import { errorAnswer } from './restlet-codec';
import { resolveOptions, type ResolvedOptions, type SimulatorOptions, type WireAnswer } from './types';
import { inTurn, Turns } from './turns';
import { wsdlFor } from './wsdl';

/**
 * The HTTP server: routes hand each request to its codec and the simulation, nothing more.
 * Once its body is read, each request takes its turn at the simulation (turns.ts): decoded,
 * applied and encoded whole, one at a time in arrival order. The administration API takes
 * turns too, so a set-up or a read sees exactly the requests that arrived before it.
 *
 * What is not a request at all never reaches a codec and never changes the world: a body over
 * the route's limit (413), a SOAP body that is not XML by its content type (415), a Host header
 * that names no host (400), and any error a parser throws are answered here, with a SOAP fault
 * on the SOAP path and NetSuite's JSON error body elsewhere. Header size and framing (431, 400)
 * are node's HTTP parser's.
 */

/** Content types a SOAP request may have, with any parameters: SOAP 1.1's text/xml, SOAP 1.2's, and plain XML. */
const SOAP_CONTENT_TYPE = /^\s*(?:text\/xml|application\/soap\+xml|application\/xml)\s*(?:;|$)/i;

function isSoapContentType(value: string | undefined): boolean {
  return value !== undefined && SOAP_CONTENT_TYPE.test(value);
}

/** The last Host header found valid: clients send the same one on every request, and it is not parsed again. */
let lastValidHost: string | undefined;

/** A Host header that names a host (and port), as a URL's authority; anything else is refused. */
function validHost(host: string | undefined): boolean {
  if (host !== undefined && host === lastValidHost) return true;
  if (!host || host.length > 255 || !/^[A-Za-z0-9.\-_~:[\]]+$/.test(host)) return false;
  try {
    if (new URL(`http://${host}/`).host === '') return false;
  } catch {
    return false;
  }
  lastValidHost = host;
  return true;
}

/** A 4xx or 5xx for a request no codec could read: a SOAP fault on /services/, NetSuite's JSON error body elsewhere. */
function rejection(request: FastifyRequest, status: number, code: string, message: string): WireAnswer {
  if (request.url.startsWith('/services/')) {
    const m = /^\/services\/NetSuitePort_(\d{4}_\d)/.exec(request.url);
    const endpoint = m ? endpointFromTag(m[1]) : undefined;
    const fault = faultAnswer(endpoint, 'unexpectedErrorFault', code, message, status < 500 ? 'soapenv:Client' : 'soapenv:Server');
    return { ...fault, status };
  }
  return errorAnswer(status, code, message);
}

const REJECTIONS: Readonly<Record<number, { readonly code: string; readonly message: string }>> = {
  400: { code: 'INVALID_REQUEST', message: 'The request could not be read.' },
  404: { code: 'NOT_FOUND', message: 'Nothing is served at this path.' },
  413: { code: 'EXCEEDED_REQUEST_SIZE', message: 'The request is larger than the limit for this path.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'A SOAP request has the content type text/xml (or application/soap+xml).' },
};

export interface SimulatorAccount {
  readonly name: string;
  readonly kind: string;
  readonly accountId: string;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  /** The accounts of the starting world, with their NetSuite account IDs. */
  readonly accounts: readonly SimulatorAccount[];
  readonly simulation: Simulation;
  readonly server: FastifyInstance;
  close(): Promise<void>;
}

function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? request.hostname}`;
}

function send(reply: FastifyReply, answer: WireAnswer): FastifyReply {
  reply.code(answer.status).type(answer.contentType);
  for (const [k, v] of Object.entries(answer.headers ?? {})) reply.header(k, v);
  return reply.send(answer.body);
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const v = request.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

export function buildServer(simulation: Simulation, options: ResolvedOptions): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimit });
  // Bodies that are not JSON reach the codecs as text.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const seconds = () => Math.floor(options.clock() / 1000);
  const turns = new Turns();

  app.addHook('onRequest', (request, reply, done) => {
    if (validHost(request.headers.host)) done();
    else send(reply, errorAnswer(400, 'INVALID_REQUEST', 'The Host header names no host.'));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    const known = REJECTIONS[status];
    // Never an internal message or stack on the wire: a known rejection's words, or an unexpected error's.
    return send(reply, rejection(request, status, known?.code ?? 'UNEXPECTED_ERROR', known?.message ?? 'An unexpected error occurred.'));
  });
  app.setNotFoundHandler((request, reply) => send(reply, rejection(request, 404, REJECTIONS[404].code, REJECTIONS[404].message)));

  app.get<{ Params: { version: string } }>('/wsdl/:version/netsuite.wsdl', async (request, reply) => {
    const m = /^v(\d{4}_\d)_0$/.exec(request.params.version);
    const endpoint = m ? endpointFromTag(m[1]) : undefined;
    if (!endpoint) return reply.code(404).type('text/plain').send(`No WSDL for ${request.params.version}: the model knows endpoints 2014.2 through 2026.1 (v2021_1_0 for 2021.1).`);
    return reply.type('text/xml; charset=utf-8').send(wsdlFor(endpoint, baseUrlOf(request)));
  });

  // SOAP: every body is text whatever its content type (no JSON parsing), checked to be XML by its type.
  app.register(async (soap) => {
    soap.removeAllContentTypeParsers();
    soap.addContentTypeParser('*', { parseAs: 'string', bodyLimit: options.soapBodyLimit }, (_request, body, done) => done(null, body));
    soap.post<{ Params: { port: string } }>('/services/:port', { bodyLimit: options.soapBodyLimit }, async (request, reply) => {
      const m = /^NetSuitePort_(\d{4}_\d)$/.exec(request.params.port);
      const endpoint: EndpointVersion | undefined = m ? endpointFromTag(m[1]) : undefined;
      if (!endpoint) return reply.code(404).type('text/plain').send(`No endpoint ${request.params.port}: use NetSuitePort_<YYYY>_<N>, 2014_2 through 2026_1.`);
      if (!isSoapContentType(request.headers['content-type'])) return send(reply, rejection(request, 415, REJECTIONS[415].code, REJECTIONS[415].message));
      const body = typeof request.body === 'string' ? request.body : '';
      return inTurn(turns, reply, () => {
        const decoded = decodeSoap(simulation.world, { endpoint, body, cookie: header(request, 'cookie'), baseUrl: baseUrlOf(request), receivedAt: seconds() });
        send(reply, simulation.answer(decoded, encodeSoap));
      });
    });
  });

  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE'],
    url: '/app/site/hosting/restlet.nl',
    handler: async (request, reply) => inTurn(turns, reply, () => {
      const decoded = decodeRestlet(simulation.world, {
        method: request.method,
        url: new URL(request.url, baseUrlOf(request)),
        authorization: header(request, 'authorization'),
        cookie: header(request, 'cookie'),
        baseUrl: baseUrlOf(request),
        receivedAt: seconds(),
      });
      send(reply, simulation.answer(decoded, encodeRestlet));
    }),
  });

  app.route({
    method: ['GET', 'POST'],
    url: '/rest/issuetoken',
    handler: async (request, reply) => inTurn(turns, reply, () => {
      const decoded = decodeIssueToken(simulation.world, { url: new URL(request.url, baseUrlOf(request)), authorization: header(request, 'authorization'), baseUrl: baseUrlOf(request) });
      send(reply, simulation.answer(decoded, (outcome, context, world: World) => encodeIssueToken(outcome, context, world)));
    }),
  });

  app.get('/rest/datacenterurls', async (request, reply) => inTurn(turns, reply, () => {
    send(reply, simulation.answer(dataCenterUrlsAnswer(simulation.world, new URL(request.url, baseUrlOf(request)), baseUrlOf(request)), encodeRestlet));
  }));

  registerAdmin(app, simulation, turns);
  return app;
}

/**
 * Starts a simulator on 127.0.0.1 and a free port unless told otherwise.
 *
 *   const sim = await startSimulator({ seed: 42, world: 'scenarios/examples/tba-with-application-id.json' });
 *   // point a client at sim.url; read secrets from `${sim.url}/__harness/credentials`
 *   await sim.close();
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const simulation = new Simulation(startingWorld(resolved), resolved);
  const server = buildServer(simulation, resolved);
  await server.listen({ host: resolved.host, port: resolved.port });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : resolved.port;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  return {
    url: `http://${host}:${port}`,
    accounts: Object.values(simulation.world.accounts).map((a) => ({ name: a.name, kind: a.kind, accountId: a.accountId })),
    simulation,
    server,
    close: async () => {
      await server.close();
      await simulation.audit.close();
    },
  };
}
