import type { Trace } from '../model';
import type { CoverageData } from './coverage-data';
import type { Judge } from './coverage';
import { planToTrace, type PlanResult } from '../planner/planner';

/**
 * Gaps turned into work: for every uncovered transition and lifecycle path, a Gherkin scenario
 * that reaches it by the shortest plan the planner finds, printed in the step library's own
 * phrases (scenarios/gherkin.ts), ready to paste into a feature file.
 */

export interface Proposal {
  readonly kind: 'transition' | 'path';
  /** The uncovered item's id. */
  readonly target: string;
  /** The lifecycle path the scenario walks (statechart transition ids). */
  readonly lifecyclePath: readonly string[];
  /** The installation the scenario moves. */
  readonly subject?: { readonly account: string; readonly record: string };
  readonly trace?: Trace;
  readonly gherkin?: string;
  /** Why no scenario is proposed (the planner found none within its limits). */
  readonly problem?: string;
}

export type GherkinPrinter = (trace: Trace) => string;

function proposal(kind: Proposal['kind'], target: string, result: PlanResult, rules: readonly string[], print: GherkinPrinter): Proposal {
  if (!result.ok) return { kind, target, lifecyclePath: [], problem: result.problem };
  const title = kind === 'transition' ? `Takes ${target}` : `Walks ${target}`;
  const trace = planToTrace(result.plan, title, [...new Set(rules)].sort().concat('proposed'));
  return { kind, target, lifecyclePath: result.plan.transitions, subject: result.plan.subject, trace, gherkin: print(trace) };
}

/** Proposals for the uncovered (reachable) transitions first, then the uncovered paths, in statechart order. */
export function proposeScenarios(data: CoverageData, judge: Judge, print: GherkinPrinter): Proposal[] {
  const rulesOf = new Map(data.transitions.map((t) => [t.id, t.rules]));
  const out: Proposal[] = [];
  for (const t of data.transitions) {
    if (t.status === 'uncovered') out.push(proposal('transition', t.id, judge.transition(t.id), t.rules, print));
  }
  for (const p of data.paths) {
    if (p.status === 'uncovered') {
      out.push(proposal('path', p.id, judge.path(p.transitions), p.transitions.flatMap((id) => rulesOf.get(id) ?? []), print));
    }
  }
  return out;
}
