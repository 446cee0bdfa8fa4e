import { attentionOf, type Attention } from './attention';
import { CheckRefs, withoutLeadingIds } from './check-refs';
import { COVERAGE_KINDS, KIND_LABELS, type ChainCoverage, type CoverageKind, type ItemStatus, type RuleRow } from './coverage-data';
import { STATUS_STYLE, type RenderedDiagram } from './diagram';
import { CSS, SCRIPT } from './html-assets';
import type { ReportData } from './report-data';
import { describeCheck, runsSentence } from './runs';

/**
 * The HTML report: one self-contained file (inline CSS, SVG and a small script, no external
 * resource), a pure function of the report data and the rendered diagrams. Every value from the
 * data is escaped. The first screen says what needs attention and the coverage against the
 * thresholds; every table below is collapsed, with its counts on its summary line, and the long
 * ones have a filter. A check is named in full once, in the Checks list; the long tables refer to
 * it by a short reference (`S12`, `P1`). Numbers carry `data-kind` / `data-field` /
 * `data-attention` attributes so a browser test can read them back and compare with coverage.json.
 */

export function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Names shown in a cell before the rest is folded away, and the most a folded list shows. */
const INLINE_NAMES = 2;
const LISTED_NAMES = 12;
/** Checks named in full in a folded list; the rest are listed by reference. */
const NAMED_CHECKS = 4;
/** Proposed scenarios printed in full; the rest are in coverage.json. */
const PROPOSALS_SHOWN = 30;
/** Tables longer than this get a filter box. */
const FILTER_FROM = 12;

const STATUS_TEXT = {
  covered: '✓ covered',
  uncovered: '✗ uncovered',
  unreachable: '∅ unreachable',
} as const satisfies Record<ItemStatus, string>;

const ORDER: readonly ItemStatus[] = ['uncovered', 'covered', 'unreachable'];

