import { COVERAGE_KINDS, KIND_LABELS } from './coverage-data';
import type { ReportData } from './report-data';
import { describeCheck, runsSentence, unsuccessfulChecks } from './runs';

/** The one-screen console summary printed by `npm run report` and `npm start`. */
export function renderTextSummary(data: ReportData, where?: string): string {
  const lines: string[] = [];
  const unsuccessful = unsuccessfulChecks(data);
  if (unsuccessful.length > 0) {
    lines.push(`  ✗ ${unsuccessful.length} check(s) did not pass:`);
    for (const c of unsuccessful.slice(0, 10)) lines.push(`    ${describeCheck(c)}`);
    if (unsuccessful.length > 10) lines.push(`    ... and ${unsuccessful.length - 10} more (see the report's Checks section)`);
  }
  const width = Math.max(...COVERAGE_KINDS.map((k) => KIND_LABELS[k].length));
  for (const kind of COVERAGE_KINDS) {
    const s = data.summary[kind];
    const r = data.thresholds.results.find((x) => x.kind === kind);
    const mark = r && !r.ok ? `✗ below ${r.minimum}%` : '✓';
    const extra = s.unreachable > 0 ? ` (${s.unreachable} unreachable)` : '';
    lines.push(`  ${KIND_LABELS[kind].padEnd(width)}  ${`${s.covered}/${s.reachable}`.padStart(9)}  ${`${s.percentage}%`.padStart(6)}  ${mark}${extra}`);
  }
  const i = data.inputs;
  lines.push(`  from ${i.records} records: scenarios ${i.scenarios.passed} passed, ${i.scenarios.failed} failed; properties ${i.properties.passed} passed, ${i.properties.failed} failed`);
  lines.push(`  ${runsSentence(data)}`);
  const uncovered = data.transitions.filter((t) => t.status === 'uncovered');
  for (const t of uncovered.slice(0, 5)) lines.push(`  uncovered: ${t.id}`);
  if (uncovered.length > 5) lines.push(`  ... and ${uncovered.length - 5} more uncovered transitions`);
  const suspicious = data.transitions.filter((t) => t.suspicious);
  for (const t of suspicious.slice(0, 3)) lines.push(`  suspicious: ${t.id}: ${t.suspicious}`);
  const open = [...data.rules, ...data.assumptions].filter((r) => r.status === 'uncovered').map((r) => r.id);
  if (open.length > 0) lines.push(`  IDs nothing checks: ${open.join(', ')}`);
  const vacuous = [...data.rules, ...data.assumptions].filter((r) => r.vacuous).map((r) => r.id);
  if (vacuous.length > 0) lines.push(`  checked vacuously (no run reached their case): ${vacuous.join(', ')}`);
  const failing = [...data.rules, ...data.assumptions].filter((r) => r.result === 'failed').map((r) => r.id);
  if (failing.length > 0) lines.push(`  IDs with a failing check: ${failing.join(', ')}`);
  if (data.proposals.length > 0) lines.push(`  ${data.proposals.filter((p) => p.gherkin).length} proposed scenarios for gaps (see the HTML report)`);
  if (where) lines.push(`  report: ${where}`);
  return `${lines.join('\n')}\n`;
}
