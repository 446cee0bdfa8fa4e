import { COVERAGE_KINDS, type CheckSummary, type CoverageKind, type RuleRow, type TransitionCoverage } from './coverage-data';
import type { ReportData } from './report-data';
import type { ThresholdResult } from './threshold-check';
import { unsuccessfulChecks } from './runs';

/**
 * What needs a person's attention in a report, counted: the first screen of index.html. Checks
 * that did not pass (their latest run failed, had an undefined step or was skipped), rules and
 * IDs checked vacuously (an invariant names them, no run reached their case), uncovered items of
 * each kind, kinds below their threshold, suspicious transitions, IDs with a failing check.
 */

export interface Attention {
  readonly unsuccessful: readonly CheckSummary[];
  readonly unsuccessfulByStatus: { readonly failed: number; readonly undefined: number; readonly skipped: number };
  /** Rule, ASM and FACT rows checked vacuously. */
  readonly vacuous: readonly RuleRow[];
  readonly uncovered: Readonly<Record<CoverageKind, number>>;
  readonly uncoveredTotal: number;
  readonly belowThreshold: readonly ThresholdResult[];
  readonly suspicious: readonly TransitionCoverage[];
  /** Rule, ASM and FACT rows with a failing check. */
  readonly failingIds: readonly RuleRow[];
  /** Proposed scenarios with a scenario (the planner found one). */
  readonly proposals: number;
  /** Nothing above needs attention. */
  readonly clear: boolean;
}

export function attentionOf(data: ReportData): Attention {
  const unsuccessful = unsuccessfulChecks(data);
  const count = (status: string): number => unsuccessful.filter((c) => c.status === status).length;
  const ids = [...data.rules, ...data.assumptions];
  const uncovered = Object.fromEntries(COVERAGE_KINDS.map((k) => [k, data.summary[k].uncovered])) as Record<CoverageKind, number>;
  const uncoveredTotal = COVERAGE_KINDS.reduce((n, k) => n + uncovered[k], 0);
  const vacuous = ids.filter((r) => r.vacuous);
  const belowThreshold = data.thresholds.results.filter((r) => !r.ok);
  const suspicious = data.transitions.filter((t) => t.suspicious !== undefined);
  const failingIds = ids.filter((r) => r.result === 'failed');
  return {
    unsuccessful,
    unsuccessfulByStatus: { failed: count('failed'), undefined: count('undefined'), skipped: count('skipped') },
    vacuous,
    uncovered,
    uncoveredTotal,
    belowThreshold,
    suspicious,
    failingIds,
    proposals: data.proposals.filter((p) => p.gherkin).length,
    clear: unsuccessful.length === 0 && vacuous.length === 0 && uncoveredTotal === 0 && belowThreshold.length === 0 && failingIds.length === 0,
  };
}
