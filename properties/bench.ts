import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { apply, createWorld, lifecycle, LIFECYCLE_STATES, xstateStepper, type Command, type LifecycleEvent, type LifecycleState, type LifecycleStepper } from '../model';
import { DEFAULT_SETTINGS } from './settings';
import { runSteps } from './sim';
import { checkWorldProperty, commandsArb } from './world-property';

/**
 * The property figures of `npm run bench`: commands per second through fc.modelRun with
 * every invariant checked, the same sequences with no checks, the whole property
 * (generation and shrinking machinery included), and one lifecycle step through the
 * compiled statechart table versus xstate's own transition(). One run, this machine.
 */

const SEQUENCES = 300;
const SEED = 2024;

interface Timing {
  ms: number;
  n: number;
}

/**
 * Times several variants in interleaved rounds (each round runs every variant once) and keeps
 * each one's best round: on a shared machine the load changes from second to second, and
 * interleaving exposes every variant to the same conditions.
 */
function timeInterleaved(variants: readonly (() => number)[], rounds: number): Timing[] {
  for (const v of variants) v(); // warm-up
  const best: Timing[] = variants.map(() => ({ ms: Infinity, n: 0 }));
  for (let r = 0; r < rounds; r++) {
    variants.forEach((v, i) => {
      const start = performance.now();
      const n = v();
      const ms = performance.now() - start;
      if (ms < best[i].ms) best[i] = { ms, n };
    });
  }
  return best;
}

const perSecond = (r: Timing): number => (r.n * 1000) / r.ms;
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

/** Every (state, event) pair the lifecycle is asked about, guards both ways. */
function lifecycleCalls(): [LifecycleState, LifecycleEvent][] {
  const events: LifecycleEvent[] = [
    { type: 'CREATE', blocked: false }, { type: 'CREATE', blocked: true }, { type: 'INSTALL_BUNDLE' },
    { type: 'AUTO_INSTALL', requireApproval: false }, { type: 'AUTO_INSTALL', requireApproval: true },
    { type: 'ISSUE_TOKEN', requireApproval: false }, { type: 'ISSUE_TOKEN', requireApproval: true },
    { type: 'ENABLE' }, { type: 'BLOCK' }, { type: 'UNINSTALL_BUNDLE', origin: 'bundle' }, { type: 'UNINSTALL_BUNDLE', origin: 'autoInstall' },
    { type: 'REFRESH_REMOVE' }, { type: 'REFRESH_COPY', productionState: 'enabled' }, { type: 'REFRESH_COPY', productionState: 'blocked' },
    { type: 'REFRESH_COPY', productionState: 'waitingForApproval' },
  ];
  return LIFECYCLE_STATES.flatMap((s) => events.map((e): [LifecycleState, LifecycleEvent] => [s, e]));
}

function stepCost(stepper: LifecycleStepper, calls: readonly [LifecycleState, LifecycleEvent][], rounds: number): () => number {
  return () => {
    let taken = 0;
    for (let r = 0; r < rounds; r++) for (const [s, e] of calls) if (stepper.step(s, e)) taken++;
    return taken >= 0 ? rounds * calls.length : 0;
  };
}

export async function runPropertyBench(): Promise<void> {
  const settings = { ...DEFAULT_SETTINGS, seed: SEED };
  const sequences = fc.sample(commandsArb(settings), { numRuns: SEQUENCES, seed: SEED });

  // The concrete commands each sequence resolves to, for the bare application below.
  const concrete: Command[][] = sequences.map((steps) => runSteps(steps, { seed: settings.worldSeed, faults: [], check: false }).trace);

  const throughModelRun = (check: boolean) => () => {
    let n = 0;
    for (const steps of sequences) runSteps(steps, { seed: settings.worldSeed, faults: [], check, listener: () => n++ });
    return n;
  };
  const bareLoop = () => {
    let n = 0;
    for (const commands of concrete) {
      let world = createWorld({ seed: settings.worldSeed });
      for (const c of commands) {
        world = apply(world, c).world;
        n++;
      }
    }
    return n;
  };
  const wholeProperty = () => checkWorldProperty({ name: 'bench', settings: { ...settings, numRuns: SEQUENCES } }).commands;
  const [bare, unchecked, checked, whole] = timeInterleaved([bareLoop, throughModelRun(false), throughModelRun(true), wholeProperty], 7);

  const calls = lifecycleCalls();
  const [table, xstate] = timeInterleaved([stepCost(lifecycle, calls, 2000), stepCost(xstateStepper(), calls, 20)], 5);
  const nsPer = (r: Timing) => (r.ms * 1e6) / r.n;

  const rows: [string, string, string][] = [
    ['world commands, bare apply() loop, no checks', `${fmt(perSecond(bare))} /s`, '1.00'],
    ['fc.modelRun, no invariant checks', `${fmt(perSecond(unchecked))} /s`, (perSecond(unchecked) / perSecond(bare)).toFixed(2)],
    ['fc.modelRun, every invariant after every command', `${fmt(perSecond(checked))} /s`, (perSecond(checked) / perSecond(bare)).toFixed(2)],
    ['whole property (fc.check: generation + modelRun + checks)', `${fmt(perSecond(whole))} /s`, (perSecond(whole) / perSecond(bare)).toFixed(2)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`properties: ${SEQUENCES} generated sequences (seed ${SEED}), ${fmt(bare.n)} commands`);
  console.log(`  ${'what'.padEnd(w)}  ${'commands'.padStart(14)}  vs bare`);
  for (const [what, rate, ratio] of rows) console.log(`  ${what.padEnd(w)}  ${rate.padStart(14)}  ${ratio.padStart(7)}`);
  const ratio = perSecond(checked) / perSecond(bare);
  console.log(`  checked at ${(ratio * 100).toFixed(0)}% of bare speed (aim: at least 33%)${ratio >= 1 / 3 ? '' : '  BELOW AIM'}`);
  console.log(`lifecycle: one transition (${calls.length} state x event pairs, guards both ways)`);
  console.log(`  compiled table  lifecycle.step     ${nsPer(table).toFixed(0).padStart(8)} ns`);
  console.log(`  xstate          xstateStepper()    ${nsPer(xstate).toFixed(0).padStart(8)} ns   (${(nsPer(xstate) / nsPer(table)).toFixed(0)}x the table)`);
}
