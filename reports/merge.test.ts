import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from './cli';
import { mergeRecords, parseRawText, RawInputError, readRaw } from './merge';
import type { CoverageRecord } from '../io/recorder';
import { buildReport, runReport } from './report';
import { recordsForTransitions, replay, writeRaw } from './testing/records';
import { computeTotals } from './totals';
import { traceToGherkin } from '../scenarios/gherkin';

/** Merging raw coverage: shards merged equal one run; bad raw input names file and line and writes nothing. */

const tmp = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

function sink(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  const stream = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
  return { stream, text: () => text };
}

let records: CoverageRecord[];

beforeAll(() => {
  const run = recordsForTransitions();
  // A property whose runs were split over two vitest shards: same name, different paths and outcomes.
  const a = replay('random command sequences keep every invariant (STATE-01)', [], ['STATE-01'], 'property').record;
  const b = { ...run.records[0], source: 'property' as const, name: a.name, file: undefined, rules: ['STATE-01', 'STATE-03'] };
  const { file: _omit, ...bWithoutFile } = b;
  records = [...run.records, a, bWithoutFile];
});

describe('merging raw coverage', () => {
  it('sharded raw directories give the same report as a single run', async () => {
    const single = tmp('raw-single-');
    writeRaw(single, records, 1);
    const shards = [tmp('raw-shard1-'), tmp('raw-shard2-'), tmp('raw-shard3-')];
    // Uneven shards, several worker files each, records in another order.
    const reversed = [...records].reverse();
    writeRaw(shards[0], reversed.slice(0, 5), 2, 'w');
    writeRaw(shards[1], reversed.slice(5, 20), 3, 'w');
    writeRaw(shards[2], reversed.slice(20), 1, 'w');
    const now = new Date('2026-01-01T00:00:00Z');
    const a = await buildReport({ print: traceToGherkin, rawDirectories: [single], outDir: tmp('out-'), now, explorerFiles: [], maxPathLength: 2 });
    const b = await buildReport({ print: traceToGherkin, rawDirectories: shards, outDir: tmp('out-'), now, explorerFiles: [], maxPathLength: 2 });
    const strip = (content: string) => {
      const { inputs, ...rest } = JSON.parse(content) as { inputs: { records: number } };
      return { rest, records: inputs.records };
    };
    const json = (r: typeof a) => r.outputs.find((o) => o.name === 'coverage.json')?.content ?? '';
    expect(strip(json(b))).toEqual(strip(json(a)));
    expect(a.data.inputs.rawFiles).toBe(1);
    expect(b.data.inputs.rawFiles).toBe(6);
    // The property's two shards are one check with both rule sets.
    const property = a.data.checks.find((c) => c.source === 'property');
    expect(property?.rules).toEqual(['STATE-01', 'STATE-03']);
    expect(a.data.checks.filter((c) => c.source === 'property')).toHaveLength(1);
  });

  it('merging is a union per check, independent of order', () => {
    const forward = mergeRecords(records);
    const backward = mergeRecords([...records].reverse());
    expect(backward).toEqual(forward);
    expect(mergeRecords([...records, ...records]).checks.map((c) => c.transitions)).toEqual(forward.checks.map((c) => c.transitions));
  });
});

