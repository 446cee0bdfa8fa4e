import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { soapGet, SOAP_2021_1, SOAP_HEADERS } from './testing/requests';
import { credentials, resetWorld, tokenKit, type TokenKit } from './testing/world';

/**
 * The wire figures of `npm run bench` (issue 13, "Speed and memory"), measured with autocannon
 * on loopback at 50 connections against a server in a process of its own (wire/bench-server.ts):
 *
 * - requests per second of a valid token-based SOAP `get` through the simulator, beside the
 *   same HTTP library (fastify) answering a fixed envelope with no work, as a ratio (aim: at
 *   least 0.5), and each server's CPU time per request, which the load generator's own speed
 *   does not move;
 * - p99 latency twice: flat out at 50 connections, where 50 requests are always in flight and
 *   the mean latency is 50 divided by the rate (Little's law) whatever the server does; and
 *   paced, LATENCY_RATE requests a second sent on schedule whether or not earlier ones were
 *   answered (loadtest's open loop: autocannon's fixed rate sends each second's requests in one
 *   burst), which is the latency the server adds at a steady load (aim: under 10 ms), in
 *   rounds taking turns with the bare server's, the median by p99;
 * - the simulator's rate once 1,000 requests were accepted and once 100,000 were, as a ratio
 *   (aim: within 20%), and its resident memory then (aim: under 500 MB).
 *
 * Both servers are warmed up first. Before each of its windows the simulator is reset to its
 * starting world (same secrets, empty logs) and sent 1,000 requests, so its windows differ by
 * the requests already served, not by how warm the code is. Every request is signed afresh
 * (new nonce, current timestamp) for both servers alike, so the client's work is the same on
 * both sides. Never asserted in tests.
 */

const CONNECTIONS = 50;
const WINDOW_SECONDS = 8;
const EARLY = 1_000;
const LATE = 100_000;
/** Rounds of bare then simulator, flat out: the figures are the median round's. */
const ROUNDS = 3;
/** Requests per second of the paced windows: a fixed figure, so runs compare, under both servers' flat-out rate on a 2-core machine. */
const LATENCY_RATE = 2_000;

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

/** What the paced windows read of loadtest's result: percentiles and the mean in whole milliseconds. */
interface PacedResult {
  readonly totalRequests: number;
  readonly totalErrors: number;
  readonly rps: number;
  readonly meanLatencyMs: number;
  readonly percentiles: Readonly<Record<string, number>>;
}
type LoadTest = (options: {
  url: string;
  method: 'POST';
  contentType: string;
  headers: Record<string, string>;
  body: () => string;
  requestsPerSecond: number;
  maxSeconds: number;
  agentKeepAlive: boolean;
  quiet: boolean;
}) => Promise<PacedResult>;

const autocannon = createRequire(__filename)('autocannon') as Cannon;
const { loadTest } = createRequire(__filename)('loadtest') as { loadTest: LoadTest };

interface Child {
  readonly url: string;
  rss(): Promise<number>;
  /** CPU microseconds and garbage-collection milliseconds the server has used since it started. */
  cpu(): Promise<{ readonly cpuMicros: number; readonly gcMillis: number }>;
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
    const exited = (code: number | null) => reject(new Error(`bench server (${kind}) exited with ${code}: ${err}`));
    child.once('exit', exited);
    waiters.push((line) => {
      child.off('exit', exited);
      resolve(line);
    });
  });
  let stopped: Promise<void> | undefined;
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
      cpu: async () => {
        const answer = nextLine();
        child.stdin.write('cpu\n');
        const m = /^CPU (\d+) (\d+)$/.exec(await answer);
        return { cpuMicros: Number(m?.[1] ?? NaN), gcMillis: Number(m?.[2] ?? NaN) };
      },
      // Once, however often it is called: the finally of runWireBench stops what is still running.
      stop: () => (stopped ??= child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      })),
    };
  });
}

type Limit = { duration: number } | { amount: number };