function status(s: ItemStatus): string {
  return `<span class="status ${s}">${STATUS_TEXT[s]}</span>`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function sortByStatus<T extends { readonly status: ItemStatus }>(items: readonly T[]): T[] {
  return ORDER.flatMap((s) => items.filter((i) => i.status === s));
}

/** Counts by status for a summary line, e.g. `464 paths: 0 uncovered, 385 covered, 79 unreachable`. */
function statusCounts(items: readonly { readonly status: ItemStatus }[], noun: string): string {
  const parts = ORDER.map((s) => [s, items.filter((i) => i.status === s).length] as const)
    .filter(([s, n]) => n > 0 || s === 'uncovered')
    .map(([s, n]) => `<span class="${n > 0 && s === 'uncovered' ? 'uncovered' : ''}">${n} ${s}</span>`);
  return `${plural(items.length, noun)}: ${parts.join(', ')}`;
}

/** A list of names: the first few inline, the rest folded, at most LISTED_NAMES shown. */
function nameList(items: readonly string[], noun: string): string {
  if (items.length === 0) return '<span class="none">—</span>';
  const li = (xs: readonly string[]): string => `<ul class="names">${xs.map((x) => `<li>${x}</li>`).join('')}</ul>`;
  if (items.length <= INLINE_NAMES) return li(items);
  const more = items.length > LISTED_NAMES ? `<small>… and ${items.length - LISTED_NAMES} more (coverage.json lists every one)</small>` : '';
  return `<details><summary>${items.length} ${noun}</summary>${li(items.slice(0, LISTED_NAMES))}${more}</details>`;
}

interface Page {
  readonly data: ReportData;
  readonly refs: CheckRefs;
}

/**
 * Checks for the small tables: the first few by name (short, linked to the Checks list), the
 * rest by reference, at most LISTED_NAMES in all.
 */
function checkNames(page: Page, names: readonly string[], noun: string): string {
  if (names.length === 0) return '<span class="none">—</span>';
  const named = names.slice(0, NAMED_CHECKS).map((n) => {
    const r = page.refs.find(n);
    return `<li>${r ? `<a href="#${r.anchor}">${esc(r.short)}</a>` : esc(n)}</li>`;
  });
  const list = `<ul class="names">${named.join('')}</ul>`;
  if (names.length <= INLINE_NAMES) return list;
  const rest = names.length > NAMED_CHECKS ? `<div>and ${checkRefList(page, names.slice(NAMED_CHECKS), LISTED_NAMES - NAMED_CHECKS)}</div>` : '';
  return `<details><summary>${names.length} ${noun}</summary>${list}${rest}</details>`;
}

/** Checks by short reference (`S12 P1`), at most LISTED_NAMES: for the long tables. */
function checkRefList(page: Page, names: readonly string[], limit = LISTED_NAMES): string {
  if (names.length === 0) return '';
  const shown = names.slice(0, limit).map((n) => {
    const r = page.refs.find(n);
    return r ? `<a href="#${r.anchor}">${r.ref}</a>` : esc(n);
  });
  return `<span class="refs">${shown.join(' ')}</span>${names.length > limit ? ` <small>+${names.length - limit} (coverage.json lists every one)</small>` : ''}`;
}

function filterBox(tableId: string, rows: number, what: string): string {
  return rows < FILTER_FROM ? '' : `<p><input type="search" class="filter" data-filter="${tableId}" placeholder="Filter ${rows} ${what} (words, IDs, S12…)" aria-label="Filter ${what}"><span class="shown"></span></p>`;
}

/** A collapsed section: its title and counts on the summary line. */
function section(id: string, title: string, counts: string, body: string, open = false): string {
  return `<details class="section" id="${id}"${open ? ' open' : ''}><summary><h2>${esc(title)}</h2><span class="counts">${counts}</span></summary>\n${body}\n</details>`;
}

// ---------------------------------------------------------------- first screen

function card(kind: 'bad' | 'warn' | 'ok', field: string, n: number, what: string, detail: string): string {
  return `<div class="card ${kind}" data-attention="${field}"><div class="n" data-field="count">${n}</div><div class="what">${what}</div>${detail}</div>`;
}

function shortList(items: readonly string[], more: number): string {
  if (items.length === 0) return '';
  return `<ul>${items.map((i) => `<li>${i}</li>`).join('')}${more > 0 ? `<li>… and ${more} more</li>` : ''}</ul>`;
}

function attentionSection(page: Page, a: Attention): string {
  const { data } = page;
  const failedChecks = a.unsuccessful.slice(0, 3).map((c) => {
    const r = page.refs.all.find((x) => x.check === c);
    return `<span class="${c.status}">${esc(c.status)}</span> ${r ? `<a href="#${r.anchor}" title="${esc(describeCheck(c))}">${esc(r.short)}</a>` : esc(c.name)}`;
  });
  const byStatus = a.unsuccessfulByStatus;
  const checks = card(
    a.unsuccessful.length > 0 ? 'bad' : 'ok',
    'unsuccessful-checks',
    a.unsuccessful.length,
    `checks did not pass <small>of ${data.checks.length}</small>`,
    `<div class="small">${byStatus.failed} failed · ${byStatus.undefined} undefined · ${byStatus.skipped} skipped</div>${shortList(failedChecks, a.unsuccessful.length - failedChecks.length)}`,
  );
  const vacuous = card(
    a.vacuous.length > 0 ? 'bad' : 'ok',
    'vacuous-rules',
    a.vacuous.length,
    'rules checked vacuously',
    `<div class="small">an invariant names them, no run reached their case</div>${shortList(
      a.vacuous.slice(0, 3).map((r) => `<a href="#rule-${esc(r.id)}"><code>${esc(r.id)}</code></a> ${esc(r.text)}`),
      a.vacuous.length - 3,
    )}`,
  );
  const kinds = COVERAGE_KINDS.map(
    (k) => `<a href="#${k}">${esc(KIND_LABELS[k])}</a><span class="num${a.uncovered[k] > 0 ? ' bad' : ''}" data-kind="${k}">${a.uncovered[k]}</span>`,
  ).join('');
  const uncovered = card(a.uncoveredTotal > 0 ? 'bad' : 'ok', 'uncovered-items', a.uncoveredTotal, 'uncovered reachable items', `<div class="kinds">${kinds}</div>`);
  const other = [
    `<li><span data-attention="below-threshold">${a.belowThreshold.length}</span> coverage kinds below threshold${a.belowThreshold.length > 0 ? `: ${a.belowThreshold.map((r) => esc(KIND_LABELS[r.kind])).join(', ')}` : ''}</li>`,
    `<li><span data-attention="failing-ids">${a.failingIds.length}</span> rule, ASM and FACT IDs with a failing check${a.failingIds.length > 0 ? `: ${a.failingIds.slice(0, 6).map((r) => `<code>${esc(r.id)}</code>`).join(', ')}` : ''}</li>`,
    `<li><span data-attention="suspicious">${a.suspicious.length}</span> suspicious transitions</li>`,
    `<li><a href="#proposals"><span data-attention="proposals">${a.proposals}</span> proposed scenarios</a> close the gaps</li>`,
  ];
  const otherKind = a.belowThreshold.length + a.failingIds.length > 0 ? 'bad' : a.suspicious.length > 0 ? 'warn' : 'ok';
  const rest = `<div class="card ${otherKind}" data-attention="other"><div class="what">Also</div><ul class="plain">${other.join('')}</ul></div>`;
  const verdict = a.clear
    ? '<div class="verdict ok">✓ Nothing needs attention: every check passed, every reachable item is covered, every rule has evidence, every kind meets its threshold</div>'
    : `<div class="verdict below">✗ Needs attention: ${[
        a.unsuccessful.length > 0 ? plural(a.unsuccessful.length, 'check') + ' did not pass' : '',
        a.vacuous.length > 0 ? plural(a.vacuous.length, 'rule') + ' checked vacuously' : '',
        a.uncoveredTotal > 0 ? plural(a.uncoveredTotal, 'item') + ' uncovered' : '',
        a.belowThreshold.length > 0 ? `below threshold: ${a.belowThreshold.map((r) => esc(KIND_LABELS[r.kind])).join(', ')}` : '',
        a.failingIds.length > 0 ? plural(a.failingIds.length, 'ID') + ' with a failing check' : '',
      ]
        .filter(Boolean)
        .join(' · ')}</div>`;
  return `<section id="attention"><h2>What needs attention</h2>${verdict}<div class="cards">${checks}${vacuous}${uncovered}${rest}</div></section>`;
}

function summaryTable(data: ReportData): string {
  const rows = COVERAGE_KINDS.map((kind) => {
    const s = data.summary[kind];
    const r = data.thresholds.results.find((x) => x.kind === kind);
    const ok = r?.ok ?? true;
    return `<tr data-kind="${kind}"><th><a href="#${kind}">${esc(KIND_LABELS[kind])}</a></th>` +
      `<td class="num" data-field="total">${s.total}</td><td class="num" data-field="reachable">${s.reachable}</td>` +
      `<td class="num" data-field="unreachable">${s.unreachable}</td><td class="num" data-field="covered">${s.covered}</td>` +
      `<td class="num${s.uncovered > 0 ? ' uncovered' : ''}" data-field="uncovered">${s.uncovered}</td><td class="num" data-field="percentage">${s.percentage}%</td>` +
      `<td class="num" data-field="minimum">${r?.minimum ?? 0}%</td><td class="${ok ? 'ok' : 'below'}">${ok ? '✓ met' : '✗ below'}</td></tr>`;
  });
  return `<section><h2>Coverage against thresholds</h2><table id="summary"><thead><tr><th>Kind</th><th class="num">Total</th><th class="num">Reachable</th><th class="num">Unreachable</th>` +
    `<th class="num">Covered</th><th class="num">Uncovered</th><th class="num">Covered / reachable</th><th class="num">Minimum</th><th>Threshold</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></section>`;
}

// ---------------------------------------------------------------- diagrams

function diagramsSection(diagrams: readonly RenderedDiagram[]): string {
  const legend = (Object.keys(STATUS_STYLE) as ItemStatus[])
    .map((s) => `<span style="color:${STATUS_STYLE[s].color}">${s === 'covered' ? '━━' : s === 'uncovered' ? '╍╍' : '┈┈'} ${esc(STATUS_STYLE[s].mark)}</span>`)
    .join('');
  const figures = diagrams.map((d) => {
    const counts = ORDER.filter((s) => d.counts[s] > 0)
      .map((s) => `<span class="${s}">${STATUS_STYLE[s].mark.split(' ')[0]} ${d.counts[s]}</span>`)
      .join(' ');
    return `<figure class="diagram${d.source ? '' : ' overview'}" id="${esc(d.id)}"${d.source ? ` data-source="${esc(d.source)}"` : ''}><h3>${esc(d.title)}<span class="counts">${counts}</span></h3>${d.svg}</figure>`;
  });
  const total = diagrams.find((d) => !d.source)?.counts ?? { covered: 0, uncovered: 0, unreachable: 0 };
  const counts = `${total.covered + total.uncovered + total.unreachable} transitions: ${ORDER.map((s) => `${total[s]} ${s}`).join(', ')}`;
  const body =
    `<p class="legend">${legend}</p><p><small>The overview counts the transitions of each edge; each state's own diagram lists the transitions leaving it (click a state to go there).</small></p>` +
    `<div class="diagrams">${figures.join('\n')}</div>`;
  return section('diagram', 'Statechart', counts, body, true);
}

// ---------------------------------------------------------------- tables

function statesTable(page: Page): string {
  const { data } = page;
  const rows = sortByStatus(data.states).map((s) =>
    `<tr data-item="${esc(s.id)}"><td><code>${esc(s.id)}</code></td><td>${status(s.status)}${s.unreachableBecause ? `<br><small>${esc(s.unreachableBecause)}</small>` : ''}</td>` +
      `<td>${checkNames(page, s.coveredBy.scenarios, 'scenarios')}</td><td>${checkNames(page, s.coveredBy.properties, 'properties')}</td></tr>`,
  );
  const table = `<table id="states-table"><thead><tr><th>State</th><th>Status</th><th>Scenarios</th><th>Properties</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return section('states', 'States', statusCounts(data.states, 'state'), table);
}

function transitionsTable(page: Page): string {
  const { data } = page;
  const rows = sortByStatus(data.transitions).map((t) => {
    const notes = [t.unreachableBecause, t.suspicious ? `⚠ suspicious: ${t.suspicious}` : undefined].filter((n): n is string => n !== undefined);
    return `<tr><td><code>${esc(t.id)}</code></td><td>${t.rules.map(esc).join(', ')}</td>` +
      `<td>${status(t.status)}${notes.map((n) => `<br><small>${esc(n)}</small>`).join('')}</td>` +
      `<td>${checkNames(page, t.coveredBy.scenarios, 'scenarios')}</td><td>${checkNames(page, t.coveredBy.properties, 'properties')}</td>` +
      `<td class="num">${t.accounts.owner}</td><td class="num">${t.accounts.installed}</td></tr>`;
  });
  const body =
    `<p><small>Guarded transitions count separately. “In owner” and “Installed” count the checks that took the transition in the record's owner account and in an account where it is installed.</small></p>` +
    filterBox('transitions-table', rows.length, 'transitions') +
    `<table id="transitions-table"><thead><tr><th>Transition</th><th>Rules</th><th>Status</th><th>Scenarios</th><th>Properties</th>` +
    `<th class="num" title="checks that took it in the record's owner account">In owner</th><th class="num" title="checks that took it where the record is installed">Installed</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`;
  const suspicious = data.transitions.filter((t) => t.suspicious).length;
  return section('transitions', 'Transitions', statusCounts(data.transitions, 'transition') + (suspicious > 0 ? `, ${suspicious} suspicious` : ''), body);
}

/** A JSON value inside a `<script>` element: `<` is escaped so no string can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A chain's id rebuilt from its transitions (`a --E--> b` then ` --F--> c`), as the page's script rebuilds it. */
function chainId(transitions: readonly string[]): string {
  return transitions.map((t, i) => (i === 0 ? t : t.slice(t.indexOf(' ')))).join('');
}

/**
 * Pairs and paths: hundreds of rows, far more bytes as HTML than as data. Uncovered rows are
 * HTML (they need attention and show without the script); the others are compact JSON (a chain
 * is a list of transition numbers, a check its number in the Checks list) that the page's
 * script turns into rows. Reasons for unreachable items, the same for most of them, are given
 * once above the table.
 */
function chainTable(page: Page, kind: Extract<CoverageKind, 'transitionPairs' | 'paths'>, items: readonly ChainCoverage[]): string {
  const noun = kind === 'paths' ? 'path' : 'pair';
  const id = `${kind}-table`;
  const transitionIndex = new Map(page.data.transitions.map((t, i) => [t.id, i]));
  const refIndex = new Map(page.refs.all.map((r, i) => [r, i]));
  const reasons = [...new Set(items.flatMap((i) => (i.unreachableBecause ? [i.unreachableBecause] : [])))];
  const reasonMark = (reason: string | undefined): string => (reason === undefined ? '' : `(${String.fromCharCode(97 + reasons.indexOf(reason))})`);
  const checksOf = (i: ChainCoverage): readonly string[] => [...i.coveredBy.scenarios, ...i.coveredBy.properties];
  const html = items
    .filter((i) => i.status === 'uncovered')
    .map((i) => `<tr><td><code>${esc(i.id)}</code></td><td class="st uncovered">✗ uncovered</td><td class="num">0</td><td>${checkRefList(page, checksOf(i))}</td></tr>`);
  const data = sortByStatus(items)
    .filter((i) => i.status !== 'uncovered')
    .map((i) => {
      const numbers = i.transitions.map((t) => transitionIndex.get(t) ?? -1);
      const chain = numbers.every((n) => n >= 0) && chainId(i.transitions) === i.id ? numbers : i.id;
      const checks = checksOf(i).map((n) => {
        const r = page.refs.find(n);
        return r ? (refIndex.get(r) ?? n) : n;
      });
      return [chain, i.status === 'covered' ? 1 : 0, checks, i.unreachableBecause ? reasons.indexOf(i.unreachableBecause) : -1];
    });
  const why = reasons.length === 0 ? '' : `<p><small>Unreachable because: ${reasons.map((r) => `${reasonMark(r)} ${esc(r)}`).join('; ')}</small></p>`;
  const listed = data.length === 0 ? '' : `<noscript><p>${data.length} covered and unreachable ${noun}s are listed by the page's script; coverage.json has every one.</p></noscript>`;
  const body =
    `<p><small>Uncovered first. Checks are named by reference (S: scenario, P: property); the <a href="#checks">Checks</a> list names each one.</small></p>` +
    why + listed +
    filterBox(id, items.length, `${noun}s`) +
    `<table id="${id}"><thead><tr><th>${noun === 'path' ? 'Path' : 'Pair'}</th><th>Status</th><th class="num">Checks</th><th>Covered by</th></tr></thead><tbody>${html.join('')}</tbody></table>` +
    `<script type="application/json" data-chains="${id}">${scriptJson({ transitions: page.data.transitions.map((t) => t.id), refs: page.refs.all.map((r) => r.ref), reasons: reasons.map(reasonMark), limit: LISTED_NAMES, rows: data })}</script>`;
  return section(kind, KIND_LABELS[kind], statusCounts(items, noun), body);
}

function evidenceCell(r: RuleRow): string {
  if (r.vacuous) return `<span class="vacuous" data-field="vacuous">✗ vacuous</span>${r.evidence ? `<br><small>reached ${r.evidence.reached}</small>` : ''}`;
  if (!r.evidence) return '<span class="none">—</span>';
  const held = r.evidence.held === r.evidence.reached ? 'ok' : 'failed';
  return `<span data-field="reached">${r.evidence.reached}</span> reached<br><span class="${held}" data-field="held">${r.evidence.held}</span> held`;
}

function ruleTable(page: Page, rows: readonly RuleRow[], id: 'rules' | 'assumptions', title: string): string {
  const body = rows.map((r) => {
    return `<tr id="rule-${esc(r.id)}" data-item="${esc(r.id)}"${r.vacuous ? ' class="vacuous-row"' : ''}><td><code>${esc(r.id)}</code></td><td>${esc(r.text)}</td>` +
      `<td>${status(r.status)}<br><span class="${r.result.replace(' ', '-')}">${esc(r.result)}</span></td>` +
      `<td>${r.checkedBy.length > 0 ? nameList(r.checkedBy.map((c) => `<span class="small">${esc(withoutLeadingIds(c))}</span>`), 'invariants') : '<span class="none">—</span>'}</td>` +
      `<td class="num">${evidenceCell(r)}</td>` +
      `<td>${checkNames(page, r.scenarios, 'scenarios')}</td><td>${checkRefList(page, r.properties)}</td>` +
      `<td>${nameList(r.transitions.map((t) => `<code>${esc(t)}</code>`), 'transitions')}</td><td class="num">${r.refusals}</td></tr>`;
  });
  const vacuous = rows.filter((r) => r.vacuous).length;
  const failed = rows.filter((r) => r.result === 'failed').length;
  const counts = `${plural(rows.length, 'ID')}: <span class="${rows.some((r) => r.status === 'uncovered') ? 'uncovered' : ''}">${rows.filter((r) => r.status === 'uncovered').length} unchecked</span>, ` +
    `<span class="${vacuous > 0 ? 'vacuous' : ''}">${vacuous} vacuous</span>, <span class="${failed > 0 ? 'failed' : ''}">${failed} failing</span>`;
  const table =
    filterBox(`${id}-matrix`, rows.length, 'IDs') +
    `<table id="${id}-matrix"><thead><tr><th>ID</th><th>Text</th><th>Status</th><th>Checked by invariants</th>` +
    `<th class="num" title="steps of the property and explorer runs that reached the rule's interesting case, and how many of those ended as the rule says">Evidence</th>` +
    `<th>Scenarios tagged</th><th>Properties naming it</th><th>Statechart transitions</th><th class="num" title="refusals by this rule in the runs">Refusals</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
  return section(id, title, counts, table);
}

function proposalsSection(data: ReportData): string {
  const planned = data.proposals.filter((p) => p.gherkin).length;
  const gaps = data.proposals.reduce((n, p) => n + p.closes.length, 0);
  if (data.proposals.length === 0) return section('proposals', 'Proposed scenarios', 'none', '<p>Nothing to propose: every reachable transition, pair and path is covered.</p>');
  const items = data.proposals.slice(0, PROPOSALS_SHOWN).map((p) => {
    const head = `<summary><strong>${esc(p.title)}</strong>${p.gherkin ? '' : ' <span class="uncovered">(no scenario found)</span>'}</summary>`;
    const closes = `<p><small>Closes: ${p.closes.map((c) => `<code>${esc(c)}</code>`).join(', ')}</small></p>`;
    const body = p.gherkin
      ? `${closes}<p><small>Moves ${esc(p.subject?.account ?? '')}'s installation of ${esc(p.subject?.record ?? '')} along: ${p.lifecyclePath.map((t) => `<code>${esc(t)}</code>`).join(' → ')}</small></p><pre>${esc(p.gherkin)}</pre>`
      : `${closes}<p>${esc(p.problem ?? '')}</p>`;
    return `<details class="proposal" data-closes-transitions="${esc(p.closesTransitions.join('\n'))}">${head}${body}</details>`;
  });
  const body = `<p>${planned} proposed scenarios close ${gaps} gaps (uncovered transitions, pairs and paths), the ones closing the most first. ` +
    'Each replays in the model; paste it into a feature file (the tags name the rules of the transitions it walks).</p>' + items.join('') +
    (data.proposals.length > PROPOSALS_SHOWN ? `<p>The other ${data.proposals.length - PROPOSALS_SHOWN} proposed scenarios, each closing fewer gaps, are in coverage.json (<code>proposals</code>).</p>` : '');
  return section('proposals', 'Proposed scenarios', `${plural(planned, 'scenario')} closing ${plural(gaps, 'gap')}`, body);
}

