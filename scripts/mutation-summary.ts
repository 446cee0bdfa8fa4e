import { readFileSync } from 'node:fs';
import { parseCommandLine, UsageError } from '../io/args';
import { idsIn, RULES, type RuleId } from '../model';

/**
 * The end of `npm run mutation`: the score from Stryker's JSON report, the score over logic
 * mutants (all but changes to a string's text: an error message's wording), and the surviving
 * mutants by file and rule area, so what the checks miss is read in one screen.
 */

const REPORT = 'reports/out/mutation/mutation.json';
const USAGE = `usage: npm run mutation   (or: ts-node scripts/mutation-summary.ts [--report FILE]...)
  Summarises Stryker's JSON report (default ${REPORT}); several --report files are read together.`;

interface Position {
  readonly line: number;
  readonly column: number;
}

interface Mutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly statusReason?: string;
  readonly location: { readonly start: Position; readonly end?: Position };
}

interface Report {
  readonly files: Readonly<Record<string, { readonly source: string; readonly mutants: readonly Mutant[] }>>;
}

const KILLED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** The source text a mutant replaces (Stryker's lines are 1-based, columns 1-based). */
function original(lines: readonly string[], m: Mutant): string {
  const { start, end } = m.location;
  if (!end || end.line === start.line) return (lines[start.line - 1] ?? '').slice(start.column - 1, end ? end.column - 1 : undefined);
  return [(lines[start.line - 1] ?? '').slice(start.column - 1), ...lines.slice(start.line, end.line - 1), (lines[end.line - 1] ?? '').slice(0, end.column - 1)].join('\n');
}

/** A message-text mutant: a string literal of words changed (an error message's wording), not a rule ID, a code or a key. */
function isMessageText(m: Mutant, lines: readonly string[]): boolean {
  return m.mutatorName === 'StringLiteral' && /\s/.test(original(lines, m).slice(1, -1));
}

/** The rule area of a mutant: the catalogue areas of the rule IDs on its line or the few lines above. */
function areaOf(lines: readonly string[], line: number): string {
  for (let l = line - 1; l >= Math.max(0, line - 6); l--) {
    const ids = idsIn(lines[l] ?? '').filter((id): id is RuleId => id in RULES);
    if (ids.length > 0) return RULES[ids[0]].area;
  }
  return '(no rule named nearby)';
}

function percent(n: number, of: number): string {
  return of === 0 ? '-' : `${((n / of) * 100).toFixed(1)}%`;
}

interface FileTally {
  counted: number;
  killed: number;
  logicCounted: number;
  logicKilled: number;
  messageSurvivors: number;
  ignored: number;
}

export function summarise(report: Report): string {
  const out: string[] = [];
  const tallies = new Map<string, FileTally>();
  const survivors = new Map<string, string[]>();
  /** Why a mutant is harmless, as its `// Stryker disable` comment says; counted per reason. */
  const ignored = new Map<string, number>();
  for (const [file, { source, mutants }] of Object.entries(report.files).sort()) {
    const lines = source.split('\n');
    const t: FileTally = { counted: 0, killed: 0, logicCounted: 0, logicKilled: 0, messageSurvivors: 0, ignored: 0 };
    tallies.set(file, t);
    for (const m of mutants) {
      if (m.status === 'Ignored') {
        t.ignored++;
        const reason = `${file}: ${m.statusReason ?? '(no reason given)'}`;
        ignored.set(reason, (ignored.get(reason) ?? 0) + 1);
        continue;
      }
      if (!COUNTED.has(m.status)) continue;
      const message = isMessageText(m, lines);
      const dead = KILLED.has(m.status);
      t.counted++;
      if (dead) t.killed++;
      if (!message) {
        t.logicCounted++;
        if (dead) t.logicKilled++;
      }
      if (dead) continue;
      if (message) {
        t.messageSurvivors++;
        continue;
      }
      const key = `${file} · ${areaOf(lines, m.location.start.line)}`;
      const entry = `    line ${m.location.start.line}: ${m.mutatorName}${m.replacement ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 60)}` : ''} (${m.status})`;
      survivors.set(key, [...(survivors.get(key) ?? []), entry]);
    }
  }
  const sum = (k: keyof FileTally) => [...tallies.values()].reduce((n, t) => n + t[k], 0);
  out.push(`Mutation score: ${percent(sum('killed'), sum('counted'))} (${sum('killed')} of ${sum('counted')} mutants killed)`);
  out.push(`Logic mutants (all but message-text changes): ${percent(sum('logicKilled'), sum('logicCounted'))} (${sum('logicKilled')} of ${sum('logicCounted')})`);
  out.push(`Surviving message-text mutants (an error message's wording): ${sum('messageSurvivors')}`);
  out.push(`Ignored as harmless, each with its reason in the code: ${sum('ignored')}`);
  out.push('', 'By file:                      logic killed   survivors (logic, message)   ignored');
  for (const [file, t] of tallies) {
    const survived = t.logicCounted - t.logicKilled;
    out.push(`  ${file.padEnd(28)}${`${percent(t.logicKilled, t.logicCounted)} of ${t.logicCounted}`.padEnd(15)}${`${survived}, ${t.messageSurvivors}`.padEnd(29)}${t.ignored}`);
  }
  if (ignored.size > 0) {
    out.push('', 'Ignored mutants, by reason:');
    for (const [reason, n] of [...ignored.entries()].sort()) out.push(`  ${n} × ${reason}`);
  }
  if (survivors.size > 0) out.push('', 'Surviving logic mutants, by file and rule area:');
  for (const [key, entries] of [...survivors.entries()].sort()) out.push(`  ${key} (${entries.length})`, ...entries);
  out.push('', `HTML report: reports/out/mutation/index.html`);
  return `${out.join('\n')}\n`;
}

function main(args: readonly string[]): number {
  try {
    const { values, help } = parseCommandLine(args, { report: { type: 'string', multiple: true } });
    if (help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    // Reports of runs over separate modules (stryker run --mutate FILE) are read together.
    const files = values.report && values.report.length > 0 ? values.report : [REPORT];
    const merged: Record<string, Report['files'][string]> = {};
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        process.stderr.write(`mutation-summary: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)}): run npm run mutation first\n`);
        return 2;
      }
      Object.assign(merged, (JSON.parse(text) as Report).files);
    }
    process.stdout.write(summarise({ files: merged }));
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`mutation-summary: ${e.message}\n${USAGE}\n`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
