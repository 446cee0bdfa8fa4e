import fc from 'fast-check';
import { deriveTransitions, RULE_IDS, type Command, type Outcome } from '../model';

/**
 * How a property's runs spread over command kinds, outcomes, lifecycle transitions and rule
 * IDs: for each, the share of runs that reached it and how often. Everything the statechart
 * and the rule catalogue define is listed, so a generator that never reaches a transition
 * or a rule shows it as "never". Printed with HARNESS_STATS=1.
 */
export class RunStats {
  runs = 0;
  commands = 0;
  private readonly runsReaching = new Map<string, number>();
  private readonly totals = new Map<string, number>();
  private readonly thisRun = new Set<string>();

  private hit(key: string): void {
    this.totals.set(key, (this.totals.get(key) ?? 0) + 1);
    this.thisRun.add(key);
  }

  /** Counts something a property classifies itself (a decision table row, say). */
  note(section: string, key: string): void {
    this.hit(`${section}\u0000${key}`);
  }

  observe(outcome: Outcome, command: Command): void {
    this.commands++;
    this.hit(`command\u0000${command.type}`);
    if (outcome.kind === 'invalid') {
      this.hit('outcome\u0000invalid');
      return;
    }
    this.hit(`outcome\u0000${outcome.kind === 'refused' ? `refused ${outcome.rule}` : 'accepted'}`);
    for (const t of outcome.transitions) this.hit(`transition\u0000${t.transition}`);
    if (outcome.kind === 'refused') this.hit(`rule\u0000${outcome.rule}`);
    else for (const r of outcome.rules) this.hit(`rule\u0000${r}`);
  }

  endRun(): void {
    this.runs++;
    for (const k of this.thisRun) this.runsReaching.set(k, (this.runsReaching.get(k) ?? 0) + 1);
    this.thisRun.clear();
  }

  /** Keys of a section reached at least once. */
  reached(section: 'command' | 'outcome' | 'transition' | 'rule'): string[] {
    const prefix = `${section}\u0000`;
    return [...this.totals.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  private section(title: string, section: string, expected: readonly string[]): string[] {
    const prefix = `${section}\u0000`;
    const keys = new Set([...expected, ...this.reached(section as 'command')]);
    const rows = [...keys].map((k) => ({ k, runs: this.runsReaching.get(prefix + k) ?? 0, n: this.totals.get(prefix + k) ?? 0 }));
    rows.sort((a, b) => b.runs - a.runs || b.n - a.n || a.k.localeCompare(b.k));
    const width = Math.max(...rows.map((r) => r.k.length), 10);
    const pct = (r: number) => (this.runs === 0 ? 0 : (100 * r) / this.runs);
    return [
      `  ${title}: % of runs reaching it, times`,
      ...rows.map((r) => `    ${r.k.padEnd(width)} ${r.n === 0 ? '   never' : `${pct(r.runs).toFixed(1).padStart(6)}%`} ${String(r.n).padStart(7)}`),
    ];
  }

  format(name: string, extra: readonly { readonly title: string; readonly section: string; readonly expected: readonly string[] }[] = []): string {
    const transitions = deriveTransitions().map((t) => t.id);
    return [
      `[stats] ${name}`,
      `  ${this.runs} runs, ${this.commands} commands (${this.runs === 0 ? 0 : (this.commands / this.runs).toFixed(1)} a run)`,
      ...this.section('commands', 'command', []),
      ...this.section('outcomes', 'outcome', []),
      ...this.section('lifecycle transitions', 'transition', transitions),
      ...this.section('rule IDs named by outcomes', 'rule', RULE_IDS),
      ...extra.flatMap((e) => this.section(e.title, e.section, e.expected)),
    ].join('\n');
  }
}

/** fast-check's own statistics of a generator: how `classify` spreads `numRuns` generated values. */
export function generatorStatistics<T>(title: string, arb: fc.Arbitrary<T>, classify: (value: T) => string, numRuns: number, seed?: number): string {
  const lines: string[] = [];
  fc.statistics(arb, classify, { numRuns, ...(seed !== undefined ? { seed } : {}), logger: (line) => lines.push(`    ${line}`) });
  return [`  ${title} (fc.statistics over ${numRuns} generated values)`, ...lines].join('\n');
}
