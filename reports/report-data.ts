import type { CoverageData, CoverageKind } from './coverage-data';
import type { Proposal } from './proposals';
import type { ThresholdResult } from './threshold-check';

/** Everything the renderers get: the coverage model, the proposed scenarios and the threshold check. */
export interface ReportData extends CoverageData {
  readonly proposals: readonly Proposal[];
  readonly thresholds: {
    readonly file: string;
    readonly minimum: Readonly<Record<CoverageKind, number>>;
    readonly ok: boolean;
    readonly results: readonly ThresholdResult[];
  };
}
