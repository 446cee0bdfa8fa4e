import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseCommandLine, UsageError } from '../io/args';
import { DELIBERATE_FAULT_IDS, faultsFromEnv, isDeliberateFault, redactText, type DeliberateFault } from '../model';
import { traceToGherkin } from '../scenarios/gherkin';
import { ConfigError, DEFAULT_CONFIG, parseConfigText, type ExplorerConfig } from './config';
import type { Progress } from './types';
import { explorerReport, runExploration, writeWhole, writeTraceFiles } from './run';

/**
 * npm run explore -- [options]: exhaustive exploration of a configuration, every invariant on
 * every step (see USAGE). `main` is the whole command, in-process, for tests.
 */

const USAGE = `usage: npm run explore -- [--config FILE.json] [--depth N] [--max-states N] [--fault ${DELIBERATE_FAULT_IDS.join('|')}] [--report FILE] [--traces DIR] [--engine cached|direct] [--validate] [--help]
  --config   a JSON configuration (see explorer/configs/); default: the built-in one
  --depth    stop expanding beyond N commands (default: run to a fixpoint)
  --max-states  stop once N distinct states are found (bounds memory: tens of bytes a state)
  --fault    switch on a deliberate fault (also HARNESS_FAULT)
  --report   where to write reachable transitions (default reports/out/explorer/<name>.json)
  --traces   where to write a violation's trace (default counterexamples/)
  --engine   cached (default: answers learned from the model once per footprint, then replayed)
             or direct (the model applied to every world; slower, for comparison)
  --validate with the cached engine, ask the model again on every replayed step (slow)
  --help     this text
Exit codes: 0 no violation, 1 violation found, 2 bad input, 130 interrupted.`;

interface CliOptions {
  config: ExplorerConfig;
  faults: DeliberateFault[];
  report: string;
  traces: string;
  engine: 'cached' | 'direct';
  validate: boolean;
  maxStates?: number;
}

