import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DELIBERATE_FAULT_IDS, faultsFromEnv, isDeliberateFault, redactText, type DeliberateFault } from '../model';
import { traceToGherkin } from '../scenarios/gherkin';
import { ConfigError, DEFAULT_CONFIG, parseConfig, type ExplorerConfig } from './config';
import type { Progress } from './types';
import { explorerReport, runExploration, writeWhole, writeTraceFiles } from './run';

/**
 * npm run explore [-- --config FILE] [--depth N] [--max-states N] [--fault RULE-ID] [--report FILE] [--engine cached|direct] [--validate]
 * Exit: 0 no violation, 1 violation found, 2 bad input, 130 interrupted.
 */

const USAGE = `usage: npm run explore -- [--config FILE.json] [--depth N] [--max-states N] [--fault ${DELIBERATE_FAULT_IDS.join('|')}] [--report FILE] [--traces DIR]
  --config   a JSON configuration (see explorer/configs/); default: the built-in one
  --depth    stop expanding beyond N commands (default: run to a fixpoint)
  --max-states  stop once N distinct states are found (bounds memory: tens of bytes a state)
  --fault    switch on a deliberate fault (also HARNESS_FAULT)
  --report   where to write reachable transitions (default reports/out/explorer/<name>.json)
  --traces   where to write a violation's trace (default counterexamples/)
  --engine   cached (default: answers learned from the model once per footprint, then replayed)
             or direct (the model applied to every world; slower, for comparison)
  --validate with the cached engine, ask the model again on every replayed step (slow)`;

function fail(message: string): never {
  process.stderr.write(`explore: ${message}\n${USAGE}\n`);
  process.exit(2);
}

interface CliOptions {
  config: ExplorerConfig;
  faults: DeliberateFault[];
  report: string;
  traces: string;
  engine: 'cached' | 'direct';
  validate: boolean;
  maxStates?: number;
}

function options(): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        config: { type: 'string' }, depth: { type: 'string' }, fault: { type: 'string', multiple: true },
        report: { type: 'string' }, traces: { type: 'string' }, help: { type: 'boolean' },
        engine: { type: 'string' }, validate: { type: 'boolean' }, 'max-states': { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  let config = DEFAULT_CONFIG;
  if (values.config) {
    let text: string;
    try {
      text = readFileSync(values.config, 'utf8');
    } catch {
      fail(`cannot read config file ${values.config}`);
    }
    try {
      config = parseConfig(JSON.parse(text), values.config);
    } catch (e) {
      fail(e instanceof ConfigError || e instanceof SyntaxError ? `${values.config}: ${e.message}` : String(e));
    }
  }
  if (values.depth !== undefined) {
    const depth = Number(values.depth);
    if (!Number.isInteger(depth) || depth < 0) fail(`--depth must be a non-negative integer, got "${values.depth}"`);
    config = { ...config, depth };
  }
  let maxStates: number | undefined;
  if (values['max-states'] !== undefined) {
    maxStates = Number(values['max-states']);
    if (!Number.isInteger(maxStates) || maxStates < 1) fail(`--max-states must be a positive integer, got "${values['max-states']}"`);
  }
  let faults: DeliberateFault[];
  try {
    faults = faultsFromEnv(process.env.HARNESS_FAULT);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  for (const f of values.fault ?? []) {
    if (!isDeliberateFault(f)) fail(`unknown fault "${f}": should be one of ${DELIBERATE_FAULT_IDS.join(', ')}`);
    faults.push(f);
  }
  const engine = values.engine ?? 'cached';
  if (engine !== 'cached' && engine !== 'direct') fail(`--engine must be cached or direct, got "${engine}"`);
  if (values.validate && engine !== 'cached') fail('--validate checks the cached engine; drop --engine direct');
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

async function main(): Promise<void> {
  const { config, faults, report, traces, engine, validate, maxStates } = options();
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\nexplore: stopping after this batch (Ctrl-C again to quit at once)\n');
  });
  const tty = process.stderr.isTTY === true;
  let lastShown = 0;
  const onProgress = (p: Progress) => {
    if (p.elapsedMs - lastShown < (tty ? 250 : 5000)) return;
    lastShown = p.elapsedMs;
    const line = `explore: ${fmt(p.states)} states, ${fmt(p.queued)} queued, depth ${p.depth}, ${fmt(p.states / (p.elapsedMs / 1000))} states/s`;
    process.stderr.write(tty ? `\r${line}   ` : `${line}\n`);
  };
  process.stderr.write(`explore: configuration "${config.name}"${faults.length ? `, deliberate fault ${faults.join(', ')}` : ''}${config.depth !== undefined ? `, depth bound ${config.depth}` : ''}\n`);
  const exploration = await runExploration(config, faults, { onProgress, shouldStop: () => interrupted, engine, validate, ...(maxStates !== undefined ? { maxStates } : {}) });
  if (tty) process.stderr.write('\n');
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
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!exploration.trace && r.stoppedBy !== 'interrupted') writeWhole(report, explorerReport(config, exploration));
  if (exploration.trace && r.violation) {
    const files = writeTraceFiles(exploration.trace, traces, `explorer-${faults.join('-') || 'violation'}`);
    process.stdout.write(
      `\nviolation: ${redactText(r.violation.violation.message)}\n` +
        `rules: ${r.violation.violation.rules.join(', ')}\n` +
        `shortest trace (${r.violation.path.length} commands after setup) written to ${files.json} (npm run simulate -- ${files.json}) and ${files.feature}\n\n` +
        `${traceToGherkin(exploration.trace)}\n`,
    );
    process.exitCode = 1;
    return;
  }
  if (r.stoppedBy === 'interrupted') process.exitCode = 130;
  else process.stdout.write(`no violation of any invariant; reachable transitions written to ${report}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`explore: ${redactText(e instanceof Error ? e.stack ?? e.message : String(e))}\n`);
  process.exitCode = 2;
});
