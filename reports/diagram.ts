import type { AnyStateNode } from 'xstate';
import { lifecycleMachine } from '../model';
import type { ItemStatus, StateCoverage, TransitionCoverage } from './coverage-data';

/**
 * The statechart as a Graphviz diagram: states (compound states as clusters, read from the
 * machine) and every transition from the derived table, each one a label line coloured AND
 * marked (✓ / ✗ uncovered / ∅ unreachable) by its coverage status, so the difference survives
 * printing in black and white. Rendered to SVG at
 * report time with @viz-js/viz (Graphviz compiled to WebAssembly; no network, no binary).
 */

export const STATUS_STYLE = {
  covered: { color: '#1a7f37', style: 'solid', mark: '✓ covered', penwidth: 1.8 },
  uncovered: { color: '#cf222e', style: 'dashed', mark: '✗ UNCOVERED', penwidth: 2.2 },
  unreachable: { color: '#8c959f', style: 'dotted', mark: '∅ unreachable', penwidth: 1.2 },
} as const satisfies Record<ItemStatus, { color: string; style: string; mark: string; penwidth: number }>;

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

export function coverageDot(states: readonly StateCoverage[], transitions: readonly TransitionCoverage[], initial: string): string {
  const lines: string[] = [
    'digraph lifecycle {',
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=12, nodesep=0.5, ranksep=1.1, bgcolor="transparent"];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=12, fillcolor="#ffffff"];',
    '  edge [fontname="Helvetica", fontsize=9, arrowsize=0.7];',
    '  start [shape=point, width=0.15, label="", class="start"];',
  ];
  const node = (s: StateCoverage): string => {
    const style = STATUS_STYLE[s.status];
    const fill = s.status === 'covered' ? '#dafbe1' : s.status === 'uncovered' ? '#ffebe9' : '#f6f8fa';
    return `${q(s.id)} [id=${q(`state-${s.id}`)}, class=${q(`state ${s.status}`)}, label=${q(`${s.id}\n${style.mark}`)}, color=${q(style.color)}, fillcolor=${q(fill)}, style="rounded,filled,${style.style === 'solid' ? 'solid' : style.style}"];`;
  };
  const byId = new Map(states.map((s) => [s.id, s]));
  const inCluster = new Set<string>();
  for (const c of clusters()) {
    lines.push(`  subgraph ${q(`cluster_${c.name}`)} {`, `    label=${q(c.name)}; tooltip=${q(c.description)}; style="rounded,dashed"; color="#57606a";`);
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
  // Parallel transitions (same source and target) share one edge whose label lists each of
  // them on its own line, coloured and marked by its own status; the edge takes the most
  // pressing status among them (uncovered, then covered, then unreachable).
  const groups = new Map<string, TransitionCoverage[]>();
  for (const t of transitions) {
    const key = JSON.stringify([t.from, t.to]);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  let n = 0;
  for (const group of groups.values()) {
    const edgeStatus: ItemStatus = group.some((t) => t.status === 'uncovered') ? 'uncovered' : group.some((t) => t.status === 'covered') ? 'covered' : 'unreachable';
    const style = STATUS_STYLE[edgeStatus];
    const label = group
      .map((t) => `<font color="${STATUS_STYLE[t.status].color}">${htmlText(`${STATUS_STYLE[t.status].mark.split(' ')[0]} ${t.event}${shortGuard(t.guard)}${t.status === 'covered' ? '' : ` (${t.status})`}`)}</font>`)
      .join('<br/>');
    lines.push(
      `  ${q(group[0].from)} -> ${q(group[0].to)} [id=${q(`edge-${n++}`)}, class=${q(`transitions ${edgeStatus}`)}, label=<${label}>, ` +
        `tooltip=${q(group.map((t) => `${t.id}: ${t.status}`).join('\n'))}, color=${q(style.color)}, style=${style.style}, penwidth=${style.penwidth}];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Renders DOT to an SVG string with Graphviz (WebAssembly); throws with Graphviz's messages on failure. */
export async function renderSvg(dot: string): Promise<string> {
  const viz = await import('@viz-js/viz');
  const instance = await viz.instance();
  const result = instance.render(dot, { format: 'svg' });
  if (result.status !== 'success') {
    throw new Error(`diagram: Graphviz could not render the statechart: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  // Drop the XML prolog and DOCTYPE: the SVG is inlined into HTML.
  return result.output.slice(result.output.indexOf('<svg'));
}
