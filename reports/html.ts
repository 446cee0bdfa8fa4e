import { COVERAGE_KINDS, KIND_LABELS, type ChainCoverage, type CoveredBy, type ItemStatus, type RuleRow } from './coverage-data';
import { STATUS_STYLE } from './diagram';
import type { ReportData } from './report-data';
import { runsSentence } from './runs';

/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script, no external
 * resource), a pure function of the report data and the rendered diagram. Every value from the
 * data is escaped. Numbers carry `data-kind` / `data-field` attributes so a browser test can
 * read them back and compare with coverage.json.
 */

export function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
:root { --ok: #1a7f37; --bad: #cf222e; --dim: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #1f2328; background: #fff; }
header, main { max-width: 1300px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 20px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
p.meta { color: var(--dim); margin: 2px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: #f6f8fa; padding: 10px; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
.status { font-weight: 600; white-space: nowrap; }
.covered, .passed, .ok { color: var(--ok); }
.uncovered, .failed, .below { color: var(--bad); }
.unreachable, .not-run, .skipped { color: var(--dim); }
.verdict { font-size: 16px; font-weight: 600; padding: 8px 12px; border-radius: 6px; display: inline-block; margin: 8px 0; }
.verdict.ok { background: #dafbe1; }
.verdict.below { background: #ffebe9; }
.diagram { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.diagram svg { max-width: 100%; height: auto; }
.legend span { margin-right: 18px; white-space: nowrap; }
details > summary { cursor: pointer; }
nav a { margin-right: 12px; }
small { color: var(--dim); }
`;

const STATUS_TEXT = {
  covered: '✓ covered',
  uncovered: '✗ uncovered',
  unreachable: '∅ unreachable',
} as const satisfies Record<ItemStatus, string>;

function status(s: ItemStatus): string {
  return `<span class="status ${s}">${STATUS_TEXT[s]}</span>`;
}

function names(list: readonly string[], noun: string): string {
  if (list.length === 0) return '';
  if (list.length <= 3) return list.map((n) => `<div>${esc(n)}</div>`).join('');
  return `<details><summary>${list.length} ${noun}</summary>${list.map((n) => `<div>${esc(n)}</div>`).join('')}</details>`;
}

function coveredBy(c: CoveredBy): string {
  return `<td>${names(c.scenarios, 'scenarios')}</td><td>${names(c.properties, 'properties')}</td>`;
}

function summaryTable(data: ReportData): string {
  const rows = COVERAGE_KINDS.map((kind) => {
    const s = data.summary[kind];
    const r = data.thresholds.results.find((x) => x.kind === kind);
    const ok = r?.ok ?? true;
    return `<tr data-kind="${kind}"><th><a href="#${kind}">${esc(KIND_LABELS[kind])}</a></th>` +
      `<td class="num" data-field="total">${s.total}</td><td class="num" data-field="reachable">${s.reachable}</td>` +
      `<td class="num" data-field="unreachable">${s.unreachable}</td><td class="num" data-field="covered">${s.covered}</td>` +
      `<td class="num" data-field="uncovered">${s.uncovered}</td><td class="num" data-field="percentage">${s.percentage}%</td>` +
      `<td class="num" data-field="minimum">${r?.minimum ?? 0}%</td><td class="${ok ? 'ok' : 'below'}">${ok ? '✓ met' : '✗ below'}</td></tr>`;
  });
  return `<table id="summary"><thead><tr><th>Kind</th><th class="num">Total</th><th class="num">Reachable</th><th class="num">Unreachable</th>` +
    `<th class="num">Covered</th><th class="num">Uncovered</th><th class="num">Covered / reachable</th><th class="num">Minimum</th><th>Threshold</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`;
}

function statesTable(data: ReportData): string {
  const rows = data.states.map((s) => `<tr data-item="${esc(s.id)}"><td><code>${esc(s.id)}</code></td><td>${status(s.status)}${s.unreachableBecause ? `<br><small>${esc(s.unreachableBecause)}</small>` : ''}</td>${coveredBy(s.coveredBy)}</tr>`);
  return `<table><thead><tr><th>State</th><th>Status</th><th>Scenarios</th><th>Properties</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function transitionsTable(data: ReportData): string {
  const rows = data.transitions.map((t) => {
    const notes = [t.unreachableBecause, t.suspicious ? `⚠ suspicious: ${t.suspicious}` : undefined].filter((n): n is string => n !== undefined);
    return `<tr data-item="${esc(t.id)}"><td><code>${esc(t.id)}</code></td><td>${t.rules.map(esc).join(', ')}</td>` +
      `<td>${status(t.status)}${notes.map((n) => `<br><small>${esc(n)}</small>`).join('')}</td>${coveredBy(t.coveredBy)}` +
      `<td class="num">${t.accounts.owner}</td><td class="num">${t.accounts.installed}</td></tr>`;
  });
  return `<table><thead><tr><th>Transition</th><th>Rules</th><th>Status</th><th>Scenarios</th><th>Properties</th>` +
    `<th class="num" title="checks that took it in the record's owner account">In owner</th><th class="num" title="checks that took it where the record is installed">Installed</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`;
}

function chainTable(items: readonly ChainCoverage[], what: string): string {
  const order: ItemStatus[] = ['uncovered', 'covered', 'unreachable'];
  const groups = order.map((st) => {
    const of = items.filter((i) => i.status === st);
    if (of.length === 0) return '';
    const rows = of.map((i) => `<tr data-item="${esc(i.id)}"><td><code>${esc(i.id)}</code>${i.unreachableBecause ? `<br><small>${esc(i.unreachableBecause)}</small>` : ''}</td>` +
      `<td>${status(i.status)}</td>${coveredBy(i.coveredBy)}</tr>`);
    return `<details${st === 'uncovered' ? ' open' : ''}><summary>${of.length} ${STATUS_TEXT[st].slice(2)} ${what}</summary>` +
      `<table><thead><tr><th>${what === 'pairs' ? 'Pair' : 'Path'}</th><th>Status</th><th>Scenarios</th><th>Properties</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
  });
  return groups.join('');
}

function ruleTable(rows: readonly RuleRow[], id: string): string {
  const body = rows.map((r) => `<tr data-item="${esc(r.id)}"><td><code>${esc(r.id)}</code></td><td>${esc(r.text)}</td><td>${status(r.status)}</td>` +
    `<td class="${r.result.replace(' ', '-')}">${esc(r.result)}</td><td>${names(r.scenarios, 'scenarios')}</td><td>${names(r.properties, 'properties')}</td>` +
    `<td>${names(r.transitions.map((t) => t), 'transitions')}</td><td class="num">${r.refusals}</td></tr>`);
  return `<table id="${id}-matrix"><thead><tr><th>ID</th><th>Text</th><th>Status</th><th>Result</th><th>Scenarios tagged</th><th>Properties naming it</th>` +
    `<th>Statechart transitions</th><th class="num" title="refusals by this rule in the runs">Refusals</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function proposalsSection(data: ReportData): string {
  if (data.proposals.length === 0) return '<p>Nothing to propose: every reachable transition, pair and path is covered.</p>';
  const items = data.proposals.map((p) => {
    const head = `<summary><strong>${esc(p.title)}</strong>${p.gherkin ? '' : ' <span class="uncovered">(no scenario found)</span>'}</summary>`;
    const closes = `<p><small>Closes: ${p.closes.map((c) => `<code>${esc(c)}</code>`).join(', ')}</small></p>`;
    const body = p.gherkin
      ? `${closes}<p><small>Moves ${esc(p.subject?.account ?? '')}'s installation of ${esc(p.subject?.record ?? '')} along: ${p.lifecyclePath.map((t) => `<code>${esc(t)}</code>`).join(' → ')}</small></p><pre>${esc(p.gherkin)}</pre>`
      : `${closes}<p>${esc(p.problem ?? '')}</p>`;
    return `<details class="proposal" data-closes-transitions="${esc(p.closesTransitions.join('\n'))}">${head}${body}</details>`;
  });
  const gaps = data.proposals.reduce((n, p) => n + p.closes.length, 0);
  return `<p>${data.proposals.filter((p) => p.gherkin).length} proposed scenarios close ${gaps} gaps (uncovered transitions, pairs and paths), the ones closing the most first. ` +
    'Each replays in the model; paste it into a feature file (the tags name the rules of the transitions it walks).</p>' + items.join('');
}

function checksTable(data: ReportData): string {
  const rows = data.checks.map((c) => `<tr><td>${esc(c.source)}</td><td>${esc(c.name)}</td><td>${esc(c.file ?? '')}</td><td class="${c.status}">${esc(c.status)}</td>` +
    `<td class="num">${c.transitions}</td><td>${c.rules.map(esc).join(', ')}</td></tr>`);
  return `<details><summary>${data.checks.length} scenarios and properties recorded</summary><table><thead><tr><th>Source</th><th>Name</th><th>File</th><th>Status</th>` +
    `<th class="num">Transitions</th><th>IDs checked</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

export function renderHtml(data: ReportData, svg: string): string {
  const verdict = data.thresholds.ok
    ? '<div class="verdict ok">✓ Every coverage kind meets its threshold</div>'
    : `<div class="verdict below">✗ Below threshold: ${data.thresholds.results.filter((r) => !r.ok).map((r) => esc(KIND_LABELS[r.kind])).join(', ')}</div>`;
  const inputs = data.inputs;
  const legend = (Object.keys(STATUS_STYLE) as ItemStatus[])
    .map((s) => `<span style="color:${STATUS_STYLE[s].color}">${s === 'covered' ? '━━' : s === 'uncovered' ? '╍╍' : '┈┈'} ${esc(STATUS_STYLE[s].mark)}</span>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lifecycle and rule coverage</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Lifecycle and rule coverage</h1>
<p class="meta">Generated ${esc(data.generatedAt)} · statechart ${esc(data.relativeTo.statechart)} · format ${data.formatVersion}</p>
<p class="meta">Inputs: <span data-field="records">${inputs.records}</span> records from ${inputs.rawFiles} raw files (${inputs.rawDirectories.map(esc).join(', ')}) ·
scenarios ${inputs.scenarios.passed} passed, ${inputs.scenarios.failed} failed, ${inputs.scenarios.skipped} skipped ·
properties ${inputs.properties.passed} passed, ${inputs.properties.failed} failed, ${inputs.properties.skipped} skipped</p>
<p class="meta" data-field="runs">${esc(runsSentence(data))}</p>
<p class="meta">Paths are ${esc(data.relativeTo.pathsAre)}.
Explorer output: ${data.relativeTo.explorerConfigurations ? esc(data.relativeTo.explorerConfigurations.join(', ')) : 'none given'}. Thresholds: <code>${esc(data.thresholds.file)}</code>.</p>
<nav><a href="#summary">Summary</a><a href="#diagram">Diagram</a><a href="#states">States</a><a href="#transitions">Transitions</a><a href="#transitionPairs">Pairs</a><a href="#paths">Paths</a><a href="#rules">Rules</a><a href="#assumptions">Assumptions</a><a href="#proposals">Proposed scenarios</a></nav>
</header>
<main>
${verdict}
${summaryTable(data)}
<h2 id="diagram">Statechart</h2>
<p class="legend">${legend}</p>
<div class="diagram">${svg}</div>
<h2 id="states">States</h2>
${statesTable(data)}
<h2 id="transitions">Transitions</h2>
<p><small>Guarded transitions count separately. “In owner” and “Installed” count the checks that took the transition in the record's owner account and in an account where it is installed.</small></p>
${transitionsTable(data)}
<h2 id="transitionPairs">Transition pairs</h2>
${chainTable(data.transitionPairs, 'pairs')}
<h2 id="paths">Lifecycle paths</h2>
${chainTable(data.paths, 'paths')}
<h2 id="rules">Rule traceability</h2>
${ruleTable(data.rules, 'rules')}
<h2 id="assumptions">Assumptions and facts</h2>
${ruleTable(data.assumptions, 'assumptions')}
<h2 id="proposals">Proposed scenarios</h2>
${proposalsSection(data)}
<h2 id="checks">Checks</h2>
${checksTable(data)}
</main>
</body>
</html>
`;
}
