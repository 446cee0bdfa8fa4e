import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COVERAGE_KINDS, KIND_LABELS, type CoverageKind, type KindSummary } from './coverage';
import { isMaxPathLength, MAX_PATH_LENGTH_RULE } from './totals';

/** The one configuration file of coverage thresholds (reports/thresholds.json) and the check against it. */

export const DEFAULT_THRESHOLDS_FILE = join(__dirname, 'thresholds.json');

export interface Thresholds {
  readonly file: string;
  readonly maxPathLength: number;
  readonly minimum: Readonly<Record<CoverageKind, number>>;
}

export class ThresholdsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThresholdsError';
  }
}

export function parseThresholds(text: string, file: string): Thresholds {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ThresholdsError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ThresholdsError(`${file}: Invalid value: should be an object { "maxPathLength": n, "minimum": { ${COVERAGE_KINDS.join(', ')} } }`);
  }
  const { maxPathLength, minimum } = value as { maxPathLength?: unknown; minimum?: unknown };
  if (!isMaxPathLength(maxPathLength)) {
    throw new ThresholdsError(`${file}: maxPathLength: Invalid value ${JSON.stringify(maxPathLength)}: should be ${MAX_PATH_LENGTH_RULE}`);
  }
  if (typeof minimum !== 'object' || minimum === null || Array.isArray(minimum)) {
    throw new ThresholdsError(`${file}: minimum: Invalid value: should be an object with a percentage for each of ${COVERAGE_KINDS.join(', ')}`);
  }
  const given = minimum as Record<string, unknown>;
  const unknown = Object.keys(given).filter((k) => !(COVERAGE_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new ThresholdsError(`${file}: minimum.${unknown[0]}: unknown coverage kind: should be one of ${COVERAGE_KINDS.join(', ')}`);
  const out = {} as Record<CoverageKind, number>;
  for (const kind of COVERAGE_KINDS) {
    const v = given[kind];
    if (typeof v !== 'number' || !(v >= 0 && v <= 100)) {
      throw new ThresholdsError(`${file}: minimum.${kind}: Invalid value ${JSON.stringify(v)}: should be a percentage from 0 to 100`);
    }
    out[kind] = v;
  }
  return { file, maxPathLength, minimum: out };
}

export function readThresholds(file = DEFAULT_THRESHOLDS_FILE): Thresholds {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ThresholdsError(`${file}: cannot read the thresholds file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseThresholds(text, file);
}

export interface ThresholdResult {
  readonly kind: CoverageKind;
  readonly percentage: number;
  readonly minimum: number;
  readonly ok: boolean;
}

export interface CheckOutcome {
  readonly ok: boolean;
  readonly results: readonly ThresholdResult[];
  readonly failing: readonly ThresholdResult[];
}

export function checkThresholds(summary: Readonly<Record<CoverageKind, KindSummary>>, thresholds: Thresholds): CheckOutcome {
  const results = COVERAGE_KINDS.map((kind) => {
    const percentage = summary[kind].percentage;
    const minimum = thresholds.minimum[kind];
    return { kind, percentage, minimum, ok: percentage >= minimum };
  });
  const failing = results.filter((r) => !r.ok);
  return { ok: failing.length === 0, results, failing };
}

/** One line per failing kind, e.g. `Transitions: 97.2% is below the minimum 100%`. */
export function describeFailures(outcome: CheckOutcome): string[] {
  return outcome.failing.map((r) => `${KIND_LABELS[r.kind]} (${r.kind}): ${r.percentage}% is below the minimum ${r.minimum}%`);
}
