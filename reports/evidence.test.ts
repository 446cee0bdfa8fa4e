import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoverageRecord } from '../io/recorder';
import { traceToGherkin } from '../scenarios/gherkin';
import { main } from './cli';
import { buildReport } from './report';
import { recordsForTransitions, writeRaw } from './testing/records';

/**
 * Traceability that means something: each rule row names the invariants that check it and the
 * evidence the runs gathered (steps that reached its interesting case, and how many held); a
 * rule no run reached is flagged as checked vacuously and fails --check.
 */

const tmp = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
const sink = () => {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
};

function propertyRecord(run: string, evidence: CoverageRecord['evidence']): CoverageRecord {
  return { v: 2, run, source: 'property', name: 'random command sequences keep every invariant (AUTH-03 STATE-02)', status: 'passed', transitions: [], paths: [], rules: ['AUTH-03', 'STATE-02'], outcomes: {}, evidence };
}

describe('per-rule evidence', () => {
  it('attributes each rule to its invariants, sums shards of one run, and flags a rule no step reached as vacuous', async () => {
    const raw = tmp('raw-evidence-');
    const scenarios = recordsForTransitions().records;
    writeRaw(raw, [
      ...scenarios,
      propertyRecord('r1', { 'AUTH-03': { by: ['AUTH-03 ambiguous'], reached: 4, held: 4 }, 'STATE-02': { by: ['STATE-02 gate'], reached: 0, held: 0 } }),
    ], 1, 'shard-a');
    // The same property's other shard in the same run.
    writeRaw(raw, [propertyRecord('r1', { 'AUTH-03': { by: ['AUTH-03 ambiguous'], reached: 3, held: 2 } })], 1, 'shard-b');
    const built = await buildReport({ print: traceToGherkin, rawDirectories: [raw], outDir: tmp('out-evidence-'), explorerFiles: [], maxPathLength: 1 });
    const auth03 = built.data.rules.find((r) => r.id === 'AUTH-03');
    expect(auth03).toMatchObject({ checkedBy: ['AUTH-03 ambiguous'], evidence: { reached: 7, held: 6 }, vacuous: false });
    const state02 = built.data.rules.find((r) => r.id === 'STATE-02');
    expect(state02).toMatchObject({ checkedBy: ['STATE-02 gate'], evidence: { reached: 0, held: 0 }, vacuous: true });
    // A rule with no evidence at all (no property records it) is not flagged.
    expect(built.data.rules.find((r) => r.id === 'SBX-06')).toMatchObject({ checkedBy: [], vacuous: false });
    expect(built.outputs.find((o) => o.name === 'summary.md')?.content).toContain('Checked vacuously');

    const err = sink();
    expect(await main(['--raw', raw, '--out', tmp('out-evidence-check-'), '--check', '--no-explorer', '--max-path-length', '1'], sink().stream, err.stream)).toBe(1);
    expect(err.text()).toContain('STATE-02: 0 step(s) reached its case (minimum 1): checked vacuously');
    expect(err.text()).not.toContain('AUTH-03: ');
  });
});
