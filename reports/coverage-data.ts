import type { CheckStatus } from '../io/recorder';
import type { RunSummary } from './merge';

/**
 * The coverage model's schema: what coverage.json holds (formatVersion 1) and every renderer
 * reads. The builders are in coverage.ts; this file has no logic.
 */

export const FORMAT_VERSION = 2;

export const COVERAGE_KINDS = ['states', 'transitions', 'transitionPairs', 'paths', 'rules', 'assumptions'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

export const KIND_LABELS = {
  states: 'States',
  transitions: 'Transitions',
  transitionPairs: 'Transition pairs',
  paths: 'Lifecycle paths',
  rules: 'Rules',
  assumptions: 'Assumptions and facts',
} as const satisfies Record<CoverageKind, string>;

export type ItemStatus = 'covered' | 'uncovered' | 'unreachable';

export interface KindSummary {
  readonly total: number;
  readonly reachable: number;
  readonly unreachable: number;
  readonly covered: number;
  readonly uncovered: number;
  /** covered / reachable, in percent, one decimal; 100 when nothing is reachable. */
  readonly percentage: number;
}

export interface CoveredBy {
  readonly scenarios: readonly string[];
  readonly properties: readonly string[];
  readonly explorer: readonly string[];
}

export interface StateCoverage {
  readonly id: string;
  readonly status: ItemStatus;
  readonly coveredBy: CoveredBy;
  readonly unreachableBecause?: string;
}

export interface TransitionCoverage {
  readonly id: string;
  readonly from: string;
  readonly event: string;
  readonly guard: string | null;
  readonly to: string;
  readonly rules: readonly string[];
  readonly declaredOn: string;
  readonly status: ItemStatus;
  readonly coveredBy: CoveredBy;
  /** Checks that took it in the record's owner account, and in an account where it is installed. */
  readonly accounts: { readonly owner: number; readonly installed: number };
  /** Explorer configurations that reached it (when explorer output was given). */
  readonly explorer?: readonly string[];
  readonly unreachableBecause?: string;
  /** Why this item deserves a look: the statechart allows it but the world never takes it, or covered though unexplored. */
  readonly suspicious?: string;
}

export interface ChainCoverage {
  readonly id: string;
  readonly transitions: readonly string[];
  readonly status: ItemStatus;
  readonly coveredBy: CoveredBy;
  readonly unreachableBecause?: string;
}

export type CheckResult = 'passed' | 'failed' | 'not run';

export interface RuleRow {
  readonly id: string;
  readonly area: string;
  readonly text: string;
  readonly status: Exclude<ItemStatus, 'unreachable'>;
  readonly result: CheckResult;
  readonly scenarios: readonly string[];
  readonly properties: readonly string[];
  /** Statechart transitions that implement the rule (transition meta). */
  readonly transitions: readonly string[];
  /** How often the world refused something by this rule in the runs. */
  readonly refusals: number;
  /** The invariants that check it (from the property and explorer runs' evidence). */
  readonly checkedBy: readonly string[];
  /**
   * Steps of the property and explorer runs that reached the rule's interesting case (for
   * AUTH-03: token-based requests that carried an Application ID), and how many of those ended as
   * the rule says. Undefined when no run recorded evidence for it.
   */
  readonly evidence?: { readonly reached: number; readonly held: number };
  /** An invariant names it, but no run reached its interesting case: checked vacuously. */
  readonly vacuous: boolean;
}

export interface CheckSummary {
  readonly source: string;
  readonly name: string;
  readonly file?: string;
  readonly status: CheckStatus;
  /** The run its result comes from (the latest run that has this check). */
  readonly run: string;
  readonly transitions: number;
  readonly rules: readonly string[];
}

export interface CheckCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly undefined: number;
}

export interface CoverageData {
  readonly formatVersion: number;
  readonly generatedAt: string;
  /** What the totals are relative to. */
  readonly relativeTo: {
    readonly statechart: string;
    readonly initialState: string;
    readonly maxPathLength: number;
    readonly pathsAre: string;
    readonly explorerConfigurations: readonly string[] | null;
  };
  readonly inputs: {
    readonly rawDirectories: readonly string[];
    readonly rawFiles: number;
    /** Records merged: those of each check's latest run. */
    readonly records: number;
    /** Records of older runs of the same checks: listed under runs, not merged. */
    readonly supersededRecords: number;
    /** Every run in the raw input, newest first. */
    readonly runs: readonly RunSummary[];
    readonly scenarios: CheckCounts;
    readonly properties: CheckCounts;
  };
  readonly summary: Readonly<Record<CoverageKind, KindSummary>>;
  readonly states: readonly StateCoverage[];
  readonly transitions: readonly TransitionCoverage[];
  readonly transitionPairs: readonly ChainCoverage[];
  readonly paths: readonly ChainCoverage[];
  readonly rules: readonly RuleRow[];
  readonly assumptions: readonly RuleRow[];
  /** Outcome kinds and refusing rules seen across every check, counted. */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly checks: readonly CheckSummary[];
}
