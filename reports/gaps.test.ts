import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyAll, createWorld } from '../model';
import { main } from './cli';
import { PLANNED_RECORD } from '../planner/cast';
import { Planner } from '../planner/planner';
import type { CoverageRecord } from '../io/recorder';
import type { ReportData } from './report-data';
import { recordsForTransitions, writeRaw } from './testing/records';
import { computeTotals } from './totals';

/**
 * Gaps turned into work, on synthetic raw records (real world runs, one check per transition):
 * removing the only check that covers a transition makes the report list it uncovered with a
 * proposed scenario that replays into it, and makes --check fail naming transitions.
 */

const tmp = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

function sink(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
}

let records: CoverageRecord[];

beforeAll(() => {
  records = recordsForTransitions().records;
});

describe('gaps', () => {
  it('removing the only check covering a transition lists it uncovered, proposes a scenario that takes it, and fails --check', async () => {
    const coveredBy = new Map<string, string[]>();
    for (const r of records) for (const t of r.transitions) coveredBy.set(t.id, [...new Set([...(coveredBy.get(t.id) ?? []), r.name])]);
    const [target, [only]] = [...coveredBy.entries()].find(([, names]) => names.length === 1) ?? ['', ['']];
    expect(target, 'a transition covered by exactly one check').not.toBe('');

    const full = tmp('gaps-full-');
    writeRaw(full, records);
    const fullOut = tmp('gaps-full-out-');
    const okErr = sink();
    // With every check, transitions are all covered: the check on that kind passes.
    const fullCode = await main(['--raw', full, '--out', fullOut, '--check', '--no-explorer', '--max-path-length', '1'], sink().stream, okErr.stream);
    expect(fullCode, okErr.text()).not.toBe(2);
    expect(okErr.text()).not.toMatch(/transitions/);
    expect((JSON.parse(readFileSync(join(fullOut, 'coverage.json'), 'utf8')) as ReportData).summary.transitions.uncovered).toBe(0);

    const minus = tmp('gaps-minus-');
    writeRaw(minus, records.filter((r) => r.name !== only));
    const out = tmp('gaps-out-');
    const err = sink();
    const code = await main(['--raw', minus, '--out', out, '--check', '--no-explorer', '--max-path-length', '1'], sink().stream, err.stream);
    expect(code).toBe(1);
    expect(err.text()).toMatch(/report --check: coverage below threshold in .*\btransitions\b/);

    const json = JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8')) as ReportData;
    expect(json.transitions.find((t) => t.id === target)?.status).toBe('uncovered');
    expect(json.summary.transitions.uncovered).toBe(1);
    const proposal = json.proposals.find((p) => p.closesTransitions.includes(target));
    expect(proposal?.gherkin).toMatch(/Scenario: Closes \d+ gaps?: /);
    expect(proposal?.lifecyclePath).toContain(target);
    // The covering set: every gap is closed by some proposal, the one closing the most first.
    const closed = json.proposals.flatMap((p) => p.closes);
    expect(closed).toContain(`transition:${target}`);
    expect(json.proposals.map((p) => p.closes.length)).toEqual([...json.proposals.map((p) => p.closes.length)].sort((a, b) => b - a));
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain(target);

    // The proposal's trace really takes the transition, in the installation it names.
    const trace = proposal?.trace;
    expect(trace).toBeDefined();
    const { outcomes } = applyAll(createWorld({ seed: trace?.seed }), trace?.commands ?? []);
    const taken = outcomes.flatMap((o) => (o.kind === 'invalid' ? [] : o.transitions))
      .filter((s) => s.account === proposal?.subject?.account && s.record === PLANNED_RECORD)
      .map((s) => s.transition);
    expect(taken).toEqual(proposal?.lifecyclePath);
  });
});

describe('planner', () => {
  const totals = computeTotals({ maxPathLength: 2 });
  const planner = new Planner(2);

  it('plans every transition the world can take, each verified by replay; proves the rest unreachable', () => {
    for (const t of totals.transitions) {
      const r = planner.transition(t.id);
      if (r.ok) expect(r.plan.transitions[r.plan.transitions.length - 1]).toBe(t.id);
      else expect(r.unreachable, `${t.id}: ${r.problem}`).toBe(true);
    }
    expect(totals.transitions.filter((t) => planner.transition(t.id).ok).length).toBeGreaterThan(30);
  });

  it('plans a path exactly, shortest first, and says when no command sequence can walk it', () => {
    const path = ['absent --CREATE--> enabled', 'enabled --BLOCK--> blocked'];
    const r = planner.path(path);
    expect(r.ok && r.plan.transitions).toEqual(path);
    expect(r.ok && r.plan.commands.map((c) => c.type)).toEqual(['addAccount', 'createRecord', 'editRecord']);
    // The account that created a record can never uninstall it as a bundle.
    const impossible = planner.path(['absent --CREATE--> enabled', 'enabled --UNINSTALL_BUNDLE[OWN-01:installedByBundle]--> removed']);
    expect(impossible.ok).toBe(false);
    expect(!impossible.ok && impossible.unreachable).toBe(true);
    expect(!impossible.ok && impossible.problem).toMatch(/exhaustive search of the cast/);
  });
});
