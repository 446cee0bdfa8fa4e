import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findConfidential } from '../model';
import { main } from './cli';
import type { CoverageData } from './coverage-data';
import type { ReportData } from './report-data';
import { buildReport, runReport } from './report';
import { traceToGherkin } from '../scenarios/gherkin';
import { runCucumber, type CucumberRun } from '../scenarios/testing/cucumber';

/**
 * The report on the project's real Gherkin scenarios, run by cucumber-js (in-process, through its
 * JavaScript API): parallel and serial runs give the same results and the same coverage; deleting the scenarios that alone cover a
 * transition makes the report list it uncovered with a proposed scenario (which itself runs
 * green and covers it) and makes --check fail; nothing confidential reaches the output. And the
 * steps of .github/workflows/coverage.yml, run locally: two vitest shards and two cucumber
 * shards, each into its own raw directory under one run ID, merged by the report, give the same
 * coverage as one unsharded run (the serial run above, with one unsharded vitest run).
 */

const tmp = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

const VITEST_FILES = ['properties/world.property.test.ts', 'properties/counterexample.test.ts'];
// One seed for every run here; random property runs only (no covering set): the shards compare
// like for like and start quickly.
const FIXED = { HARNESS_SEED: '7', HARNESS_RUNS: '25', HARNESS_COVERING: '0' };
/** The run ID of the serial run, which is also the unsharded cucumber run the shards are compared with. */
const SINGLE_RUN = 'single-run';

/** cucumber-js on the project's features, in-process (scenarios/testing/cucumber.ts). */
function cucumber(args: readonly string[], rawDir: string, env: Readonly<Record<string, string>> = {}): Promise<CucumberRun> {
  return runCucumber(['-p', 'adhoc', ...args], { ...FIXED, HARNESS_RAW_DIR: rawDir, ...env });
}

/**
 * vitest's own command line, started with node directly (npx only finds the same file) and one
 * worker (the test files of a shard run one after another; how many workers write is
 * reports/merge.test.ts's concern): half the start-up of a default run, same records.
 */
