import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { helpOrRefuse } from '../io/args';
import { newRunId } from '../io/recorder';
import { redactText } from '../model';
import { DEFAULT_OUT_DIR, DEFAULT_RAW_DIR, runReport } from '../reports/report';
import { renderTextSummary } from '../reports/text-summary';
import { describeFailures, describeThinEvidence, describeUnsuccessful } from '../reports/threshold-check';
import { traceToGherkin } from '../scenarios/gherkin';

/**
 * npm start: the main job. Clears reports/out/raw, runs every Gherkin scenario (npm run
 * features), then every property (npm run properties), each recording coverage into
 * reports/out/raw, then a small exhaustive exploration (npm run explore), then writes the coverage report; shows progress while it runs and ends with
 * where the report is and a one-screen summary.
 *
 * The steps' own output goes to reports/out/logs/<step>.log (confidential-looking values
 * redacted); the tail is shown when a step fails. Exit code 0 when every scenario and property
 * passed and every coverage kind meets its threshold, 1 otherwise.
 */

const USAGE = `usage: npm start
  The main job: clears reports/out/raw, runs every Gherkin scenario, every property and a small
  exhaustive exploration, then writes the coverage report (reports/out/index.html, summary.md,
  coverage.json). Exit codes: 0 all passed and every threshold met; 1 otherwise; 2 bad arguments.`;


interface StepResult {
  readonly name: string;
  readonly code: number | null;
  readonly seconds: number;
  readonly log: string;
}

const LOG_DIR = join(DEFAULT_OUT_DIR, 'logs');

/** Raw coverage records written so far by one source: the progress of a step. */
function recordsSoFar(source: 'scenario' | 'property'): { done: number; failed: number } {
  if (!existsSync(DEFAULT_RAW_DIR)) return { done: 0, failed: 0 };
  let done = 0;
  let failed = 0;
  for (const f of readdirSync(DEFAULT_RAW_DIR).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(DEFAULT_RAW_DIR, f), 'utf8').split('\n')) {
      if (!line.includes(`"source":"${source}"`)) continue;
      done++;
      if (line.includes('"status":"failed"')) failed++;
    }
  }
  return { done, failed };
}

function elapsed(since: number): string {
  const s = Math.round((Date.now() - since) / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Runs `npm run <script>`, output to a log file (redacted line by line), progress on the terminal. */
function runStep(index: number, total: number, label: string, script: string, source?: 'scenario' | 'property', args: readonly string[] = []): Promise<StepResult> {
  const started = Date.now();
  const logPath = join(LOG_DIR, `${script}.log`);
  const log = createWriteStream(logPath);
  const tty = process.stdout.isTTY === true;
  const status = (): string => {
    if (!source) return `[${index}/${total}] ${label}: running · ${elapsed(started)}`;
    const r = recordsSoFar(source);
    const noun = source === 'scenario' ? 'scenarios' : 'properties';
    return `[${index}/${total}] ${label}: ${r.done} ${noun} done${r.failed > 0 ? `, ${r.failed} failed` : ''} · ${elapsed(started)}`;
  };
  process.stdout.write(`[${index}/${total}] ${label} (npm run ${[script, ...(args.length ? ['--', ...args] : [])].join(' ')}) ...\n`);
  const timer = setInterval(() => {
    if (tty) process.stdout.write(`\r\x1b[2K${status()}`);
    else process.stdout.write(`${status()}\n`);
  }, tty ? 500 : 15_000);
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
      // The steps record where this job clears and reads, whatever HARNESS_RAW_DIR the shell has.
      env: { ...process.env, HARNESS_RAW_DIR: DEFAULT_RAW_DIR, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    const onData = (chunk: Buffer): void => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) log.write(`${redactText(line)}\n`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => {
      clearInterval(timer);
      fail(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (pending) log.write(`${redactText(pending)}\n`);
      log.end(() => {
        if (tty) process.stdout.write('\r\x1b[2K');
        const mark = code === 0 ? '✓' : '✗';
        process.stdout.write(`${status()} ${mark}${code === 0 ? '' : ` (exit code ${code}; log: ${logPath})`}\n`);
        done({ name: label, code, seconds: Math.round((Date.now() - started) / 1000), log: logPath });
      });
    });
  });
}

function tail(file: string, lines: number): string {
  const text = readFileSync(file, 'utf8').trimEnd().split('\n');
  return text.slice(-lines).map((l) => `    ${l}`).join('\n');
}

async function main(): Promise<number> {
  const early = helpOrRefuse('start', USAGE, process.argv.slice(2));
  if (early !== undefined) return early;
  const started = Date.now();
  // Every step of this job is one run: the report reads it whole.
  process.env.HARNESS_RUN_ID = newRunId();
  rmSync(DEFAULT_RAW_DIR, { recursive: true, force: true });
  mkdirSync(DEFAULT_RAW_DIR, { recursive: true });
  mkdirSync(LOG_DIR, { recursive: true });

  const steps = [
    await runStep(1, 4, 'Gherkin scenarios', 'features', 'scenario'),
    await runStep(2, 4, 'Properties', 'properties', 'property'),
    // A small exhaustive configuration that reaches every statechart transition in about a
    // second: it tells the report which transitions the world can take at all.
    await runStep(3, 4, 'Exploration', 'explore', undefined, ['--config', 'explorer/configs/lifecycle.json']),
  ];
  for (const s of steps.filter((x) => x.code !== 0)) process.stdout.write(`\n  ${s.name} failed; last lines of ${s.log}:\n${tail(s.log, 25)}\n`);

  process.stdout.write('[4/4] Coverage report ...\n');
  let result;
  try {
    result = await runReport({ print: traceToGherkin, rawDirectories: [DEFAULT_RAW_DIR], outDir: DEFAULT_OUT_DIR });
  } catch (e) {
    process.stderr.write(`[4/4] Coverage report failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  for (const w of result.warnings) process.stdout.write(`  warning: ${w}\n`);
  const html = resolve(DEFAULT_OUT_DIR, 'index.html');
  process.stdout.write(`[4/4] Coverage report ✓ ${result.files.map((f) => relative(process.cwd(), f)).join(', ')}\n\n`);
  process.stdout.write(`Coverage (covered/reachable):\n${renderTextSummary(result.data)}`);
  for (const line of describeUnsuccessful(result.check)) process.stdout.write(`  did not pass: ${line}\n`);
  for (const line of describeThinEvidence(result.check)) process.stdout.write(`  too little evidence: ${line}\n`);
  for (const line of describeFailures(result.check)) process.stdout.write(`  below threshold: ${line}\n`);
  process.stdout.write(
    `\n${steps.map((s) => `${s.name}: ${s.code === 0 ? 'passed' : 'FAILED'} (${s.seconds}s)`).join(' · ')} · total ${elapsed(started)}\n` +
      `Report: file://${html}\nSummary: ${join(DEFAULT_OUT_DIR, 'summary.md')} · JSON: ${join(DEFAULT_OUT_DIR, 'coverage.json')}\n`,
  );
  return steps.every((s) => s.code === 0) && result.check.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`start: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
