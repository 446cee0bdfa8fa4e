import { join, relative } from 'node:path';
import { findConfidential, redact } from '../model';
import { buildCoverage } from './coverage';
import { coverageDiagrams, renderDiagrams } from './diagram';
import { ExplorerInputError, explorerFilesIn, readExplorerFiles, type ExplorerReach } from './explorer';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { mergeRawDirectories } from './merge';
import { Planner } from '../planner/planner';
import { proposeScenarios, type GherkinPrinter } from './proposals';
import type { ReportData } from './report-data';
import { checkThresholds, readThresholds, type CheckOutcome } from './threshold-check';
import { computeTotals } from './totals';
import { reportTime } from '../io/clock';
import { stableJson, writeFileSet } from '../io/write';

/**
 * `npm run report`, as a function: merge raw coverage, build the coverage model, propose
 * scenarios for gaps, check thresholds, render JSON, HTML and Markdown, and write them all or
 * nothing. Every input error (raw, explorer, thresholds) is thrown before anything is written.
 */

export { DEFAULT_RAW_DIR } from '../io/recorder';
export const DEFAULT_OUT_DIR = join('reports', 'out');
const OUTPUT_FILES = ['coverage.json', 'index.html', 'summary.md'] as const;

export interface ReportOptions {
  readonly rawDirectories: readonly string[];
  readonly outDir: string;
  /** Overrides maxPathLength of the thresholds file. */
  readonly maxPathLength?: number;
  readonly thresholdsFile?: string;
  /** Explorer outputs; undefined reads `<outDir>/explorer.json` and `<outDir>/explorer/*.json` when they exist. */
  readonly explorerFiles?: readonly string[];
  /** Defaults to SOURCE_DATE_EPOCH when set, else the clock (io/clock.ts). */
  readonly now?: Date;
  /** Prints a proposed scenario's trace as Gherkin (the step library's `traceToGherkin`), passed in so reports need not know the step library. */
  readonly print: GherkinPrinter;
}

export interface BuiltReport {
  readonly data: ReportData;
  readonly check: CheckOutcome;
  readonly outputs: readonly { readonly name: (typeof OUTPUT_FILES)[number]; readonly content: string }[];
  /** Inputs skipped (stale explorer output found next to the report). */
  readonly warnings: readonly string[];
}

export class ConfidentialOutputError extends Error {
  constructor(file: string, count: number) {
    super(`report: ${file} would contain ${count} value(s) that look like an Application ID or secret; nothing was written (AUTH-08)`);
    this.name = 'ConfidentialOutputError';
  }
}

/** Builds the report in memory; nothing is written. */
export async function buildReport(options: ReportOptions): Promise<BuiltReport> {
  const thresholds = readThresholds(options.thresholdsFile);
  const totals = computeTotals({ maxPathLength: options.maxPathLength ?? thresholds.maxPathLength });
  const known = new Set(totals.transitions.map((t) => t.id));
  const merged = mergeRawDirectories(options.rawDirectories, known);
  // Explorer files named on the command line must be right; ones found next to the report may
  // be stale (from an earlier model) and are skipped with a warning instead.
  const warnings: string[] = [];
  let explorer: ExplorerReach[] | undefined;
  if (options.explorerFiles) {
    explorer = options.explorerFiles.length > 0 ? readExplorerFiles(options.explorerFiles, known) : undefined;
  } else {
    const found: ExplorerReach[] = [];
    for (const file of explorerFilesIn(options.outDir)) {
      try {
        found.push(...readExplorerFiles([file], known));
      } catch (e) {
        if (!(e instanceof ExplorerInputError)) throw e;
        warnings.push(`explorer output skipped: ${e.message}`);
      }
    }
    explorer = found.length > 0 ? found : undefined;
  }
  const planner = new Planner(totals.maxPathLength);

  const coverage = buildCoverage({
    totals,
    merged,
    rawDirectories: options.rawDirectories,
    rawFiles: merged.files.length,
    ...(explorer ? { explorer } : {}),
    judge: planner,
    now: options.now ?? reportTime(),
  });
  const check = checkThresholds(coverage.summary, thresholds, coverage.checks, [...coverage.rules, ...coverage.assumptions]);
  const proposals = proposeScenarios(coverage, planner, options.print);
  // Names come from people and generators: anything that looks confidential is redacted (AUTH-08).
  const data: ReportData = redact({
    ...coverage,
    proposals,
    thresholds: { file: relative(process.cwd(), thresholds.file) || thresholds.file, minimum: thresholds.minimum, ok: check.ok, results: check.results },
  });

  const diagrams = await renderDiagrams(coverageDiagrams(data.states, data.transitions, totals.initial));
  const outputs = [
    { name: 'coverage.json' as const, content: stableJson(data) },
    { name: 'index.html' as const, content: renderHtml(data, diagrams) },
    { name: 'summary.md' as const, content: renderMarkdown(data) },
  ];
  refuseConfidential(outputs);
  return { data, check, outputs, warnings };
}

/** The last guard before writing (AUTH-08): throws when any output still holds a confidential-looking value. */
export function refuseConfidential(outputs: readonly { readonly name: string; readonly content: string }[]): void {
  for (const o of outputs) {
    const found = findConfidential(o.content);
    if (found.length > 0) throw new ConfidentialOutputError(o.name, found.length);
  }
}

/** Builds the report and writes coverage.json, index.html and summary.md to the output directory, all or nothing. */
export async function runReport(options: ReportOptions): Promise<BuiltReport & { readonly files: readonly string[] }> {
  const built = await buildReport(options);
  const files = writeFileSet(options.outDir, built.outputs);
  return { ...built, files };
}
