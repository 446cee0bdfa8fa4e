import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { EndpointVersion, World } from '../model';
import { registerAdmin } from './admin';
import { decodeIssueToken, encodeIssueToken } from './issue-token-codec';
import { endpointFromTag } from './namespaces';
import { dataCenterUrlsAnswer, decodeRestlet, encodeRestlet } from './restlet-codec';
import { Simulation, startingWorld } from './simulation';
import { decodeSoap, encodeSoap } from './soap-codec';
import { resolveOptions, type ResolvedOptions, type SimulatorOptions, type WireAnswer } from './types';
import { wsdlFor } from './wsdl';

/**
 * The HTTP server: routes hand each request to its codec and the simulation, nothing more.
 * Each handler decodes, applies and encodes synchronously once the body is read, so requests
 * reach the world one at a time in arrival order.
 */

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
  const app = Fastify({ logger: false });
  // SOAP bodies (and anything else that is not JSON) reach the codecs as text.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const seconds = () => Math.floor(options.clock() / 1000);

  app.get<{ Params: { version: string } }>('/wsdl/:version/netsuite.wsdl', async (request, reply) => {
    const m = /^v(\d{4}_\d)_0$/.exec(request.params.version);
    const endpoint = m ? endpointFromTag(m[1]) : undefined;
    if (!endpoint) return reply.code(404).type('text/plain').send(`No WSDL for ${request.params.version}: the model knows endpoints 2014.2 through 2026.1 (v2021_1_0 for 2021.1).`);
    return reply.type('text/xml; charset=utf-8').send(wsdlFor(endpoint, baseUrlOf(request)));
  });

  app.post<{ Params: { port: string } }>('/services/:port', async (request, reply) => {
    const m = /^NetSuitePort_(\d{4}_\d)$/.exec(request.params.port);
    const endpoint: EndpointVersion | undefined = m ? endpointFromTag(m[1]) : undefined;
    if (!endpoint) return reply.code(404).type('text/plain').send(`No endpoint ${request.params.port}: use NetSuitePort_<YYYY>_<N>, 2014_2 through 2026_1.`);
    const body = typeof request.body === 'string' ? request.body : '';
    const decoded = decodeSoap(simulation.world, { endpoint, body, cookie: header(request, 'cookie'), baseUrl: baseUrlOf(request), receivedAt: seconds() });
    return send(reply, simulation.answer(decoded, encodeSoap));
  });

  app.route({
    method: ['GET', 'POST', 'PUT', 'DELETE'],
    url: '/app/site/hosting/restlet.nl',
    handler: async (request, reply) => {
      const decoded = decodeRestlet(simulation.world, {
        method: request.method,
        url: new URL(request.url, baseUrlOf(request)),
        authorization: header(request, 'authorization'),
        cookie: header(request, 'cookie'),
        baseUrl: baseUrlOf(request),
        receivedAt: seconds(),
      });
      return send(reply, simulation.answer(decoded, encodeRestlet));
    },
  });

  app.route({
    method: ['GET', 'POST'],
    url: '/rest/issuetoken',
    handler: async (request, reply) => {
      const decoded = decodeIssueToken(simulation.world, { url: new URL(request.url, baseUrlOf(request)), authorization: header(request, 'authorization'), baseUrl: baseUrlOf(request) });
      return send(reply, simulation.answer(decoded, (outcome, context, world: World) => encodeIssueToken(outcome, context, world)));
    },
  });

  app.get('/rest/datacenterurls', async (request, reply) => {
    return send(reply, simulation.answer(dataCenterUrlsAnswer(simulation.world, new URL(request.url, baseUrlOf(request)), baseUrlOf(request)), encodeRestlet));
  });

  registerAdmin(app, simulation);
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
