import { relative, resolve } from 'node:path';
import { KIND_LABELS } from './coverage';
import { ExplorerInputError } from './explorer';
import { RawInputError } from './merge';
import { ConfidentialOutputError, DEFAULT_OUT_DIR, DEFAULT_RAW_DIR, runReport, type ReportOptions } from './report';
import { renderTextSummary } from './text-summary';
import { describeFailures, ThresholdsError } from './threshold-check';
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

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliOptions {
  readonly report: ReportOptions;
  readonly check: boolean;
  readonly help: boolean;
}

const VALUE_OPTIONS = ['--raw', '--out', '--max-path-length', '--thresholds', '--explorer'] as const;
const FLAG_OPTIONS = ['--check', '--no-explorer', '--help', '-h'] as const;

/** Parses the command line; throws UsageError with a message saying what to write instead. */
export function parseArgs(args: readonly string[]): CliOptions {
  const raw: string[] = [];
  const explorer: string[] = [];
  let out: string | undefined;
  let maxPathLength: number | undefined;
  let thresholdsFile: string | undefined;
  let check = false;
  let noExplorer = false;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value (got "${arg}")`);
      if (name === '--check') check = true;
      else if (name === '--no-explorer') noExplorer = true;
      else help = true;
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown ${arg.startsWith('-') ? 'option' : 'argument'} "${arg}": should be one of ${[...VALUE_OPTIONS, ...FLAG_OPTIONS.slice(0, 2)].join(', ')}`);
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value${name === '--max-path-length' ? ' (a whole number)' : ''}`);
      i++;
    }
    if (value === '') throw new UsageError(`${name}: Invalid value "": should not be empty`);
    switch (name) {
      case '--raw': raw.push(value); break;
      case '--explorer': explorer.push(value); break;
      case '--out':
        if (out !== undefined) throw new UsageError('--out given twice: should be one output directory');
        out = value;
        break;
      case '--thresholds': thresholdsFile = value; break;
      case '--max-path-length': {
        const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
        if (!isMaxPathLength(n)) throw new UsageError(`--max-path-length: Invalid value "${value}": should be ${MAX_PATH_LENGTH_RULE}`);
        maxPathLength = n;
        break;
      }
    }
  }
  if (noExplorer && explorer.length > 0) throw new UsageError('--no-explorer and --explorer contradict each other: give one');
  return {
    check,
    help,
    report: {
      rawDirectories: raw.length > 0 ? raw : [DEFAULT_RAW_DIR],
      outDir: out ?? DEFAULT_OUT_DIR,
      ...(maxPathLength !== undefined ? { maxPathLength } : {}),
      ...(thresholdsFile !== undefined ? { thresholdsFile } : {}),
      ...(noExplorer ? { explorerFiles: [] } : explorer.length > 0 ? { explorerFiles: explorer } : {}),
    },
  };
}

/** A path as the user would type it: relative when under the working directory. */
function shown(path: string): string {
  const r = relative(process.cwd(), path);
  return r && !r.startsWith('..') ? r : resolve(path);
}

const INPUT_ERRORS = [RawInputError, ExplorerInputError, ThresholdsError, ConfidentialOutputError];

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
      err.write(`report --check: coverage below threshold in ${result.check.failing.map((r) => r.kind).join(', ')}:\n`);
      for (const line of describeFailures(result.check)) err.write(`  ${line}\n`);
      return 1;
    }
    out.write(`report --check: every kind meets its threshold (${result.check.results.map((r) => `${KIND_LABELS[r.kind]} ≥ ${r.minimum}%`).join(', ')})\n`);
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