/** The options of a command line, or 'help'; throws UsageError naming the option and what to write. */
function options(args: readonly string[], env: NodeJS.ProcessEnv): CliOptions | 'help' {
  const { values, help } = parseCommandLine(args, {
    config: { type: 'string' }, depth: { type: 'string' }, 'max-states': { type: 'string' }, fault: { type: 'string', multiple: true },
    report: { type: 'string' }, traces: { type: 'string' }, engine: { type: 'string' }, validate: { type: 'boolean' },
  });
  if (help) return 'help';
  let config = DEFAULT_CONFIG;
  if (values.config !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.config, 'utf8');
    } catch (e) {
      throw new UsageError(`--config: cannot read ${values.config}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    config = parseConfigText(text, values.config);
  }
  if (values.depth !== undefined) {
    const depth = Number(values.depth);
    if (!Number.isInteger(depth) || depth < 0) throw new UsageError(`--depth must be a non-negative integer, got "${values.depth}"`);
    config = { ...config, depth };
  }
  let maxStates: number | undefined;
  if (values['max-states'] !== undefined) {
    maxStates = Number(values['max-states']);
    if (!Number.isInteger(maxStates) || maxStates < 1) throw new UsageError(`--max-states must be a positive integer, got "${values['max-states']}"`);
  }
  let faults: DeliberateFault[];
  try {
    faults = faultsFromEnv(env.HARNESS_FAULT);
  } catch (e) {
    throw new UsageError(`HARNESS_FAULT: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const f of values.fault ?? []) {
    if (!isDeliberateFault(f)) throw new UsageError(`--fault: unknown fault "${f}": should be one of ${DELIBERATE_FAULT_IDS.join(', ')}`);
    faults.push(f);
  }
  const engine = values.engine ?? 'cached';
  if (engine !== 'cached' && engine !== 'direct') throw new UsageError(`--engine must be cached or direct, got "${engine}"`);
  if (values.validate && engine !== 'cached') throw new UsageError('--validate checks the cached engine; drop --engine direct');
  return {
    config,
    faults,
    report: values.report ?? join('reports', 'out', 'explorer', `${basename(config.name, '.json')}.json`),
    traces: values.traces ?? 'counterexamples',
    engine,
    validate: values.validate === true,
    ...(maxStates !== undefined ? { maxStates } : {}),
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export interface Io {
  readonly out: NodeJS.WritableStream & { isTTY?: boolean };
  readonly err: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Polled between batches: true stops the search with what was explored (Ctrl-C). */
  readonly interrupted: () => boolean;
}

/** The command line, in-process: returns the exit code (0 no violation, 1 violation, 2 bad input, 130 interrupted). */
export async function main(args: readonly string[], io: Io): Promise<number> {
  let parsed: CliOptions | 'help';
  try {
    parsed = options(args, io.env);
  } catch (e) {
    if (!(e instanceof UsageError) && !(e instanceof ConfigError)) throw e;
    io.err.write(`explore: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed === 'help') {
    io.out.write(`${USAGE}\n`);
    return 0;
  }
  const { config, faults, report, traces, engine, validate, maxStates } = parsed;
  const tty = io.err.isTTY === true;
  let lastShown = 0;
  const onProgress = (p: Progress) => {
    if (p.elapsedMs - lastShown < (tty ? 250 : 5000)) return;
    lastShown = p.elapsedMs;
    const line = `explore: ${fmt(p.states)} states, ${fmt(p.queued)} queued, depth ${p.depth}, ${fmt(p.states / (p.elapsedMs / 1000))} states/s`;
    io.err.write(tty ? `\r${line}   ` : `${line}\n`);
  };
  io.err.write(`explore: configuration "${config.name}"${faults.length ? `, deliberate fault ${faults.join(', ')}` : ''}${config.depth !== undefined ? `, depth bound ${config.depth}` : ''}\n`);
  const exploration = await runExploration(config, faults, { onProgress, shouldStop: io.interrupted, engine, validate, ...(maxStates !== undefined ? { maxStates } : {}) });
  if (tty) io.err.write('\n');
  const r = exploration.result;
  const seconds = r.elapsedMs / 1000;
  const lines = [
    `configuration     ${config.name}`,
    `result            ${{ fixpoint: 'fixpoint reached', depth: `depth bound ${config.depth} reached`, interrupted: 'interrupted', violation: 'VIOLATION', maxStates: `state cap ${fmt(maxStates ?? 0)} reached` }[r.stoppedBy]}`,
    `distinct states   ${fmt(r.states)}`,
    `transitions       ${fmt(r.transitions)}`,
    `depth reached     ${r.depth}`,
    `time              ${seconds.toFixed(1)} s (${fmt(r.states / seconds)} states/s)`,
    ...(r.cache ? [
      `model asked       ${fmt(r.cache.learned)} steps; ${fmt(r.cache.replayed)} group answers replayed${validate ? ', each checked against the model' : ''}`,
      `state size        ${r.cache.words * 4} bytes packed (${r.cache.words} × 32-bit word${r.cache.words === 1 ? '' : 's'})`,
    ] : []),
    `statechart        ${exploration.reachable.length} of ${exploration.reachable.length + exploration.unreached.length} transitions reachable here`,
    ...exploration.unreached.map((t) => `  ${r.stoppedBy === 'fixpoint' ? 'not reachable' : 'not reached yet'}   ${t}`),
  ];
  io.out.write(`${lines.join('\n')}\n`);
  if (!exploration.trace && r.stoppedBy !== 'interrupted') writeWhole(report, explorerReport(config, exploration));
  if (exploration.trace && r.violation) {
    const files = writeTraceFiles(exploration.trace, traces, `explorer-${faults.join('-') || 'violation'}`);
    io.out.write(
      `\nviolation: ${redactText(r.violation.violation.message)}\n` +
        `rules: ${r.violation.violation.rules.join(', ')}\n` +
        `shortest trace (${r.violation.path.length} commands after setup) written to ${files.json} (npm run simulate -- ${files.json}) and ${files.feature}\n\n` +
        `${traceToGherkin(exploration.trace)}\n`,
    );
    return 1;
  }
  if (r.stoppedBy === 'interrupted') return 130;
  io.out.write(`no violation of any invariant; reachable transitions written to ${report}\n`);
  return 0;
}

if (require.main === module) {
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\nexplore: stopping after this batch (Ctrl-C again to quit at once)\n');
  });
  main(process.argv.slice(2), { out: process.stdout, err: process.stderr, env: process.env, interrupted: () => interrupted }).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`explore: ${redactText(e instanceof Error ? e.stack ?? e.message : String(e))}\n`);
      process.exitCode = 2;
    },
  );
}
