import { ASSUMPTIONS, FACTS, RULES } from '../model';
import type { ExplorerReach } from './explorer';
import type { MergedCheck, MergedRaw } from './merge';
import type { PlanResult } from '../planner/types';
import type { ChainItem, StatechartTotals } from './totals';
import { FORMAT_VERSION, COVERAGE_KINDS, KIND_LABELS, type CoverageKind, type ItemStatus, type KindSummary, type CoveredBy, type StateCoverage, type TransitionCoverage, type ChainCoverage, type CheckResult, type RuleRow, type CheckSummary, type CoverageData } from './coverage-data';

/**
 * The coverage model: data first, rendering second. Its schema is coverage-data.ts; this module builds it. Built from the statechart's totals, the
 * merged raw records and (optionally) the explorer's reachable transitions; every renderer
 * (JSON, HTML, Markdown) is a pure function of it.
 *
 * Status of an item:
 *  - covered: some scenario or property (that ran) took it;
 *  - uncovered: reachable, and nothing took it: a gap;
 *  - unreachable: the statechart cannot reach it from the initial state, or the planner's
 *    exhaustive search of the canonical cast never takes it (unless an explored configuration
 *    did). Not a gap; `unreachableBecause` says why. A transition the statechart allows but the
 *    world never takes, or that explorer output was given for and no configuration reached, is
 *    flagged `suspicious`.
 * Percentages are covered / reachable.
 */

/** What the planner says about an uncovered item; `unreachable` results make it not a gap. */
export interface Judge {
  transition(id: string): PlanResult;
  pair(first: string, second: string): PlanResult;
  path(transitions: readonly string[]): PlanResult;
}

