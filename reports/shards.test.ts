import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceToGherkin } from '../scenarios/gherkin';
import { runCucumber } from '../scenarios/testing/cucumber';
import type { CoverageData } from './coverage-data';
import { buildReport } from './report';

/**
 * The steps of .github/workflows/coverage.yml, run locally: two vitest shards and two cucumber
 * shards, each into its own raw directory under one run ID, merged by the report, give the same
 * coverage as one unsharded run. (The vitest shards run the test files that record coverage.)
 */

const tmp = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
const VITEST_FILES = ['properties/world.property.test.ts', 'properties/counterexample.test.ts'];
// Random runs only (no covering set): the shards compare like for like and start quickly.
const FIXED = { HARNESS_SEED: '7', HARNESS_RUNS: '25', HARNESS_COVERING: '0' };

function vitest(shard: string | undefined, rawDir: string, runId: string): Promise<number | null> {
  return new Promise((done, fail) => {
    const args = ['vitest', 'run', ...(shard ? [`--shard=${shard}`] : []), ...VITEST_FILES];
    const child = spawn('npx', args, { env: { ...process.env, ...FIXED, HARNESS_RAW_DIR: rawDir, HARNESS_RUN_ID: runId }, stdio: 'ignore' });
    child.on('error', fail);
    child.on('exit', done);
  });
}

/** What must not depend on how the run was split: everything but the time, the inputs and the run IDs. */
function coverageOf(data: CoverageData) {
  const { generatedAt: _g, inputs: _i, checks, ...rest } = data;
  return { ...rest, checks: checks.map(({ run: _run, ...c }) => c) };
}

describe('sharded CI (the workflow\'s steps, locally)', () => {
  it('two vitest shards and two cucumber shards, merged, equal one unsharded run', async () => {
    const shardRun = 'ci-run-1';
    const raws = { vitest1: tmp('shard-v1-'), vitest2: tmp('shard-v2-'), features1: tmp('shard-f1-'), features2: tmp('shard-f2-'), single: tmp('single-') };
    const codes = await Promise.all([
      vitest('1/2', raws.vitest1, shardRun),
      vitest('2/2', raws.vitest2, shardRun),
      vitest(undefined, raws.single, 'single-run'),
    ]);
    expect(codes).toEqual([0, 0, 0]);
    for (const [shard, raw] of [['1/2', raws.features1], ['2/2', raws.features2]] as const) {
      const run = await runCucumber(['-p', 'adhoc', '--shard', shard, 'features/'], { HARNESS_RAW_DIR: raw, HARNESS_RUN_ID: shardRun, ...FIXED });
      expect(run.code, run.output.slice(-1500)).toBe(0);
    }
    const single = await runCucumber(['-p', 'adhoc', 'features/'], { HARNESS_RAW_DIR: raws.single, HARNESS_RUN_ID: 'single-run', ...FIXED });
    expect(single.code).toBe(0);

    const options = { print: traceToGherkin, explorerFiles: [], now: new Date(0), maxPathLength: 2 };
    const merged = await buildReport({ ...options, rawDirectories: [raws.vitest1, raws.vitest2, raws.features1, raws.features2], outDir: tmp('out-merged-') });
    const unsharded = await buildReport({ ...options, rawDirectories: [raws.single], outDir: tmp('out-single-') });
    expect(merged.data.inputs.runs.map((r) => r.id)).toEqual([shardRun]);
    expect(merged.data.checks.filter((c) => c.source === 'scenario').length).toBeGreaterThanOrEqual(100);
    expect(merged.data.checks.some((c) => c.source === 'property')).toBe(true);
    expect(coverageOf(merged.data)).toEqual(coverageOf(unsharded.data));
  }, 120_000);
});
