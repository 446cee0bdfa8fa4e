import { COVERAGE_KINDS, KIND_LABELS } from './coverage-data';
import type { ReportData } from './report-data';
import { describeCheck, runsSentence, unsuccessfulChecks } from './runs';

/**
 * The Markdown summary: short enough for a CI job summary ($GITHUB_STEP_SUMMARY). The full
 * detail is in index.html and coverage.json.
 */

const LIST_LIMIT = 8;

/** Markdown-safe text in a table cell or list item. */
function md(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`<>[\]])/g, '\\$1').replace(/\n/g, ' ');
}

function list(items: readonly string[], more: string): string[] {
  const shown = items.slice(0, LIST_LIMIT).map((i) => `- \`${i.replace(/`/g, "'")}\``);
  if (items.length > LIST_LIMIT) shown.push(`- … and ${items.length - LIST_LIMIT} more ${more}`);
  return shown;
}

export function renderMarkdown(data: ReportData): string {
  const failing = data.thresholds.results.filter((r) => !r.ok);
  const unsuccessful = unsuccessfulChecks(data);
  const lines: string[] = [
    ...(unsuccessful.length > 0 ? [`## Checks: ❌ ${unsuccessful.length} did not pass`, '', ...list(unsuccessful.map(describeCheck), 'checks'), ''] : []),
    data.thresholds.ok && unsuccessful.length === 0
      ? '## Coverage: ✅ every kind meets its threshold'
      : failing.length > 0
      ? `## Coverage: ❌ below threshold: ${failing.map((r) => KIND_LABELS[r.kind]).join(', ')}`
      : '## Coverage: every kind meets its threshold, but not every check passed',
    '',
    '| Kind | Covered | Reachable | Unreachable | Covered / reachable | Minimum |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const kind of COVERAGE_KINDS) {
    const s = data.summary[kind];
    const r = data.thresholds.results.find((x) => x.kind === kind);
    lines.push(`| ${KIND_LABELS[kind]} | ${s.covered} | ${s.reachable} | ${s.unreachable} | ${r && !r.ok ? `**${s.percentage}%** ❌` : `${s.percentage}%`} | ${r?.minimum ?? 0}% |`);
  }
  const i = data.inputs;
  lines.push(
    '',
    `Inputs: ${i.records} records from ${i.rawFiles} raw files; scenarios ${i.scenarios.passed} passed, ${i.scenarios.failed} failed; ` +
      `properties ${i.properties.passed} passed, ${i.properties.failed} failed. Paths: up to ${data.relativeTo.maxPathLength} transitions from \`${data.relativeTo.initialState}\`.`,
    '',
    md(runsSentence(data)),
  );
  const uncovered = data.transitions.filter((t) => t.status === 'uncovered').map((t) => t.id);
  if (uncovered.length > 0) lines.push('', `**Uncovered transitions (${uncovered.length}):**`, ...list(uncovered, 'transitions'));
  const suspicious = data.transitions.filter((t) => t.suspicious).map((t) => t.id);
  if (suspicious.length > 0) lines.push('', `**Suspicious (the statechart allows, the world never takes, or unexplored) (${suspicious.length}):**`, ...list(suspicious, 'transitions'));
  const rulesOpen = [...data.rules, ...data.assumptions].filter((r) => r.status === 'uncovered').map((r) => r.id);
  if (rulesOpen.length > 0) lines.push('', `**IDs no scenario or property checks (${rulesOpen.length}):** ${rulesOpen.map(md).join(', ')}`);
  const vacuous = [...data.rules, ...data.assumptions].filter((r) => r.vacuous).map((r) => r.id);
  if (vacuous.length > 0) lines.push('', `**Checked vacuously: an invariant names them, no run reached their case (${vacuous.length}):** ${vacuous.map(md).join(', ')}`);
  const rulesFailing = [...data.rules, ...data.assumptions].filter((r) => r.result === 'failed').map((r) => r.id);
  if (rulesFailing.length > 0) lines.push('', `**IDs with a failing check (${rulesFailing.length}):** ${rulesFailing.map(md).join(', ')}`);
  const planned = data.proposals.filter((p) => p.gherkin).length;
  if (data.proposals.length > 0) {
    lines.push('', `${planned} proposed scenarios close the uncovered transitions, pairs and paths; they are in \`index.html\` (section Proposed scenarios).`);
  }
  return `${lines.join('\n')}\n`;
}