function vitest(shard: string | undefined, rawDir: string, runId: string): Promise<number | null> {
  return new Promise((done, fail) => {
    const args = [join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--maxWorkers=1', ...(shard ? [`--shard=${shard}`] : []), ...VITEST_FILES];
    const child = spawn(process.execPath, args, { env: { ...process.env, ...FIXED, HARNESS_RAW_DIR: rawDir, HARNESS_RUN_ID: runId }, stdio: 'ignore' });
    child.on('error', fail);
    child.on('exit', done);
  });
}

/** The coverage records a run wrote, one per scenario, in a stable order. */
function records(rawDir: string): { name: string; status: string; run: string }[] {
  return readdirSync(rawDir)
    .flatMap((f) => readFileSync(join(rawDir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as { name: string; status: string; run: string })
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function sink(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
}

/** The coverage part of a report: what must not depend on how the run was split. */
function coverageOf(data: CoverageData) {
  const { generatedAt: _g, inputs: _i, ...rest } = data;
  return rest;
}

/** What must not depend on how the run was split, across runs: the coverage part, without the checks' run IDs. */
function coverageAcrossRuns(data: CoverageData) {
  const { checks, ...rest } = coverageOf(data);
  return { ...rest, checks: checks.map(({ run: _run, ...c }) => c) };
}

/** Removes a scenario (with its tags) from a feature file's text. */
function withoutScenario(text: string, name: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^\s*Scenario( Outline)?:/.test(l) && l.slice(l.indexOf(':') + 1).trim() === name);
  if (at < 0) throw new Error(`scenario "${name}" not found`);
  let start = at;
  while (start > 0 && /^\s*(@|#)/.test(lines[start - 1])) start--;
  let end = at + 1;
  while (end < lines.length && !/^\s*(@|Scenario|Rule:)/.test(lines[end])) end++;
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

const FEATURES = 'features';
let serialRaw: string;
let serialOut: string;
let serial: ReportData;
let serialOutput: string;

beforeAll(async () => {
  serialRaw = tmp('cuke-serial-raw-');
  const run = await cucumber([FEATURES], serialRaw, { HARNESS_RUN_ID: SINGLE_RUN });
  expect(run.code, run.output.slice(-2000)).toBe(0);
  serialOutput = run.output;
  serialOut = tmp('cuke-serial-out-');
  serial = (await runReport({ print: traceToGherkin, rawDirectories: [serialRaw], outDir: serialOut, explorerFiles: [] })).data;
}, 300_000);

describe('report on the real scenarios', () => {
  it('features run with --parallel 2 give the same results and the same coverage as a serial run', async () => {
    const raw = tmp('cuke-parallel-raw-');
    const run = await cucumber([FEATURES, '--parallel', '2'], raw, { HARNESS_RUN_ID: SINGLE_RUN });
    expect(run.code, run.output.slice(-2000)).toBe(0);
    expect(readdirSync(raw).length).toBeGreaterThanOrEqual(2);
    const summary = (out: string) => /\d+ scenarios \([^)]*\)\n\d+ steps \([^)]*\)/.exec(out)?.[0];
    expect(summary(run.output)).toBe(summary(serialOutput));
    const serialRecords = records(serialRaw);
    expect(serialRecords.length).toBeGreaterThanOrEqual(60);
    expect(records(raw).map(({ run: _run, ...rest }) => rest)).toEqual(serialRecords.map(({ run: _run, ...rest }) => rest));
    // Both workers of the parallel run wrote under one run ID, so the report reads the run whole.
    expect(new Set(records(raw).map((r) => r.run)).size).toBe(1);
    const parallel = (await runReport({ print: traceToGherkin, rawDirectories: [raw], outDir: tmp('cuke-parallel-out-'), explorerFiles: [] })).data;
    expect(coverageOf(parallel)).toEqual(coverageOf(serial));
    expect(parallel.inputs.records).toBe(serial.inputs.records);
  });

  it('deleting the scenarios that alone cover a transition lists it uncovered with a runnable proposal, and --check fails', async () => {
    // The covered transition with the fewest covering scenarios (ideally one).
    const candidates = serial.transitions.filter((t) => t.status === 'covered' && t.coveredBy.properties.length === 0);
    const target = candidates.sort((a, b) => a.coveredBy.scenarios.length - b.coveredBy.scenarios.length)[0];
    expect(target, 'some transition is covered by scenarios').toBeDefined();
    const doomed = serial.checks.filter((c) => c.source === 'scenario' && target.coveredBy.scenarios.includes(`${c.name} (${c.file})`));
    expect(doomed.length).toBe(target.coveredBy.scenarios.length);

    const copy = tmp('cuke-features-');
    cpSync(FEATURES, copy, { recursive: true });
    for (const s of doomed) {
      const file = join(copy, (s.file ?? '').replace(/^features\//, ''));
      writeFileSync(file, withoutScenario(readFileSync(file, 'utf8'), s.name));
    }
    const raw = tmp('cuke-minus-raw-');
    const run = await cucumber([copy], raw);
    expect(run.code, run.output.slice(-2000)).toBe(0);

    const out = tmp('cuke-minus-out-');
    const err = sink();
    const code = await main(['--raw', raw, '--out', out, '--check', '--no-explorer'], sink().stream, err.stream);
    expect(code).toBe(1);
    expect(err.text()).toMatch(/coverage below threshold in .*transitions/);
    expect(err.text()).toMatch(/Transitions \(transitions\): [\d.]+% is below the minimum 100%/);

    const json = JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8')) as ReportData;
    expect(json.transitions.find((t) => t.id === target.id)?.status).toBe('uncovered');
    const proposal = json.proposals.find((p) => p.closesTransitions.includes(target.id));
    expect(proposal?.gherkin).toMatch(/Scenario: Closes \d+ gaps?: /);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`<code>${target.id.replace(/>/g, '&gt;')}</code>`);

    // The proposed scenario is valid Gherkin in the project's own steps, passes, and covers the transition.
    const proposed = join(tmp('cuke-proposed-'), 'proposed.feature');
    writeFileSync(proposed, proposal?.gherkin ?? '');
    const rawProposed = tmp('cuke-proposed-raw-');
    const ran = await cucumber([proposed], rawProposed);
    expect(ran.code, ran.output.slice(-2000)).toBe(0);
    const fixed = (await runReport({ print: traceToGherkin, rawDirectories: [raw, rawProposed], outDir: tmp('cuke-fixed2-out-'), explorerFiles: [] })).data;
    expect(fixed.transitions.find((t) => t.id === target.id)?.status).toBe('covered');
  });

  it('no Application ID, consumer key or secret, or token secret appears in any file of the output or raw directories', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(serialOut);
    walk(serialRaw);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) expect(findConfidential(readFileSync(f, 'utf8')), f).toEqual([]);
  });
});

describe('sharded CI (the workflow\'s steps, locally)', () => {
  it('two vitest shards and two cucumber shards, merged, equal one unsharded run', async () => {
    const shardRun = 'ci-run-1';
    const raws = { vitest1: tmp('shard-v1-'), vitest2: tmp('shard-v2-'), features1: tmp('shard-f1-'), features2: tmp('shard-f2-'), single: tmp('single-') };
    const codes = await Promise.all([
      vitest('1/2', raws.vitest1, shardRun),
      vitest('2/2', raws.vitest2, shardRun),
      vitest(undefined, raws.single, SINGLE_RUN),
    ]);
    expect(codes).toEqual([0, 0, 0]);
    for (const [shard, raw] of [['1/2', raws.features1], ['2/2', raws.features2]] as const) {
      const run = await cucumber(['--shard', shard, FEATURES], raw, { HARNESS_RUN_ID: shardRun });
      expect(run.code, run.output.slice(-1500)).toBe(0);
    }

    const options = { print: traceToGherkin, explorerFiles: [], now: new Date(0), maxPathLength: 2 };
    const merged = await buildReport({ ...options, rawDirectories: [raws.vitest1, raws.vitest2, raws.features1, raws.features2], outDir: tmp('out-merged-') });
    const unsharded = await buildReport({ ...options, rawDirectories: [raws.single, serialRaw], outDir: tmp('out-single-') });
    expect(merged.data.inputs.runs.map((r) => r.id)).toEqual([shardRun]);
    expect(unsharded.data.inputs.runs.map((r) => r.id)).toEqual([SINGLE_RUN]);
    expect(merged.data.checks.filter((c) => c.source === 'scenario').length).toBeGreaterThanOrEqual(100);
    expect(merged.data.checks.some((c) => c.source === 'property')).toBe(true);
    expect(coverageAcrossRuns(merged.data)).toEqual(coverageAcrossRuns(unsharded.data));
  });
});