/** Signed SOAP gets at 50 connections, for `duration` seconds or `amount` requests. */
function load(url: string, kit: TokenKit, limit: Limit): Promise<CannonResult> {
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

/** Signed SOAP gets paced at LATENCY_RATE for one window, each signed when it is due. */
function paced(url: string, kit: TokenKit): Promise<PacedResult> {
  const { 'content-type': contentType, ...headers } = SOAP_HEADERS;
  return loadTest({
    url: `${url}${SOAP_2021_1}`, method: 'POST', contentType, headers, body: () => soapGet(kit),
    requestsPerSecond: LATENCY_RATE, maxSeconds: WINDOW_SECONDS, agentKeepAlive: true, quiet: true,
  });
}

const rate = (r: CannonResult) => r['2xx'] / r.duration;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const refusedOf = (r: CannonResult) => r.non2xx + r.errors + r.timeouts;

/** One load window and what it cost the server: CPU per answered request, and the share of that spent collecting garbage. */
interface Window {
  readonly run: CannonResult;
  readonly cpuMicrosPerRequest: number;
  readonly gcShare: number;
}

async function measured(child: Child, kit: TokenKit, limit: Limit): Promise<Window> {
  const before = await child.cpu();
  const run = await load(child.url, kit, limit);
  const after = await child.cpu();
  const cpu = after.cpuMicros - before.cpuMicros;
  return { run, cpuMicrosPerRequest: cpu / Math.max(1, run['2xx'] + run.non2xx), gcShare: ((after.gcMillis - before.gcMillis) * 1000) / Math.max(1, cpu) };
}

export interface WireBenchFigures {
  /** The median round of each server, by rate. */
  readonly bare: Window;
  readonly early: Window;
  /** Simulator rate over bare rate, round by round. */
  readonly ratios: readonly number[];
  /** The median paced window of each server, by p99. */
  readonly barePaced: PacedResult;
  readonly simPaced: PacedResult;
  readonly late: Window;
  readonly accepted: number;
  readonly rssBytes: number;
}

/** A paced window's p99 in milliseconds. */
const p99 = (r: PacedResult): number => r.percentiles['99'] ?? NaN;

/** The middle paced window by p99 (of an odd number). */
function medianPaced(windows: readonly PacedResult[]): PacedResult {
  return [...windows].sort((a, b) => p99(a) - p99(b))[Math.floor(windows.length / 2)];
}

/** The middle window by rate (of an odd number). */
function median(windows: readonly Window[]): Window {
  return [...windows].sort((a, b) => rate(a.run) - rate(b.run))[Math.floor(windows.length / 2)];
}

export async function runWireBench(): Promise<WireBenchFigures> {
  console.log(`Wire: SOAP get with token-based authentication, autocannon, ${CONNECTIONS} connections on loopback, ${WINDOW_SECONDS} s windows, ${ROUNDS} rounds`);
  // The bare server: any signed body will do, it reads none.
  const anyKit: TokenKit = { accountId: '1234567', consumerKey: 'k'.repeat(64), consumerSecret: 's'.repeat(64), tokenId: 't'.repeat(64), tokenSecret: 'u'.repeat(64) };
  const bareChild = await startChild('bare');
  let simChild: Child | undefined;
  try {
    const sim = (simChild = await startChild('sim'));
    await resetWorld(sim.url);
    const kit = tokenKit(await credentials(sim.url), 'Acme', 'App', 'T1');
    // JIT warm-up of both.
    await load(bareChild.url, anyKit, { duration: 2 });
    await load(sim.url, kit, { duration: 3 });
    let refused = 0;
    /** Back to the starting world (same secrets, empty logs), then EARLY accepted requests. */
    const afterEarly = async () => {
      await resetWorld(sim.url);
      const warm = await load(sim.url, kit, { amount: EARLY });
      refused += refusedOf(warm);
      return warm['2xx'];
    };
    // Rounds alternate the two servers, so a slower or faster spell of this shared machine
    // weighs on both sides of a ratio; each simulator window starts after EARLY accepted.
    const bareRounds: Window[] = [];
    const earlyRounds: Window[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bareRounds.push(await measured(bareChild, anyKit, { duration: WINDOW_SECONDS }));
      await afterEarly();
      const early = await measured(sim, kit, { duration: WINDOW_SECONDS });
      refused += refusedOf(early.run);
      earlyRounds.push(early);
      console.log(`  round ${round + 1} of ${ROUNDS}: bare ${fmt(rate(bareRounds[round].run))} req/s, simulator ${fmt(rate(early.run))} req/s`);
    }
    // Paced windows take turns as the flat-out ones do: one window's p99 is one spell of the machine's.
    const barePacedRounds: PacedResult[] = [];
    const simPacedRounds: PacedResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      barePacedRounds.push(await paced(bareChild.url, anyKit));
      await afterEarly();
      const simRound = await paced(sim.url, kit);
      refused += simRound.totalErrors;
      simPacedRounds.push(simRound);
      console.log(`  paced round ${round + 1} of ${ROUNDS}: bare p99 ${fmt(p99(barePacedRounds[round]))} ms, simulator p99 ${fmt(p99(simRound))} ms`);
    }
    await bareChild.stop();
    console.log(`  ${fmt(LATE)} accepted requests...`);
    let accepted = await afterEarly();
    while (accepted < LATE) {
      const fill = await load(sim.url, kit, { amount: LATE - accepted });
      accepted += fill['2xx'];
      refused += refusedOf(fill);
      if (fill['2xx'] === 0) throw new Error('bench: the simulator accepted none of the requests sent to reach 100,000');
    }
    const late = await measured(sim, kit, { duration: WINDOW_SECONDS });
    accepted += late.run['2xx'];
    refused += refusedOf(late.run);
    const rssBytes = await sim.rss();

    const bare = median(bareRounds);
    const early = median(earlyRounds);
    const ratios = earlyRounds.map((w, i) => rate(w.run) / rate(bareRounds[i].run));
    const barePaced = medianPaced(barePacedRounds);
    const simPaced = medianPaced(simPacedRounds);
    const figures: WireBenchFigures = { bare, early, ratios, barePaced, simPaced, late, accepted, rssBytes };
    const row = (name: string, w: Window, note = '') =>
      console.log(`  ${name.padEnd(40)} ${fmt(rate(w.run)).padStart(7)} req/s   p99 ${fmt(w.run.latency.p99).padStart(3)} ms   server CPU ${fmt(w.cpuMicrosPerRequest).padStart(4)} µs/request (${fmt(w.gcShare * 100)}% GC)${note}`);
    const range = (values: readonly number[], digits = 0) => `${fmt(Math.min(...values), digits)}-${fmt(Math.max(...values), digits)}`;
    console.log(`  flat out, median of ${ROUNDS} rounds:`);
    row('bare fastify, fixed answer', bare, `   (rounds ${range(bareRounds.map((w) => rate(w.run)))} req/s)`);
    row(`simulator, after ${fmt(EARLY)} accepted`, early, `   (rounds ${range(earlyRounds.map((w) => rate(w.run)))} req/s)`);
    console.log(`  ratio to bare ${fmt(rate(early.run) / rate(bare.run), 2)} (aim >= 0.5; round by round ${range(ratios, 2)}); server CPU per request ${fmt(early.cpuMicrosPerRequest / bare.cpuMicrosPerRequest, 2)}x bare's`);
    row(`simulator, after ${fmt(LATE)} accepted`, late, `   ratio to after ${fmt(EARLY)}: ${fmt(rate(late.run) / rate(early.run), 2)} (aim within 20%)`);
    const pacedRow = (name: string, r: PacedResult, note = '') =>
      console.log(`  ${name.padEnd(40)} ${fmt(r.rps).padStart(7)} req/s   p99 ${fmt(p99(r)).padStart(3)} ms   mean ${fmt(r.meanLatencyMs, 1)} ms${note}`);
    console.log(`  paced, ${fmt(LATENCY_RATE)} requests a second sent on schedule (loadtest, open loop), median of ${ROUNDS} rounds by p99:`);
    pacedRow('bare fastify, fixed answer', barePaced, `   (rounds ${range(barePacedRounds.map(p99))} ms)`);
    pacedRow('simulator', simPaced, `   (rounds ${range(simPacedRounds.map(p99))} ms; p99 aim < 10 ms)`);
    console.log(`  resident memory of the simulator after ${fmt(accepted)} accepted requests: ${fmt(rssBytes / 1024 / 1024)} MB (aim < 500 MB)`);
    if (refused > 0) console.log(`  note: ${fmt(refused)} requests were refused or failed (every request should be accepted: look at the audit trail)`);
    return figures;
  } finally {
    await Promise.all([bareChild.stop(), simChild?.stop()]);
  }
}
