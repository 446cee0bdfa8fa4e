import type { CheckSummary, CoverageData } from './coverage-data';

/**
 * What every renderer says about the runs behind a report and the checks that did not pass:
 * one wording, three renderers (text, Markdown, HTML).
 */

/** Checks whose latest run failed, had an undefined step, or was skipped. */
export function unsuccessfulChecks(data: Pick<CoverageData, 'checks'>): CheckSummary[] {
  return data.checks.filter((c) => c.status !== 'passed');
}

export function describeCheck(c: CheckSummary): string {
  return `${c.status}: ${c.source} "${c.name}"${c.file ? ` (${c.file})` : ''}`;
}

/** How the runs in the raw input were read, in one sentence. */
export function runsSentence(data: Pick<CoverageData, 'inputs'>): string {
  const runs = data.inputs.runs;
  if (runs.length === 0) return 'No run in the raw input.';
  if (runs.length === 1) return `One run: ${runs[0].id}.`;
  const older = runs.filter((r) => r.latestFor === 0);
  const partly = runs.filter((r) => r.latestFor > 0);
  return (
    `${runs.length} runs in the raw input; each check is read from its latest run (${partly.map((r) => `${r.id}: ${r.latestFor} checks`).join(', ')}). ` +
    `${data.inputs.supersededRecords} records of older runs of the same checks are listed, not merged` +
    (older.length > 0 ? ` (${older.map((r) => r.id).join(', ')} entirely superseded)` : '') +
    '; remove reports/out/raw to start afresh.'
  );
}