function checksTable(page: Page): string {
  const order = ['failed', 'undefined', 'skipped', 'passed'];
  const refs = [...page.refs.all].sort((a, b) => order.indexOf(a.check.status) - order.indexOf(b.check.status));
  const rows = refs.map(({ ref, anchor, short, check: c }) =>
    `<tr id="${anchor}"><td><code>${ref}</code></td><td>${esc(short)}</td><td>${esc(c.file ?? '')}</td><td class="${c.status}">${esc(c.status)}</td>` +
      `<td class="num">${c.transitions}</td><td><small>${c.rules.map(esc).join(' ')}</small></td></tr>`,
  );
  const i = page.data.inputs;
  const counts = `${plural(page.data.checks.length, 'check')}: scenarios ${i.scenarios.passed} passed, ${i.scenarios.failed} failed, ${i.scenarios.undefined} undefined, ${i.scenarios.skipped} skipped · ` +
    `properties ${i.properties.passed} passed, ${i.properties.failed} failed`;
  const body =
    filterBox('checks-table', rows.length, 'checks') +
    `<table id="checks-table"><thead><tr><th>Ref</th><th>Name</th><th>File</th><th>Status</th><th class="num">Transitions</th><th>IDs checked</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return section('checks', 'Checks', counts, body);
}

function aboutSection(data: ReportData): string {
  const inputs = data.inputs;
  const body =
    `<p class="meta">Inputs: ${inputs.records} records from ${inputs.rawFiles} raw files (${inputs.rawDirectories.map(esc).join(', ')}) · ` +
    `scenarios ${inputs.scenarios.passed} passed, ${inputs.scenarios.failed} failed, ${inputs.scenarios.skipped} skipped · ` +
    `properties ${inputs.properties.passed} passed, ${inputs.properties.failed} failed, ${inputs.properties.skipped} skipped</p>` +
    `<p class="meta" data-field="runs">${esc(runsSentence(data))}</p>` +
    `<p class="meta">Statechart ${esc(data.relativeTo.statechart)}. Paths are ${esc(data.relativeTo.pathsAre)}. ` +
    `Explorer output: ${data.relativeTo.explorerConfigurations ? esc(data.relativeTo.explorerConfigurations.join(', ')) : 'none given'}. Thresholds: <code>${esc(data.thresholds.file)}</code>. Format ${data.formatVersion}.</p>`;
  return section('about', 'About these numbers', `${plural(inputs.runs.length, 'run')}, ${plural(inputs.records, 'record')}`, body);
}

export function renderHtml(data: ReportData, diagrams: readonly RenderedDiagram[]): string {
  const page: Page = { data, refs: new CheckRefs(data.checks) };
  const attention = attentionOf(data);
  const runs = data.inputs.runs.length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${attention.clear ? '✓' : '✗'} Lifecycle and rule coverage</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Lifecycle and rule coverage</h1>
<p class="meta">Generated ${esc(data.generatedAt)} · <span data-field="records">${data.inputs.records}</span> records · ${plural(data.checks.length, 'check')} · ${plural(runs, 'run')} · statechart ${esc(data.relativeTo.statechart)} · <a href="#about">about these numbers</a></p>
<nav><a href="#attention">Attention</a><a href="#summary">Summary</a><a href="#diagram">Statechart</a><a href="#states">States</a><a href="#transitions">Transitions</a><a href="#transitionPairs">Pairs</a><a href="#paths">Paths</a><a href="#rules">Rules</a><a href="#assumptions">Assumptions</a><a href="#proposals">Proposed scenarios</a><a href="#checks">Checks</a></nav>
</header>
<main>
${attentionSection(page, attention)}
${summaryTable(data)}
${aboutSection(data)}
${diagramsSection(diagrams)}
${statesTable(page)}
${transitionsTable(page)}
${chainTable(page, 'transitionPairs', data.transitionPairs)}
${chainTable(page, 'paths', data.paths)}
${ruleTable(page, data.rules, 'rules', 'Rule traceability')}
${ruleTable(page, data.assumptions, 'assumptions', 'Assumptions and facts')}
${proposalsSection(data)}
${checksTable(page)}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
