import type { Trace } from '../model';
import { coveringSet, itemKey } from '../planner/covering';
import type { CoverItem } from '../planner/types';
import { planToTrace } from '../planner/planner';
import type { Judge } from './coverage';
import type { CoverageData } from './coverage-data';

/**
 * Gaps turned into work: the fewest scenarios that close every uncovered reachable transition,
 * transition pair and lifecycle path (a covering set of the planner's shortest plans,
 * planner/covering.ts), ordered by how many gaps each closes. Each is printed in the step
 * library's own phrases (scenarios/gherkin.ts), ready to paste into a feature file.
 */

export interface Proposal {
  /** A readable title: how many gaps it closes and the lifecycle it walks. */
  readonly title: string;
  /** The gaps it closes, as the report names them ("transition …", "pair … | …", "path … | …"). */
  readonly closes: readonly string[];
  /** The uncovered transitions among them (statechart ids). */
  readonly closesTransitions: readonly string[];
  /** The lifecycle path the scenario walks (statechart transition ids). */
  readonly lifecyclePath: readonly string[];
  /** The installation the scenario moves. */
  readonly subject?: { readonly account: string; readonly record: string };
  readonly trace?: Trace;
  readonly gherkin?: string;
  /** Why no scenario is proposed for a gap (the planner found none within its limits). */
  readonly problem?: string;
}

export type GherkinPrinter = (trace: Trace) => string;

/** absent, enabled, blocked… along the path: the states a reader follows. */
function statesOf(path: readonly string[], from: (id: string) => { from: string; to: string } | undefined): string[] {
  const first = path.length > 0 ? from(path[0])?.from : undefined;
  return [...(first ? [first] : []), ...path.map((id) => from(id)?.to ?? '?')];
}

export function proposeScenarios(data: CoverageData, judge: Judge, print: GherkinPrinter): Proposal[] {
  const byId = new Map(data.transitions.map((t) => [t.id, t]));
  const gaps: CoverItem[] = [
    ...data.transitions.filter((t) => t.status === 'uncovered').map((t): CoverItem => ({ kind: 'transition', id: t.id })),
    ...data.transitionPairs.filter((p) => p.status === 'uncovered').map((p): CoverItem => ({ kind: 'pair', transitions: [p.transitions[0], p.transitions[1]] })),
    ...data.paths.filter((p) => p.status === 'uncovered').map((p): CoverItem => ({ kind: 'path', transitions: p.transitions })),
  ];
  if (gaps.length === 0) return [];
  const { plans, unreached } = coveringSet(judge, gaps, data.relativeTo.maxPathLength);
  const transitionGap = new Set(gaps.filter((g) => g.kind === 'transition').map(itemKey));
  const proposals = plans.map(({ plan, closes }): Proposal => {
    const states = statesOf(plan.transitions, (id) => byId.get(id));
    const title = `Closes ${closes.length} gap${closes.length === 1 ? '' : 's'}: ${states.join(' → ')} in ${plan.subject.account}`;
    const rules = plan.transitions.flatMap((id) => byId.get(id)?.rules ?? []);
    const trace = planToTrace(plan, title, [...new Set(rules)].sort().concat('proposed'));
    return {
      title,
      closes,
      closesTransitions: closes.filter((k) => transitionGap.has(k)).map((k) => k.replace(/^transition:/, '')),
      lifecyclePath: plan.transitions,
      subject: plan.subject,
      trace,
      gherkin: print(trace),
    };
  });
  const problems = unreached.map(({ item, problem }): Proposal => ({
    title: `No scenario found for ${itemKey(item)}`,
    closes: [itemKey(item)],
    closesTransitions: item.kind === 'transition' ? [item.id] : [],
    lifecyclePath: [],
    problem,
  }));
  // coveringSet picks the plan closing the most first, so the order is already by gaps closed.
  return [...proposals, ...problems];
}
