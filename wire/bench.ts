import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { soapGet, SOAP_2021_1, SOAP_HEADERS } from './testing/requests';
import { credentials, resetWorld, tokenKit, type TokenKit } from './testing/world';

/**
 * The wire figures of `npm run bench` (issue 13, "Speed and memory"), measured with autocannon
 * on loopback at 50 connections against a server in a process of its own (wire/bench-server.ts):
 *
 * - requests per second and p99 latency of a valid token-based SOAP `get` through the
 *   simulator, beside the same HTTP library (fastify) answering a fixed envelope with no work,
 *   as a ratio (aim: at least 0.5; p99 under 10 ms);
 * - the simulator's rate once 1,000 requests were accepted and once 100,000 were, as a ratio
 *   (aim: within 20%), and its resident memory then (aim: under 500 MB).
 *
 * The simulator is warmed up for 3 s and reset to its starting world first, so both windows
 * run warm code. Every request is signed afresh in autocannon's setupRequest (new nonce, current timestamp),
 * for both servers alike, so the client's work is the same on both sides. Never asserted in tests.
 */

const CONNECTIONS = 50;
const WINDOW_SECONDS = 8;
const EARLY = 1_000;
const LATE = 100_000;

interface Histogram {
  readonly average: number;
  readonly p99: number;
}
interface CannonResult {
  readonly requests: Histogram & { readonly total: number };
  readonly latency: Histogram;
  readonly '2xx': number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly duration: number;
}
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
type Cannon = (options: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  requests: { method: string; path: string; headers: Record<string, string>; setupRequest: (req: CannonRequest) => CannonRequest }[];
}) => Promise<CannonResult>;

const autocannon = createRequire(__filename)('autocannon') as Cannon;

interface Child {
  readonly url: string;
  rss(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts wire/bench-server.ts in a process of its own and waits for its URL. */
function startChild(kind: 'sim' | 'bare'): Promise<Child> {
  const tsNode = createRequire(__filename).resolve('ts-node/dist/bin.js');
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [tsNode, '--transpile-only', join(__dirname, 'bench-server.ts'), kind], { stdio: 'pipe' });
  let out = '';
  let err = '';
  const waiters: ((line: string) => void)[] = [];
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      waiters.shift()?.(line);
    }
  });
  const nextLine = () => new Promise<string>((resolve, reject) => {
    waiters.push(resolve);
    child.once('exit', (code) => reject(new Error(`bench server (${kind}) exited with ${code}: ${err}`)));
  });
  return nextLine().then((line) => {
    const url = /^URL (\S+)$/.exec(line)?.[1];
    if (!url) throw new Error(`bench server (${kind}) said "${line}", not its URL`);
    return {
      url,
      rss: async () => {
        const answer = nextLine();
        child.stdin.write('rss\n');
        return Number(/^RSS (\d+)$/.exec(await answer)?.[1] ?? NaN);
      },
      stop: () => new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
    };
  });
}

/** Signed SOAP gets at 50 connections, for `duration` seconds or `amount` requests. */
function load(url: string, kit: TokenKit, limit: { duration: number } | { amount: number }): Promise<CannonResult> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    ...limit,
    requests: [{
      method: 'POST',
      path: SOAP_2021_1,
      headers: { ...SOAP_HEADERS },
      setupRequest: (req) => ({ ...req, body: soapGet(kit) }),
    }],
  });
}

const rate = (r: CannonResult) => r['2xx'] / r.duration;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const refusedOf = (r: CannonResult) => r.non2xx + r.errors + r.timeouts;

export interface WireBenchFigures {
  readonly bareRate: number;
  readonly bareP99: number;
  readonly simRate: number;
  readonly simP99: number;
  readonly lateRate: number;
  readonly lateP99: number;
  readonly accepted: number;
  readonly rssBytes: number;
}

export async function runWireBench(): Promise<WireBenchFigures> {
  console.log(`Wire: SOAP get with token-based authentication, autocannon, ${CONNECTIONS} connections on loopback, ${WINDOW_SECONDS} s windows`);
  // The bare server: any signed body will do, it reads none.
  const anyKit: TokenKit = { accountId: '1234567', consumerKey: 'k'.repeat(64), consumerSecret: 's'.repeat(64), tokenId: 't'.repeat(64), tokenSecret: 'u'.repeat(64) };
  const bare = await startChild('bare');
  let bareRun: CannonResult;
  try {
    await load(bare.url, anyKit, { duration: 2 });
    bareRun = await load(bare.url, anyKit, { duration: WINDOW_SECONDS });
  } finally {
    await bare.stop();
  }

  const sim = await startChild('sim');
  try {
    await resetWorld(sim.url);
    const kit = tokenKit(await credentials(sim.url), 'Acme', 'App', 'T1');
    // JIT warm-up, then back to the starting world (same secrets, empty logs): the two windows
    // then differ by the requests already served, not by how warm the code is.
    await load(sim.url, kit, { duration: 3 });
    await resetWorld(sim.url);
    const warm = await load(sim.url, kit, { amount: EARLY });
    let accepted = warm['2xx'];
    const early = await load(sim.url, kit, { duration: WINDOW_SECONDS });
    accepted += early['2xx'];
    let refused = refusedOf(warm) + refusedOf(early);
    while (accepted < LATE) {
      const fill = await load(sim.url, kit, { amount: LATE - accepted });
      accepted += fill['2xx'];
      refused += refusedOf(fill);
      if (fill['2xx'] === 0) throw new Error('bench: the simulator accepted none of the requests sent to reach 100,000');
    }
    const late = await load(sim.url, kit, { duration: WINDOW_SECONDS });
    accepted += late['2xx'];
    refused += refusedOf(late);
    const rssBytes = await sim.rss();

    const figures: WireBenchFigures = {
      bareRate: rate(bareRun), bareP99: bareRun.latency.p99,
      simRate: rate(early), simP99: early.latency.p99,
      lateRate: rate(late), lateP99: late.latency.p99,
      accepted, rssBytes,
    };
    const row = (name: string, r: number, p99: number, note = '') => console.log(`  ${name.padEnd(46)} ${fmt(r).padStart(8)} req/s   p99 ${fmt(p99).padStart(3)} ms${note}`);
    row('bare fastify, fixed answer', figures.bareRate, figures.bareP99);
    row(`simulator, after ${fmt(EARLY)} accepted`, figures.simRate, figures.simP99, `   ratio to bare ${fmt(figures.simRate / figures.bareRate, 2)} (aim >= 0.5; p99 aim < 10 ms)`);
    row(`simulator, after ${fmt(LATE)} accepted`, figures.lateRate, figures.lateP99, `   ratio to after ${fmt(EARLY)}: ${fmt(figures.lateRate / figures.simRate, 2)} (aim within 20%)`);
    console.log(`  resident memory of the simulator after ${fmt(accepted)} accepted requests: ${fmt(rssBytes / 1024 / 1024)} MB (aim < 500 MB)`);
    if (refused > 0) console.log(`  note: ${fmt(refused)} requests were refused or failed (every request should be accepted: look at the audit trail)`);
    return figures;
  } finally {
    await sim.stop();
  }
}