describe('bad raw input', () => {
  const known = new Set(computeTotals({ maxPathLength: 1 }).transitions.map((t) => t.id));
  const good = (): string => JSON.stringify(records[0]);

  it('a truncated last line names the file and line', () => {
    const text = `${good()}\n${good().slice(0, 80)}`;
    const { problems } = parseRawText(text, 'raw/7-ab.jsonl', known);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^raw\/7-ab\.jsonl:2: not valid JSON \(.+\); the line looks truncated or corrupt \(the file ends without a newline/);
  });

  it('a corrupt field names the file, the line and the field, and what it should be', () => {
    const bad = { ...records[0], transitions: [{ ...records[0].transitions[0], guard: 3 }] };
    const { problems } = parseRawText(`${good()}\n${good()}\n${JSON.stringify(bad)}\n`, 'x.jsonl', known);
    expect(problems).toEqual(['x.jsonl:3: transitions[0].guard: Invalid value number 3: should be a string or null']);
    const noStatus = { ...records[0], status: 'done' };
    expect(parseRawText(`${JSON.stringify(noStatus)}\n`, 'y.jsonl', known).problems).toEqual([
      'y.jsonl:1: status: Invalid value the string "done": should be passed, failed, skipped, undefined',
    ]);
  });

  it('a transition the statechart does not have is refused (raw from another model version)', () => {
    const alien = { ...records[0], transitions: [{ ...records[0].transitions[0], id: 'absent --TELEPORT--> enabled' }] };
    const { problems } = parseRawText(`${JSON.stringify(alien)}\n`, 'z.jsonl', known);
    expect(problems[0]).toMatch(/^z\.jsonl:1: transitions\[0\]\.id: .*should be a transition of the statechart/);
  });

  it('collects every problem of every file before giving up', () => {
    const dir = tmp('raw-bad-');
    writeFileSync(join(dir, 'a.jsonl'), `${good()}\n{"v":1,\n`);
    writeFileSync(join(dir, 'b.jsonl'), `\n${good()}\n`);
    expect(() => readRaw([dir], known)).toThrow(RawInputError);
    try {
      readRaw([dir], known);
    } catch (e) {
      expect((e as RawInputError).problems.map((p) => p.replace(/^.*\//, ''))).toEqual([
        expect.stringMatching(/^a\.jsonl:2: not valid JSON/),
        'b.jsonl:1: empty line: should be one JSON coverage record per line',
      ]);
    }
  });

  it('a corrupt raw file writes nothing: the previous report stays whole, no temporary file is left', async () => {
    const out = tmp('out-keep-');
    const rawGood = tmp('raw-good-');
    writeRaw(rawGood, records.slice(0, 3));
    await runReport({ print: traceToGherkin, rawDirectories: [rawGood], outDir: out, explorerFiles: [], maxPathLength: 1 });
    const files = () => readdirSync(out).filter((f) => !f.startsWith('.'));
    const before = Object.fromEntries(files().map((f) => [f, readFileSync(join(out, f), 'utf8')]));

    const rawBad = tmp('raw-bad-');
    mkdirSync(rawBad, { recursive: true });
    writeFileSync(join(rawBad, '999-dead.jsonl'), `${good()}\n${good().slice(0, 120)}`);
    const err = sink();
    const code = await main(['--raw', rawGood, '--raw', rawBad, '--out', out, '--max-path-length', '1'], sink().stream, err.stream);
    expect(code).toBe(2);
    expect(err.text()).toMatch(/999-dead\.jsonl:2: not valid JSON .*truncated/);
    expect(err.text()).toMatch(/nothing was written/);
    const after = Object.fromEntries(files().map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    expect(after).toEqual(before);
  });

  it('a missing raw directory is an error, not an empty report', () => {
    expect(() => readRaw([join(tmp('nope-'), 'missing')], known)).toThrow(/cannot read the raw directory \(ENOENT\)/);
  });
});

describe('same input, same bytes', () => {
  it('with SOURCE_DATE_EPOCH set, two report runs on the same raw input write byte-identical files, dated from it', async () => {
    const raw = tmp('raw-epoch-');
    writeRaw(raw, records, 2);
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    try {
      const outs = [tmp('out-epoch-a-'), tmp('out-epoch-b-')];
      for (const out of outs) await runReport({ print: traceToGherkin, rawDirectories: [raw], outDir: out, explorerFiles: [], maxPathLength: 1 });
      for (const name of ['coverage.json', 'index.html', 'summary.md']) {
        // latin1 maps each byte to one character: equal strings are equal bytes, compared at string speed
        // (a deep equality of two Buffers walks them byte by byte, seconds for a report).
        expect(readFileSync(join(outs[1], name), 'latin1'), name).toBe(readFileSync(join(outs[0], name), 'latin1'));
      }
      expect((JSON.parse(readFileSync(join(outs[0], 'coverage.json'), 'utf8')) as { generatedAt: string }).generatedAt).toBe('2026-01-01T00:00:00.000Z');
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('a SOURCE_DATE_EPOCH that is not a whole number of seconds exits 2 naming the variable, and writes nothing', async () => {
    const raw = tmp('raw-epoch-bad-');
    writeRaw(raw, records, 1);
    const out = tmp('out-epoch-bad-');
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = 'yesterday';
    try {
      const err = sink();
      expect(await main(['--raw', raw, '--out', out, '--no-explorer'], sink().stream, err.stream)).toBe(2);
      expect(err.text()).toContain('SOURCE_DATE_EPOCH: Invalid value "yesterday": should be a whole number of seconds');
      expect(readdirSync(out)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});

describe('a run is a unit', () => {
  const scenario = (run: string, status: CoverageRecord['status']): CoverageRecord => ({ ...records[0], run, status });

  it('a later pass of a scenario outranks its earlier failure; the older run is listed, not merged', async () => {
    const raw = tmp('raw-runs-');
    writeRaw(raw, [scenario('20260101T000000Z-aaaaaa', 'failed')], 1, 'old');
    writeRaw(raw, [scenario('20260102T000000Z-bbbbbb', 'passed')], 1, 'new');
    const built = await buildReport({ print: traceToGherkin, rawDirectories: [raw], outDir: tmp('out-runs-'), explorerFiles: [], maxPathLength: 1 });
    const check = built.data.checks.find((c) => c.name === records[0].name);
    expect(check).toMatchObject({ status: 'passed', run: '20260102T000000Z-bbbbbb' });
    expect(built.data.inputs.supersededRecords).toBe(1);
    expect(built.data.inputs.runs.map((r) => [r.id, r.latestFor, r.superseded])).toEqual([
      ['20260102T000000Z-bbbbbb', 1, 0],
      ['20260101T000000Z-aaaaaa', 0, 1],
    ]);
    const summary = built.outputs.find((o) => o.name === 'summary.md')?.content ?? '';
    expect(summary).toContain('1 records of older runs of the same checks are listed, not merged');
  });

  it('report --check exits 1 on a raw directory holding one failed scenario, naming it; summary.md does not open with a tick', async () => {
    const raw = tmp('raw-failed-');
    const passing = recordsForTransitions().records;
    writeRaw(raw, [...passing.slice(1), { ...passing[0], status: 'failed' }], 1);
    const out = tmp('out-failed-');
    const err = sink();
    const code = await main(['--raw', raw, '--out', out, '--check', '--no-explorer', '--thresholds', zeroThresholds()], sink().stream, err.stream);
    expect(code).toBe(1);
    expect(err.text()).toContain('report --check: 1 check(s) did not pass:');
    expect(err.text()).toContain(`failed: scenario "${passing[0].name}"`);
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('## Checks: ❌ 1 did not pass');
    expect(md).not.toMatch(/^## Coverage: ✅/m);
  });

  it('report --check names undefined and skipped checks too', async () => {
    const raw = tmp('raw-undefined-');
    const passing = recordsForTransitions().records;
    writeRaw(raw, [...passing.slice(2), { ...passing[0], status: 'undefined' }, { ...passing[1], status: 'skipped' }], 1);
    const err = sink();
    expect(await main(['--raw', raw, '--out', tmp('out-undefined-'), '--check', '--no-explorer', '--thresholds', zeroThresholds()], sink().stream, err.stream)).toBe(1);
    expect(err.text()).toContain(`undefined: scenario "${passing[0].name}"`);
    expect(err.text()).toContain(`skipped: scenario "${passing[1].name}"`);
  });
});

/** A thresholds file that any coverage meets, so only the checks' results decide --check. */
function zeroThresholds(): string {
  const file = join(tmp('thresholds-'), 'thresholds.json');
  writeFileSync(file, JSON.stringify({ maxPathLength: 1, minimum: { states: 0, transitions: 0, transitionPairs: 0, paths: 0, rules: 0, assumptions: 0 } }));
  return file;
}
