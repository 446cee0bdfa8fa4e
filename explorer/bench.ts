import { DEFAULT_CONFIG } from './config';
import { explore } from './explore';
import { runExploration } from './run';

/**
 * Explorer figures for `npm run bench`: distinct states per second on the default configuration
 * (a breadth-first prefix of it, the same prefix for each variant), with every invariant, without
 * invariants, and with installations stepped through xstate's transition() instead of the table
 * derived from the machine.
 */
const CAP = Number(process.env.BENCH_EXPLORER_STATES ?? 20_000);

export async function runExplorerBench(): Promise<void> {
  console.log(`explorer (default configuration, first ${CAP.toLocaleString('en-US')} distinct states, breadth-first)`);
  const checked = await runExploration(DEFAULT_CONFIG, [], { maxStates: CAP });
  const bare = await explore({ config: DEFAULT_CONFIG, maxStates: CAP });
  const viaXstate = await runExploration(DEFAULT_CONFIG, [], { maxStates: CAP, stepper: 'xstate' });
  const rate = (states: number, ms: number) => states / (ms / 1000);
  const rows: [string, number, number, number][] = [
    ['table stepper, all invariants', checked.result.states, checked.result.transitions, checked.result.elapsedMs],
    ['table stepper, no invariants', bare.states, bare.transitions, bare.elapsedMs],
    ['xstate transition(), all invariants', viaXstate.result.states, viaXstate.result.transitions, viaXstate.result.elapsedMs],
  ];
  for (const [name, states, transitions, ms] of rows) {
    console.log(`  ${name.padEnd(38)} ${Math.round(rate(states, ms)).toLocaleString('en-US').padStart(9)} states/s  ${Math.round(rate(transitions, ms)).toLocaleString('en-US').padStart(11)} commands/s`);
  }
  const [c, b, x] = rows.map(([, s, , ms]) => rate(s, ms));
  console.log(`  ratio table / xstate transition():    ${(c / x).toFixed(2)}x`);
  console.log(`  cost of the invariants:               ${(b / c).toFixed(2)}x slower with them`);
  console.log(`  target 200,000 states/s:              ${((c / 200_000) * 100).toFixed(1)}% reached`);
}
