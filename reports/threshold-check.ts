import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fieldPath, JsonTextError, parseJsonText } from '../model';
import { COVERAGE_KINDS, KIND_LABELS, type CheckSummary, type CoverageKind, type KindSummary, type RuleRow } from './coverage-data';
import { isMaxPathLength, MAX_PATH_LENGTH_RULE } from './totals';

/** The one configuration file of coverage thresholds (reports/thresholds.json) and the check against it. */

const DEFAULT_THRESHOLDS_FILE = join(__dirname, 'thresholds.json');

export interface Thresholds {
  readonly file: string;
  readonly maxPathLength: number;
  readonly minimum: Readonly<Record<CoverageKind, number>>;
  /** Fewest steps that must reach each rule's interesting case, for rules with evidence (0: not checked). */
  readonly minimumEvidence: number;
}

export class ThresholdsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThresholdsError';
  }
}

const percentage = z.number({ error: (iss) => `Invalid value ${JSON.stringify(iss.input)}: should be a percentage from 0 to 100` }).min(0, { error: (iss) => `Invalid value ${JSON.stringify(iss.input)}: should be a percentage from 0 to 100` }).max(100, { error: (iss) => `Invalid value ${JSON.stringify(iss.input)}: should be a percentage from 0 to 100` });

const ThresholdsSchema = z.object(
  {
    maxPathLength: z.unknown().refine(isMaxPathLength, { error: (iss) => `Invalid value ${JSON.stringify(iss.input)}: should be ${MAX_PATH_LENGTH_RULE}` }),
    minimumEvidence: z.int({ error: (iss) => `Invalid value ${JSON.stringify(iss.input)}: should be a whole number of steps (0 turns the check off)` }).min(0, { error: (iss) => `Invalid value ${JSON.stringify(iss.input)}: should be a whole number of steps (0 turns the check off)` }).optional(),
    minimum: z.strictObject(Object.fromEntries(COVERAGE_KINDS.map((k) => [k, percentage])) as Record<CoverageKind, typeof percentage>, {
      error: (iss) =>
        iss.code === 'unrecognized_keys' ? `unknown coverage kind "${iss.keys[0]}": should be one of ${COVERAGE_KINDS.join(', ')}` : `Invalid value: should be an object with a percentage for each of ${COVERAGE_KINDS.join(', ')}`,
    }),
  },
  { error: `Invalid value: should be an object { "maxPathLength": n, "minimum": { ${COVERAGE_KINDS.join(', ')} } }` },
);

export function parseThresholds(text: string, file: string): Thresholds {
  let value: unknown;
  try {
    value = parseJsonText(text, file);
  } catch (e) {
    if (e instanceof JsonTextError) throw new ThresholdsError(e.message);
    throw e;
  }
  const parsed = ThresholdsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // An unknown kind is reported at its own key, as a user would look for it.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    throw new ThresholdsError(`${file}: ${fieldPath(path)}: ${issue.message}`);
  }
  return { file, maxPathLength: parsed.data.maxPathLength as number, minimum: parsed.data.minimum, minimumEvidence: parsed.data.minimumEvidence ?? 0 };
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
  /** Every kind meets its threshold and every check passed. */
  readonly ok: boolean;
  readonly results: readonly ThresholdResult[];
  /** Kinds below their threshold. */
  readonly failing: readonly ThresholdResult[];
  /** Checks (of their latest run) that failed, had an undefined step, or were skipped. */
  readonly unsuccessful: readonly CheckSummary[];
  /** Rules whose interesting case fewer steps reached than the minimum (vacuous when none). */
  readonly thinEvidence: readonly { readonly id: string; readonly reached: number; readonly minimum: number }[];
}

export function checkThresholds(summary: Readonly<Record<CoverageKind, KindSummary>>, thresholds: Thresholds, checks: readonly CheckSummary[], rules: readonly RuleRow[] = []): CheckOutcome {
  const results = COVERAGE_KINDS.map((kind) => {
    const percentage = summary[kind].percentage;
    const minimum = thresholds.minimum[kind];
    return { kind, percentage, minimum, ok: percentage >= minimum };
  });
  const failing = results.filter((r) => !r.ok);
  const unsuccessful = checks.filter((c) => c.status !== 'passed');
  const minimum = thresholds.minimumEvidence;
  const thinEvidence = minimum === 0 ? [] : rules.flatMap((r) => (r.evidence && r.evidence.reached < minimum ? [{ id: r.id, reached: r.evidence.reached, minimum }] : []));
  return { ok: failing.length === 0 && unsuccessful.length === 0 && thinEvidence.length === 0, results, failing, unsuccessful, thinEvidence };
}

/** One line per failing kind, e.g. `Transitions: 97.2% is below the minimum 100%`. */
export function describeFailures(outcome: CheckOutcome): string[] {
  return outcome.failing.map((r) => `${KIND_LABELS[r.kind]} (${r.kind}): ${r.percentage}% is below the minimum ${r.minimum}%`);
}

/** One line per rule with too little evidence, e.g. `AUTH-03: 0 steps reached its case (minimum 1): checked vacuously`. */
export function describeThinEvidence(outcome: CheckOutcome): string[] {
  return outcome.thinEvidence.map((r) => `${r.id}: ${r.reached} step(s) reached its case (minimum ${r.minimum})${r.reached === 0 ? ': checked vacuously' : ''}`);
}

/** One line per check that did not pass, e.g. `failed: scenario "A blocked record is unblocked" (features/stories.feature), run 20261130T...`. */
export function describeUnsuccessful(outcome: CheckOutcome): string[] {
  return outcome.unsuccessful.map((c) => `${c.status}: ${c.source} "${c.name}"${c.file ? ` (${c.file})` : ''}, run ${c.run}`);
}
