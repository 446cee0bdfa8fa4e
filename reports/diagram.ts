import type { AnyStateNode } from 'xstate';
import { lifecycleMachine } from '../model';
import type { ItemStatus, StateCoverage, TransitionCoverage } from './coverage-data';

/**
 * The statechart as Graphviz diagrams, drawn from the machine and the derived transition table
 * and rendered to SVG at report time with @viz-js/viz (Graphviz compiled to WebAssembly; no
 * network, no binary). One overview (states, compound states as clusters, one edge per source
 * and target labelled with how many of its transitions are covered, uncovered, unreachable) and
 * one diagram per source state, where every transition leaving it is a label line coloured AND
 * marked (✓ / ✗ uncovered / ∅ unreachable), so the difference survives printing in black and
 * white. Small diagrams are drawn at their natural size, so labels stay legible at 100% zoom
 * (fonts in points: 10 pt is 13.3 px on screen).
 */

export const STATUS_STYLE = {
  covered: { color: '#1a7f37', style: 'solid', mark: '✓ covered', penwidth: 1.8 },
  uncovered: { color: '#cf222e', style: 'dashed', mark: '✗ UNCOVERED', penwidth: 2.2 },
  unreachable: { color: '#6e7781', style: 'dotted', mark: '∅ unreachable', penwidth: 1.2 },
} as const satisfies Record<ItemStatus, { color: string; style: string; mark: string; penwidth: number }>;

/** The most pressing status first: an edge or a diagram takes the first of these among its transitions. */
const PRESSING: readonly ItemStatus[] = ['uncovered', 'covered', 'unreachable'];

const FILL = { covered: '#dafbe1', uncovered: '#ffebe9', unreachable: '#f6f8fa' } as const satisfies Record<ItemStatus, string>;

/** Font sizes in points (Graphviz's unit; the SVG is drawn at 1 pt = 4/3 px). */
const NODE_FONT = 11;
const EDGE_FONT = 10;

export interface Diagram {
  /** HTML id of the diagram's figure: `overview` or `from-<state>`. */
  readonly id: string;
  readonly title: string;
  /** The source state of a per-state diagram; undefined for the overview. */
  readonly source?: string;
  /** Transitions drawn, counted by status. */
  readonly counts: Readonly<Record<ItemStatus, number>>;
  readonly dot: string;
}

export interface RenderedDiagram extends Omit<Diagram, 'dot'> {
  readonly svg: string;
}

