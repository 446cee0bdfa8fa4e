import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lifecycleMachine } from '../model';
import type { CoverageData } from './coverage-data';
import { buildReport } from './report';
import { checkMaxPathLength, computeTotals } from './totals';
import { traceToGherkin } from '../scenarios/gherkin';

/**
 * The totals in coverage.json must be what the statechart defines. This test derives them a
 * second way: from the machine's raw config object (not xstate's state nodes, which
 * reports/totals.ts and model/lifecycle.table.ts read), resolving targets by hand, and counting
 * pairs and paths by dynamic programming instead of enumerating them.
 */

interface TransitionConfig {
  readonly target: string;
  readonly guard?: string;
}
interface StateConfig {
  readonly initial?: string;
  readonly states?: Readonly<Record<string, StateConfig>>;
  readonly on?: Readonly<Record<string, TransitionConfig | readonly TransitionConfig[]>>;
}

interface Edge {
  readonly from: string;
  readonly event: string;
  readonly guard?: string;
  readonly to: string;
}

function independentEdges(): { leaves: string[]; edges: Edge[]; initial: string } {
  const root = lifecycleMachine.config as unknown as StateConfig & { id: string };
  const nodeAt = (path: readonly string[]): StateConfig => path.reduce<StateConfig>((n, k) => (n.states ?? {})[k], root);
  const leafOf = (path: string[]): string[] => {
    const n = nodeAt(path);
    return n.states && n.initial ? leafOf([...path, n.initial]) : path;
  };
  const resolve = (declaredAt: readonly string[], target: string): string[] => {
    if (target.startsWith(`#${root.id}.`)) return leafOf(target.slice(root.id.length + 2).split('.'));
    if (target.startsWith('.')) return leafOf([...declaredAt, ...target.slice(1).split('.')]);
    return leafOf([...declaredAt.slice(0, -1), target]);
  };
  const leafPaths: string[][] = [];
  const visit = (path: string[]): void => {
    const n = nodeAt(path);
    if (!n.states) leafPaths.push(path);
    else for (const k of Object.keys(n.states)) visit([...path, k]);
  };
  visit([]);
  const edges: Edge[] = [];
  for (const leaf of leafPaths) {
    const seen = new Set<string>();
    for (let depth = leaf.length; depth >= 1; depth--) {
      const at = leaf.slice(0, depth);
      for (const [event, defs] of Object.entries(nodeAt(at).on ?? {})) {
        for (const d of Array.isArray(defs) ? (defs as readonly TransitionConfig[]) : [defs as TransitionConfig]) {
          const to = resolve(at, d.target);
          const key = `${event}|${d.guard ?? ''}|${to.join('.')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          edges.push({ from: leaf[leaf.length - 1], event, ...(d.guard ? { guard: d.guard } : {}), to: to[to.length - 1] });
        }
      }
    }
  }
  return { leaves: leafPaths.map((p) => p[p.length - 1]), edges, initial: leafOf([root.initial ?? ''])[0] };
}

function independentCounts(maxPathLength: number) {
  const { leaves, edges, initial } = independentEdges();
  const outdeg = new Map(leaves.map((s) => [s, edges.filter((e) => e.from === s).length]));
  const reachable = new Set([initial]);
  for (let changed = true; changed;) {
    changed = false;
    for (const e of edges) {
      if (reachable.has(e.from) && !reachable.has(e.to)) {
        reachable.add(e.to);
        changed = true;
      }
    }
  }
  // walks[s]: walks of the current length from the initial state ending in s.
  let walks = new Map(leaves.map((s) => [s, s === initial ? 1 : 0]));
  let paths = 0;
  for (let length = 1; length <= maxPathLength; length++) {
    const next = new Map(leaves.map((s) => [s, 0]));
    for (const e of edges) next.set(e.to, (next.get(e.to) ?? 0) + (walks.get(e.from) ?? 0));
    paths += [...next.values()].reduce((a, b) => a + b, 0);
    walks = next;
  }
  return {
    states: leaves,
    reachableStates: [...reachable],
    transitionIds: edges.map((e) => `${e.from} --${e.event}${e.guard ? `[${e.guard}]` : ''}--> ${e.to}`),
    pairs: edges.reduce((n, e) => n + (outdeg.get(e.to) ?? 0), 0),
    paths,
  };
}

async function reportJson(maxPathLength: number): Promise<CoverageData> {
  const raw = mkdtempSync(join(tmpdir(), 'totals-raw-'));
  const built = await buildReport({ print: traceToGherkin, rawDirectories: [raw], outDir: mkdtempSync(join(tmpdir(), 'totals-out-')), maxPathLength, explorerFiles: [] });
  const json = built.outputs.find((o) => o.name === 'coverage.json');
  return JSON.parse(json?.content ?? '{}') as CoverageData;
}

describe('totals derived from the statechart', () => {
  it.each([2, 3])('coverage.json totals equal an independent derivation (paths up to %i transitions)', async (n) => {
    const expected = independentCounts(n);
    const json = await reportJson(n);
    expect(json.states.map((s) => s.id).sort()).toEqual([...expected.states].sort());
    expect(json.summary.states.total).toBe(expected.states.length);
    expect(json.transitions.map((t) => t.id).sort()).toEqual([...expected.transitionIds].sort());
    expect(json.summary.transitions.total).toBe(expected.transitionIds.length);
    expect(json.summary.transitionPairs.total).toBe(expected.pairs);
    expect(json.summary.paths.total).toBe(expected.paths);
    expect(json.relativeTo.maxPathLength).toBe(n);
    // Every state the statechart reaches is reachable in the JSON unless the world provably never enters it.
    for (const s of json.states) {
      if (!expected.reachableStates.includes(s.id)) expect(s.status, s.id).toBe('unreachable');
      else if (s.status === 'unreachable') expect(s.unreachableBecause, s.id).toBe('every transition into it is unreachable');
    }
  });

  it('guarded transitions are counted separately, and a parent transition once per leaf', () => {
    const totals = computeTotals({ maxPathLength: 1 });
    const refreshCopies = totals.transitions.filter((t) => t.event === 'REFRESH_COPY');
    // Declared on absent, on removed, and once on the parent "present" for its three leaves; three guards each.
    expect(refreshCopies).toHaveLength(5 * 3);
    expect(new Set(refreshCopies.map((t) => t.guard)).size).toBe(3);
  });

  it('a transition whose source the statechart cannot reach is unreachable, not a gap', () => {
    const totals = computeTotals({
      maxPathLength: 2,
      states: ['absent', 'enabled', 'blocked'],
      transitions: [
        { id: 'absent --CREATE--> enabled', from: 'absent', event: 'CREATE', guard: undefined, to: 'enabled', rules: [], declaredOn: 'x' },
        { id: 'blocked --ENABLE--> enabled', from: 'blocked', event: 'ENABLE', guard: undefined, to: 'enabled', rules: [], declaredOn: 'x' },
      ],
    });
    expect(totals.states.find((s) => s.id === 'blocked')?.reachable).toBe(false);
    expect(totals.transitions.find((t) => t.from === 'blocked')?.reachable).toBe(false);
    expect(totals.paths.map((p) => p.id)).toEqual(['absent --CREATE--> enabled']);
  });

  it('rejects a path length that would explode, saying what is allowed', () => {
    expect(() => checkMaxPathLength(9)).toThrow(/maxPathLength: Invalid value 9: should be a whole number from 1 to 4/);
    expect(() => checkMaxPathLength(0)).toThrow(/from 1 to 4/);
  });
});
