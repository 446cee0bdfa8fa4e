import Fastify from 'fastify';
import { PerformanceObserver } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { startSimulator } from './server';
import { successAnswer } from './soap-envelopes';

/**
 * A server for `npm run bench` to load from another process, so the load generator never
 * shares the server's event loop: `sim` is the simulator, `bare` the same HTTP library
 * (fastify) answering the SOAP path with a fixed success envelope and no work. Prints
 * `URL <url>`; answers `rss` on stdin with `RSS <bytes>` and `cpu` with `CPU <microseconds of
 * CPU used> <milliseconds spent in garbage collection>` since it started; ends when stdin closes.
 */
async function main(kind: string): Promise<void> {
  let url: string;
  let close: () => Promise<void>;
  if (kind === 'sim') {
    const sim = await startSimulator({ seed: 1 });
    url = sim.url;
    close = () => sim.close();
  } else if (kind === 'bare') {
    const app = Fastify({ logger: false });
    const fixed = successAnswer('2021.1', 'get');
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    app.post('/services/:port', async (_request, reply) => reply.code(200).type(fixed.contentType).send(fixed.body));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    close = () => app.close();
  } else {
    throw new Error(`bench-server: Invalid kind "${kind}": should be sim or bare`);
  }
  let gcMs = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration;
  }).observe({ entryTypes: ['gc'] });
  process.stdout.write(`URL ${url}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === 'rss') process.stdout.write(`RSS ${process.memoryUsage().rss}\n`);
    if (line.trim() === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.stdout.write(`CPU ${user + system} ${Math.round(gcMs)}\n`);
    }
  });
  lines.on('close', () => void close().then(() => process.exit(0)));
}

main(process.argv[2] ?? '').catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