interface CoverageInput {
  readonly totals: StatechartTotals;
  readonly merged: MergedRaw;
  readonly rawDirectories: readonly string[];
  readonly rawFiles: number;
  readonly explorer?: readonly ExplorerReach[];
  /** Answers whether uncovered items can be reached in the world at all (planner/planner.ts). */
  readonly judge?: Judge;
  readonly statechartName?: string;
  /** When the report was generated (the caller decides: SOURCE_DATE_EPOCH or the clock). */
  readonly now: Date;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How a check is named in "covered by" lists: the name, and its file when it has one. */
function checkLabel(c: Pick<MergedCheck, 'name' | 'file'>): string {
  return c.file ? `${c.name} (${c.file})` : c.name;
}

class CoveredByAcc {
  private readonly sets = { scenario: new Set<string>(), property: new Set<string>(), explorer: new Set<string>() };
  add(check: MergedCheck): void {
    this.sets[check.source].add(checkLabel(check));
  }
  get size(): number {
    return this.sets.scenario.size + this.sets.property.size + this.sets.explorer.size;
  }
  done(): CoveredBy {
    return {
      scenarios: [...this.sets.scenario].sort(byString),
      properties: [...this.sets.property].sort(byString),
      explorer: [...this.sets.explorer].sort(byString),
    };
  }
}

function accFor<K>(map: Map<K, CoveredByAcc>, key: K): CoveredByAcc {
  let acc = map.get(key);
  if (!acc) {
    acc = new CoveredByAcc();
    map.set(key, acc);
  }
  return acc;
}

function summarise(items: readonly { readonly status: ItemStatus }[]): KindSummary {
  const total = items.length;
  const unreachable = items.filter((i) => i.status === 'unreachable').length;
  const covered = items.filter((i) => i.status === 'covered').length;
  const reachable = total - unreachable;
  return {
    total,
    reachable,
    unreachable,
    covered,
    uncovered: reachable - covered,
    percentage: reachable === 0 ? 100 : Math.floor((covered / reachable) * 1000) / 10,
  };
}

function ruleResult(checks: readonly MergedCheck[]): CheckResult {
  if (checks.some((c) => c.status === 'failed' || c.status === 'undefined')) return 'failed';
  return checks.some((c) => c.status === 'passed') ? 'passed' : 'not run';
}

export function buildCoverage(input: CoverageInput): CoverageData {
  const { totals, merged } = input;
  // A skipped check ran nothing: it covers nothing.
  const ran = merged.checks.filter((c) => c.status !== 'skipped');

  const stateAcc = new Map<string, CoveredByAcc>();
  const transitionAcc = new Map<string, CoveredByAcc>();
  const ownerCount = new Map<string, Set<string>>();
  const installedCount = new Map<string, Set<string>>();
  const pairAcc = new Map<string, CoveredByAcc>();
  const pathAcc = new Map<string, CoveredByAcc>();
  const pathIndex = new Map<string, ChainItem>(totals.paths.map((p) => [JSON.stringify(p.transitions), p]));
  const pairIndex = new Map<string, ChainItem>(totals.pairs.map((p) => [JSON.stringify(p.transitions), p]));

  for (const check of ran) {
    for (const t of check.transitions) {
      accFor(transitionAcc, t.id).add(check);
      accFor(stateAcc, t.from).add(check);
      accFor(stateAcc, t.to).add(check);
      const counts = t.owner ? ownerCount : installedCount;
      counts.set(t.id, (counts.get(t.id) ?? new Set()).add(check.key));
    }
    for (const path of check.paths) {
      // A recorded path covers every lifecycle path it begins with, and every pair inside it.
      for (let n = 1; n <= Math.min(path.length, totals.maxPathLength); n++) {
        const item = pathIndex.get(JSON.stringify(path.slice(0, n)));
        if (item) accFor(pathAcc, item.id).add(check);
      }
      for (let i = 0; i + 1 < path.length; i++) {
        const item = pairIndex.get(JSON.stringify([path[i], path[i + 1]]));
        if (item) accFor(pairAcc, item.id).add(check);
      }
    }
  }

  const explorerGiven = input.explorer !== undefined;
  const explored = new Map<string, string[]>();
  for (const reach of input.explorer ?? []) {
    for (const t of reach.reachableTransitions) explored.set(t, [...(explored.get(t) ?? []), reach.configuration]);
  }

  const explorerNames = [...new Set((input.explorer ?? []).map((e) => e.configuration))].sort(byString).join(', ');
  const STATECHART = `the statechart cannot reach its source state from "${totals.initial}"`;
  const planned = (r: PlanResult | undefined): string | undefined => (r && !r.ok && r.unreachable ? `planner: ${r.problem}` : undefined);

  // The explorer informs, the planner decides: a transition some explored configuration reached
  // is reachable; one none reached is flagged, and unreachable only when the planner proves it.
  const transitions: TransitionCoverage[] = totals.transitions.map((t) => {
    const acc = transitionAcc.get(t.id);
    const covered = acc !== undefined && acc.size > 0;
    const because = covered ? undefined
      : !t.reachable ? STATECHART
      : explored.has(t.id) ? undefined
      : planned(input.judge?.transition(t.id));
    const notExplored = explorerGiven && t.reachable && !explored.has(t.id);
    let suspicious: string | undefined;
    if (because !== undefined && because !== STATECHART) {
      suspicious = `the statechart allows it but the world never takes it${notExplored ? ` (no explored configuration reaches it either: ${explorerNames})` : ''}: is the statechart wider than the world, or is a world command missing?`;
    } else if (notExplored) {
      suspicious = covered
        ? `covered by a check, yet no explored configuration (${explorerNames}) reached it: are the explorer bounds too small?`
        : `no explored configuration (${explorerNames}) reaches it, though the planner finds a way: are the explorer bounds too small?`;
    }
    return {
      id: t.id,
      from: t.from,
      event: t.event,
      guard: t.guard ?? null,
      to: t.to,
      rules: [...t.rules],
      declaredOn: t.declaredOn,
      status: covered ? 'covered' : because !== undefined ? 'unreachable' : 'uncovered',
      coveredBy: acc?.done() ?? { scenarios: [], properties: [], explorer: [] },
      accounts: { owner: ownerCount.get(t.id)?.size ?? 0, installed: installedCount.get(t.id)?.size ?? 0 },
      ...(explorerGiven ? { explorer: (explored.get(t.id) ?? []).sort(byString) } : {}),
      ...(because !== undefined ? { unreachableBecause: because } : {}),
      ...(suspicious ? { suspicious } : {}),
    };
  });
  const transitionStatus = new Map(transitions.map((t) => [t.id, t.status]));

  const entered = new Set<string>([totals.initial]);
  for (const t of transitions) if (t.status !== 'unreachable') entered.add(t.to);
  const states: StateCoverage[] = totals.states.map((s) => {
    const acc = stateAcc.get(s.id);
    const covered = acc !== undefined && acc.size > 0;
    const because = covered ? undefined
      : !s.reachable ? `the statechart cannot reach it from "${totals.initial}"`
      : !entered.has(s.id) ? 'every transition into it is unreachable'
      : undefined;
    return {
      id: s.id,
      status: covered ? 'covered' : because !== undefined ? 'unreachable' : 'uncovered',
      coveredBy: acc?.done() ?? { scenarios: [], properties: [], explorer: [] },
      ...(because !== undefined ? { unreachableBecause: because } : {}),
    };
  });

  const chain = (items: readonly ChainItem[], accs: Map<string, CoveredByAcc>, judge: (ids: readonly string[]) => PlanResult | undefined): ChainCoverage[] =>
    items.map((item) => {
      const acc = accs.get(item.id);
      const covered = acc !== undefined && acc.size > 0;
      const blocked = item.transitions.find((id) => transitionStatus.get(id) === 'unreachable');
      const because = covered ? undefined
        : !item.reachable ? STATECHART
        : blocked !== undefined ? `its transition "${blocked}" is unreachable`
        : planned(judge(item.transitions));
      return {
        id: item.id,
        transitions: item.transitions,
        status: covered ? 'covered' : because !== undefined ? 'unreachable' : 'uncovered',
        coveredBy: acc?.done() ?? { scenarios: [], properties: [], explorer: [] },
        ...(because !== undefined ? { unreachableBecause: because } : {}),
      };
    });
  const transitionPairs = chain(totals.pairs, pairAcc, (ids) => input.judge?.pair(ids[0], ids[1]));
  const paths = chain(totals.paths, pathAcc, (ids) => input.judge?.path(ids));

  const outcomes = new Map<string, number>();
  for (const c of ran) for (const [k, n] of Object.entries(c.outcomes)) outcomes.set(k, (outcomes.get(k) ?? 0) + n);

  const row = (id: string, area: string, text: string): RuleRow => {
    const naming = ran.filter((c) => c.rules.includes(id));
    const scenarios = naming.filter((c) => c.source === 'scenario').map(checkLabel).sort(byString);
    const properties = naming.filter((c) => c.source === 'property').map(checkLabel).sort(byString);
    return {
      id,
      area,
      text,
      status: scenarios.length + properties.length > 0 ? 'covered' : 'uncovered',
      result: ruleResult(naming.filter((c) => c.source !== 'explorer')),
      scenarios,
      properties,
      transitions: totals.transitions.filter((t) => (t.rules as readonly string[]).includes(id)).map((t) => t.id),
      refusals: outcomes.get(`refused:${id}`) ?? 0,
      ...evidenceOf(id),
    };
  };
  /** The rule's evidence summed over the checks that ran (the property and explorer runs). */
  function evidenceOf(id: string): Pick<RuleRow, 'checkedBy' | 'evidence' | 'vacuous'> {
    const found = ran.map((c) => c.evidence[id]).filter((e) => e !== undefined);
    if (found.length === 0) return { checkedBy: [], vacuous: false };
    const reached = found.reduce((n, e) => n + e.reached, 0);
    const held = found.reduce((n, e) => n + e.held, 0);
    const checkedBy = [...new Set(found.flatMap((e) => e.by))].sort(byString);
    return { checkedBy, evidence: { reached, held }, vacuous: reached === 0 };
  }
  const rules = Object.entries(RULES).map(([id, r]) => row(id, r.area, r.text));
  const assumptions = [
    ...Object.entries(ASSUMPTIONS).map(([id, a]) => row(id, 'Assumption', `${a.title}: ${a.choice}`)),
    ...Object.entries(FACTS).map(([id, f]) => row(id, 'Fact', f.text)),
  ];

  const counts = (source: string) => {
    const of = merged.checks.filter((c) => c.source === source);
    return {
      passed: of.filter((c) => c.status === 'passed').length,
      failed: of.filter((c) => c.status === 'failed').length,
      skipped: of.filter((c) => c.status === 'skipped').length,
      undefined: of.filter((c) => c.status === 'undefined').length,
    };
  };

  return {
    formatVersion: FORMAT_VERSION,
    generatedAt: input.now.toISOString(),
    relativeTo: {
      statechart: input.statechartName ?? 'installation (model/lifecycle.machine.ts)',
      initialState: totals.initial,
      maxPathLength: totals.maxPathLength,
      pathsAre: `walks from "${totals.initial}" of 1 to ${totals.maxPathLength} transitions, on the lifecycle state alone; a recorded installation path covers every walk it begins with`,
      explorerConfigurations: explorerGiven ? explorerNames.split(', ').filter((n) => n !== '') : null,
    },
    inputs: {
      rawDirectories: input.rawDirectories,
      rawFiles: input.rawFiles,
      records: merged.records,
      supersededRecords: merged.supersededRecords,
      runs: merged.runs,
      scenarios: counts('scenario'),
      properties: counts('property'),
    },
    summary: {
      states: summarise(states),
      transitions: summarise(transitions),
      transitionPairs: summarise(transitionPairs),
      paths: summarise(paths),
      rules: summarise(rules),
      assumptions: summarise(assumptions),
    },
    states,
    transitions,
    transitionPairs,
    paths,
    rules,
    assumptions,
    outcomes: Object.fromEntries([...outcomes.entries()].sort(([a], [b]) => byString(a, b))),
    checks: merged.checks.map((c) => ({
      source: c.source,
      name: c.name,
      ...(c.file !== undefined ? { file: c.file } : {}),
      status: c.status,
      run: c.run,
      transitions: new Set(c.transitions.map((t) => t.id)).size,
      rules: c.rules,
    })),
  };
}

