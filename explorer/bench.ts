import { checkStep, type Violation } from '../properties/invariants';
import { DEFAULT_CONFIG } from './config';
import { explore } from './explore';
import type { ExploreOptions, ExploreResult } from './types';

/**
 * Explorer figures for `npm run bench`: distinct states per second on the default configuration,
 * to its fixpoint, with every invariant (median of three runs: this machine's timings vary by a
 * third from run to run); then the same exploration driven through xstate's transition() on
 * every step, which is too slow for the whole space, so both engines are also timed on the same
 * breadth-first prefix and the ratio is taken there.
 */
const PREFIX = Number(process.env.BENCH_EXPLORER_STATES ?? 20_000);
const RUNS = Number(process.env.BENCH_EXPLORER_RUNS ?? 3);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rate = (r: ExploreResult<unknown>) => r.states / (r.elapsedMs / 1000);

async function run(options: Omit<ExploreOptions<Violation>, 'check'>, invariants = true): Promise<ExploreResult<Violation>> {
  return explore<Violation>({ ...options, ...(invariants ? { check: (s) => checkStep(s) } : {}) });
}

function row(name: string, r: ExploreResult<unknown>, extra = ''): void {
  console.log(`  ${name.padEnd(52)} ${fmt(rate(r)).padStart(9)} states/s  ${fmt(r.states).padStart(10)} states  ${(r.elapsedMs / 1000).toFixed(1).padStart(5)} s${extra}`);
}

export async function runExplorerBench(): Promise<void> {
  console.log(`explorer (default configuration; one core; the JavaScript runs on one thread)`);
  const full: ExploreResult<Violation>[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await run({ config: DEFAULT_CONFIG });
    if (r.stoppedBy !== 'fixpoint') throw new Error(`bench: the default configuration stopped by ${r.stoppedBy}`);
    full.push(r);
    const c = r.cache;
    row(`cached engine, all invariants, fixpoint (run ${i + 1})`, r, c ? `  model asked ${fmt(c.learned)} steps, ${fmt(c.replayed)} group answers replayed` : '');
  }
  const median = [...full].sort((a, b) => rate(a) - rate(b))[Math.floor(full.length / 2)];
  row('cached engine, no invariants, fixpoint', await run({ config: DEFAULT_CONFIG }, false));
  row('cached engine, xstate transition() when learning', await run({ config: DEFAULT_CONFIG, stepper: 'xstate' }));

  console.log(`  first ${fmt(PREFIX)} states, breadth-first, all invariants:`);
  const cachedPrefix = await run({ config: DEFAULT_CONFIG, maxStates: PREFIX });
  const directPrefix = await run({ config: DEFAULT_CONFIG, maxStates: PREFIX, engine: 'direct' });
  const xstatePrefix = await run({ config: DEFAULT_CONFIG, maxStates: PREFIX, engine: 'direct', stepper: 'xstate' });
  row('  cached engine', cachedPrefix);
  row('  direct engine (model on every step), table', directPrefix);
  row('  direct engine, xstate transition() on every step', xstatePrefix);

  console.log(`  explorer, median of ${full.length}:                      ${fmt(rate(median))} states/s`);
  console.log(`  ratio explorer / xstate-driven, same prefix:       ${(rate(cachedPrefix) / rate(xstatePrefix)).toFixed(1)}x`);
  console.log(`  ratio explorer (fixpoint) / xstate-driven (prefix): ${(rate(median) / rate(xstatePrefix)).toFixed(1)}x`);
  console.log(`  ratio direct table / direct xstate, same prefix:    ${(rate(directPrefix) / rate(xstatePrefix)).toFixed(2)}x`);
  console.log(`  target 200,000 states/s:                           ${((rate(median) / 200_000) * 100).toFixed(0)}% reached (median)`);
}
