import { readFileSync } from 'node:fs';
import { parseCommandLine, UsageError } from '../io/args';
import { idsIn, RULES, type RuleId } from '../model';

/**
 * The end of `npm run mutation`: the score from Stryker's JSON report, the score over logic
 * mutants (all but changes to a string's text: an error message's wording), and the surviving
 * mutants by file and rule area, so what the checks miss is read in one screen.
 */

const REPORT = 'reports/out/mutation/mutation.json';
const USAGE = `usage: npm run mutation   (or: ts-node scripts/mutation-summary.ts [--report FILE])
  Summarises Stryker's JSON report (default ${REPORT}).`;

interface Mutant {
  readonly id: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly statusReason?: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

interface Report {
  readonly files: Readonly<Record<string, { readonly source: string; readonly mutants: readonly Mutant[] }>>;
}

const KILLED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** A message-text mutant: a string literal's wording changed (not a rule ID, a code or a key). */
function isMessageText(m: Mutant, line: string): boolean {
  return m.mutatorName === 'StringLiteral' && /(message|problem|allowed|changes|`[^`]*\s[^`]*`|'[^']*\s[^']*')/.test(line);
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

export function summarise(report: Report): string {
  const out: string[] = [];
  let killed = 0;
  let counted = 0;
  let logicKilled = 0;
  let logicCounted = 0;
  let messageSurvivors = 0;
  const survivors = new Map<string, string[]>();
  for (const [file, { source, mutants }] of Object.entries(report.files).sort()) {
    const lines = source.split('\n');
    for (const m of mutants) {
      if (!COUNTED.has(m.status)) continue;
      const line = lines[m.location.start.line - 1] ?? '';
      const message = isMessageText(m, line);
      counted++;
      if (KILLED.has(m.status)) killed++;
      if (!message) {
        logicCounted++;
        if (KILLED.has(m.status)) logicKilled++;
      }
      if (KILLED.has(m.status)) continue;
      if (message) {
        messageSurvivors++;
        continue;
      }
      const key = `${file} · ${areaOf(lines, m.location.start.line)}`;
      const entry = `    line ${m.location.start.line}: ${m.mutatorName}${m.replacement ? ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 60)}` : ''} (${m.status})`;
      survivors.set(key, [...(survivors.get(key) ?? []), entry]);
    }
  }
  out.push(`Mutation score: ${percent(killed, counted)} (${killed} of ${counted} mutants killed)`);
  out.push(`Logic mutants (all but message-text changes): ${percent(logicKilled, logicCounted)} (${logicKilled} of ${logicCounted})`);
  out.push(`Surviving message-text mutants (an error message's wording): ${messageSurvivors}`);
  if (survivors.size > 0) out.push('Surviving logic mutants, by file and rule area:');
  for (const [key, entries] of [...survivors.entries()].sort()) out.push(`  ${key} (${entries.length})`, ...entries);
  out.push(`HTML report: reports/out/mutation/index.html`);
  return `${out.join('\n')}\n`;
}

function main(args: readonly string[]): number {
  try {
    const { values, help } = parseCommandLine(args, { report: { type: 'string' } });
    if (help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const file = values.report ?? REPORT;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`mutation-summary: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)}): run npm run mutation first\n`);
      return 2;
    }
    process.stdout.write(summarise(JSON.parse(text) as Report));
    return 0;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`mutation-summary: ${e.message}\n${USAGE}\n`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