/** Text inside a Graphviz HTML-like label. */
function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function q(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** `TOKEN-02:requireApproval` -> `requireApproval`: the rule is in the tables; the edge shows the condition. */
function shortGuard(guard: string | null): string {
  return guard ? ` [${guard.slice(guard.indexOf(':') + 1)}]` : '';
}

function mark(status: ItemStatus): string {
  return STATUS_STYLE[status].mark.split(' ')[0];
}

function mostPressing(statuses: readonly ItemStatus[]): ItemStatus {
  return PRESSING.find((s) => statuses.includes(s)) ?? 'unreachable';
}

function countByStatus(transitions: readonly TransitionCoverage[]): Record<ItemStatus, number> {
  const counts = { covered: 0, uncovered: 0, unreachable: 0 };
  for (const t of transitions) counts[t.status] += 1;
  return counts;
}

/** Compound states of the machine and their leaves, e.g. present: enabled, blocked, waitingForApproval. */
function clusters(): { name: string; description: string; leaves: string[] }[] {
  const out: { name: string; description: string; leaves: string[] }[] = [];
  const leavesOf = (n: AnyStateNode): string[] => {
    const children = Object.values(n.states) as AnyStateNode[];
    return children.length === 0 ? [n.key] : children.flatMap(leavesOf);
  };
  for (const node of Object.values(lifecycleMachine.root.states) as AnyStateNode[]) {
    if (Object.keys(node.states).length > 0) out.push({ name: node.key, description: node.description ?? '', leaves: leavesOf(node) });
  }
  return out;
}

const HEADER = (name: string, extra: string): string[] => [
  `digraph ${q(name)} {`,
  `  graph [rankdir=LR, fontname="Helvetica", fontsize=${NODE_FONT}, bgcolor="transparent", ${extra}];`,
  `  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=${NODE_FONT}, fillcolor="#ffffff", margin="0.12,0.06"];`,
  `  edge [fontname="Helvetica", fontsize=${EDGE_FONT}, arrowsize=0.8];`,
];

function stateNode(name: string, s: StateCoverage, attributes: string): string {
  const style = STATUS_STYLE[s.status];
  return `${q(name)} [class=${q(`state ${s.status}`)}, label=${q(`${s.id}\n${style.mark}`)}, color=${q(style.color)}, fillcolor=${q(FILL[s.status])}, style="rounded,filled,${style.style}"${attributes}];`;
}

/** Groups transitions by a key, keeping first-seen order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

/**
 * The whole statechart: one edge per (source, target), labelled with how many of its
 * transitions have each status (`✓ 3 ✗ 1`). A state links to its own diagram.
 */
export function overviewDot(states: readonly StateCoverage[], transitions: readonly TransitionCoverage[], initial: string): string {
  const lines = [...HEADER('lifecycle', 'nodesep=0.6, ranksep=1.0'), '  start [shape=point, width=0.15, label="", class="start"];'];
  const byId = new Map(states.map((s) => [s.id, s]));
  const sources = new Set(transitions.map((t) => t.from));
  const node = (s: StateCoverage): string =>
    stateNode(s.id, s, `, id=${q(`state-${s.id}`)}${sources.has(s.id) ? `, href=${q(`#from-${s.id}`)}, tooltip=${q(`${s.id}: the transitions leaving it`)}` : ''}`);
  const inCluster = new Set<string>();
  for (const c of clusters()) {
    lines.push(`  subgraph ${q(`cluster_${c.name}`)} {`, `    label=${q(c.name)}; tooltip=${q(c.description)}; style="rounded,dashed"; color="#57606a"; fontcolor="#57606a";`);
    for (const leaf of c.leaves) {
      const s = byId.get(leaf);
      if (s) {
        lines.push(`    ${node(s)}`);
        inCluster.add(leaf);
      }
    }
    lines.push('  }');
  }
  for (const s of states) if (!inCluster.has(s.id)) lines.push(`  ${node(s)}`);
  lines.push(`  start -> ${q(initial)} [class="start"];`);
  groupBy(transitions, (t) => JSON.stringify([t.from, t.to])).forEach((group, n) => {
    const counts = countByStatus(group);
    const edgeStatus = mostPressing(group.map((t) => t.status));
    const style = STATUS_STYLE[edgeStatus];
    const label = PRESSING.filter((s) => counts[s] > 0)
      .map((s) => `<font color="${STATUS_STYLE[s].color}">${mark(s)} ${counts[s]}</font>`)
      .join(' ');
    lines.push(
      `  ${q(group[0].from)} -> ${q(group[0].to)} [id=${q(`overview-edge-${n}`)}, class=${q(`overview ${edgeStatus}`)}, label=<${label}>, ` +
        `tooltip=${q(group.map((t) => `${t.id}: ${t.status}`).join('\n'))}, color=${q(style.color)}, style=${style.style}, penwidth=${style.penwidth}];`,
    );
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/**
 * The transitions leaving one state: the state on the left, every target on the right (itself
 * too, drawn again, so a transition back into the same state reads like the others), one edge per
 * target whose label lists each transition on its own line, coloured and marked by its status.
 */
export function sourceDot(source: StateCoverage, states: readonly StateCoverage[], transitions: readonly TransitionCoverage[]): string {
  const lines = HEADER(`from ${source.id}`, 'nodesep=0.25, ranksep=0.6');
  const byId = new Map(states.map((s) => [s.id, s]));
  const own = transitions.filter((t) => t.from === source.id);
  lines.push(`  ${stateNode(`from:${source.id}`, source, '')}`);
  groupBy(own, (t) => t.to).forEach((group, n) => {
    const target = byId.get(group[0].to);
    const name = `to:${group[0].to}`;
    if (target) lines.push(`  ${stateNode(name, target, `, href=${q(`#from-${target.id}`)}`)}`);
    else lines.push(`  ${q(name)} [label=${q(group[0].to)}];`);
    const edgeStatus = mostPressing(group.map((t) => t.status));
    const style = STATUS_STYLE[edgeStatus];
    const label = group
      .map((t) => `<font color="${STATUS_STYLE[t.status].color}">${htmlText(`${mark(t.status)} ${t.event}${shortGuard(t.guard)}${t.status === 'covered' ? '' : ` (${t.status})`}`)}</font>`)
      .join('<br align="left"/>');
    lines.push(
      `  ${q(`from:${source.id}`)} -> ${q(name)} [id=${q(`from-${source.id}-edge-${n}`)}, class=${q(`transitions ${edgeStatus}`)}, label=<${label}<br align="left"/>>, ` +
        `color=${q(style.color)}, style=${style.style}, penwidth=${style.penwidth}];`,
    );
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The overview, then one diagram per state that has transitions leaving it, in the order of `states`. */
export function coverageDiagrams(states: readonly StateCoverage[], transitions: readonly TransitionCoverage[], initial: string): Diagram[] {
  const overview: Diagram = { id: 'overview', title: 'Overview', counts: countByStatus(transitions), dot: overviewDot(states, transitions, initial) };
  const perState = states
    .filter((s) => transitions.some((t) => t.from === s.id))
    .map((s): Diagram => {
      const own = transitions.filter((t) => t.from === s.id);
      return { id: `from-${s.id}`, title: `From ${s.id}`, source: s.id, counts: countByStatus(own), dot: sourceDot(s, states, transitions) };
    });
  return [overview, ...perState];
}

/** Renders each diagram's DOT to SVG with Graphviz (WebAssembly); throws with Graphviz's messages on failure. */
export async function renderDiagrams(diagrams: readonly Diagram[]): Promise<RenderedDiagram[]> {
  const viz = await import('@viz-js/viz');
  const instance = await viz.instance();
  return diagrams.map(({ dot, ...rest }) => {
    const result = instance.render(dot, { format: 'svg' });
    if (result.status !== 'success') {
      throw new Error(`diagram: Graphviz could not render the statechart (${rest.title}): ${result.errors.map((e) => e.message).join('; ')}`);
    }
    return { ...rest, svg: compactSvg(result.output) };
  });
}

/** Geometry attributes whose numbers are rounded to whole points (less than a pixel of difference). */
const GEOMETRY = /\b(d|points|x|y|cx|cy|rx|ry|transform|viewBox)="([^"]*)"/g;

/**
 * Graphviz's SVG made smaller for inlining into HTML, drawing the same: no XML prolog, DOCTYPE or
 * comments, coordinates in whole points, no whitespace between elements, and no per-text font family
 * (the page's style sheet sets it for every diagram).
 */
export function compactSvg(svg: string): string {
  return svg
    .slice(svg.indexOf('<svg'))
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/ xml:space="preserve"/g, '')
    .replace(/ font-family="Helvetica,sans-Serif"/g, '')
    .replace(GEOMETRY, (_, name: string, value: string) => `${name}="${value.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n))))}"`)
    .replace(/>\s+</g, '><')
    .trim();
}
