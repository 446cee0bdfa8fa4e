import { relative, resolve } from 'node:path';
import { parseCommandLine, UsageError } from '../io/args';
import { SourceDateEpochError } from '../io/clock';
import { traceToGherkin } from '../scenarios/gherkin';
import { KIND_LABELS } from './coverage-data';
import { ExplorerInputError } from './explorer';
import { RawInputError } from './merge';
import { ConfidentialOutputError, DEFAULT_OUT_DIR, DEFAULT_RAW_DIR, runReport, type ReportOptions } from './report';
import { renderTextSummary } from './text-summary';
import { describeFailures, describeThinEvidence, describeUnsuccessful, ThresholdsError } from './threshold-check';
import { isMaxPathLength, MAX_PATH_LENGTH_LIMIT, MAX_PATH_LENGTH_RULE } from './totals';

/**
 * npm run report [-- options]
 *
 *   --raw DIR              raw coverage directory (repeatable, e.g. one per CI shard); default reports/out/raw
 *   --out DIR              where coverage.json, index.html and summary.md go; default reports/out
 *   --check                exit 1 when a coverage kind is below its threshold (reports/thresholds.json)
 *   --max-path-length N    longest lifecycle path counted (1 to 4); default from the thresholds file
 *   --thresholds FILE      another thresholds file
 *   --explorer FILE        explorer output (repeatable); default <out>/explorer.json and <out>/explorer/*.json
 *   --no-explorer          ignore explorer output
 *
 * Exit codes: 0 written (and thresholds met with --check); 1 below thresholds with --check;
 * 2 bad option or unusable input (nothing written).
 */

export const USAGE = `usage: npm run report -- [--raw DIR]... [--out DIR] [--check] [--max-path-length N] [--thresholds FILE] [--explorer FILE]... [--no-explorer]
  --raw DIR              raw coverage directory, repeatable (one per CI shard); default ${DEFAULT_RAW_DIR}
  --out DIR              output directory for coverage.json, index.html, summary.md; default ${DEFAULT_OUT_DIR}
  --check                exit 1 naming every coverage kind below its threshold
  --max-path-length N    longest lifecycle path counted, 1 to ${MAX_PATH_LENGTH_LIMIT}; default from the thresholds file
  --thresholds FILE      thresholds file; default reports/thresholds.json
  --explorer FILE        explorer output, repeatable; default <out>/explorer.json and <out>/explorer/*.json
  --no-explorer          ignore explorer output`;

export { UsageError };

export interface CliOptions {
  readonly report: ReportOptions;
  readonly check: boolean;
  readonly help: boolean;
}

const OPTIONS = {
  raw: { type: 'string', multiple: true },
  out: { type: 'string', multiple: true },
  'max-path-length': { type: 'string' },
  thresholds: { type: 'string' },
  explorer: { type: 'string', multiple: true },
  check: { type: 'boolean' },
  'no-explorer': { type: 'boolean' },
} as const;

/** Parses the command line; throws UsageError with a message saying what to write instead. */
export function parseArgs(args: readonly string[]): CliOptions {
  const { values, help } = parseCommandLine(args, OPTIONS);
  const raw = values.raw ?? [];
  const explorer = values.explorer ?? [];
  if ((values.out?.length ?? 0) > 1) throw new UsageError('--out given twice: should be one output directory');
  const out = values.out?.[0];
  let maxPathLength: number | undefined;
  const length = values['max-path-length'];
  if (length !== undefined) {
    const n = /^\d+$/.test(length) ? Number(length) : Number.NaN;
    if (!isMaxPathLength(n)) throw new UsageError(`--max-path-length: Invalid value "${length}": should be ${MAX_PATH_LENGTH_RULE}`);
    maxPathLength = n;
  }
  const noExplorer = values['no-explorer'] === true;
  if (noExplorer && explorer.length > 0) throw new UsageError('--no-explorer and --explorer contradict each other: give one');
  return {
    check: values.check === true,
    help,
    report: {
      rawDirectories: raw.length > 0 ? raw : [DEFAULT_RAW_DIR],
      outDir: out ?? DEFAULT_OUT_DIR,
      print: traceToGherkin,
      ...(maxPathLength !== undefined ? { maxPathLength } : {}),
      ...(values.thresholds !== undefined ? { thresholdsFile: values.thresholds } : {}),
      ...(noExplorer ? { explorerFiles: [] } : explorer.length > 0 ? { explorerFiles: explorer } : {}),
    },
  };
}

/** A path as the user would type it: relative when under the working directory. */
function shown(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : resolve(path);
}

const INPUT_ERRORS = [RawInputError, ExplorerInputError, ThresholdsError, ConfidentialOutputError, SourceDateEpochError];

export async function main(args: readonly string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`report: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  let result;
  try {
    result = await runReport(options.report);
  } catch (e) {
    if (INPUT_ERRORS.some((E) => e instanceof E)) {
      err.write(`report: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
  for (const w of result.warnings) err.write(`report: ${w}\n`);
  const html = result.files.find((f) => f.endsWith('index.html')) ?? '';
  out.write(`Coverage report written: ${result.files.map(shown).join(', ')}\n`);
  out.write(renderTextSummary(result.data, html ? `file://${resolve(html)}` : undefined));
  if (options.check) {
    if (!result.check.ok) {
      if (result.check.unsuccessful.length > 0) {
        err.write(`report --check: ${result.check.unsuccessful.length} check(s) did not pass:\n`);
        for (const line of describeUnsuccessful(result.check)) err.write(`  ${line}\n`);
      }
      if (result.check.thinEvidence.length > 0) {
        err.write(`report --check: ${result.check.thinEvidence.length} rule(s) with too little evidence:\n`);
        for (const line of describeThinEvidence(result.check)) err.write(`  ${line}\n`);
      }
      if (result.check.failing.length > 0) {
        err.write(`report --check: coverage below threshold in ${result.check.failing.map((r) => r.kind).join(', ')}:\n`);
        for (const line of describeFailures(result.check)) err.write(`  ${line}\n`);
      }
      return 1;
    }
    out.write(`report --check: every check passed and every kind meets its threshold (${result.check.results.map((r) => `${KIND_LABELS[r.kind]} ≥ ${r.minimum}%`).join(', ')})\n`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`report: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
