import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { writeFileSet } from '../io/write';

/**
 * npm run features [-- cucumber-js options]: cucumber-js with its HTML and JUnit reports kept
 * whole. The formatters write into a scratch directory; only when the run ends are the two files
 * switched in together (io/write.ts): a full run into reports/out/ (cucumber.html,
 * cucumber.xml), a run narrowed by --tags, --name, --shard or feature paths into
 * reports/out/cucumber-partial/, so it never overwrites the full run's. A Gherkin syntax error
 * publishes nothing (cucumber's JUnit formatter would leave a 0-byte file). Every other option
 * is cucumber-js's own (`npx cucumber-js --help`); --help prints both.
 */

const OUT = join('reports', 'out');
const OUTPUTS = [
  { name: 'cucumber.html', formatter: 'html' },
  { name: 'cucumber.xml', formatter: 'junit' },
] as const;
const NARROWING = new Set(['--tags', '-t', '--name', '-n', '--shard']);
/** cucumber-js options that take a value, so the value is not taken for a feature path. */
const TAKES_VALUE = new Set(['--tags', '-t', '--name', '-n', '--shard', '--parallel', '--format', '-f', '--format-options', '--profile', '-p', '--require', '-r', '--import', '-i', '--require-module', '--world-parameters', '--retry', '--retry-tag-filter', '--order', '--language', '--config', '-c', '--plugin', '--plugin-options']);

export const USAGE = `usage: npm run features [-- cucumber-js options]
  Runs the Gherkin scenarios of features/ (profile "default" of cucumber.js), progress on the
  console, HTML and JUnit written whole at the end:
    a full run      reports/out/cucumber.html, reports/out/cucumber.xml
    a narrowed run  reports/out/cucumber-partial/ (--tags, --name, --shard or feature paths given)
  HARNESS_TARGET=wire (npm run features:wire) sends every request, login and Issue Token call
  also to a simulator per worker, set-up through its administration API, and fails a step
  where its answer differs from the model's; reports under reports/out/cucumber-wire/.
  A Gherkin syntax error writes neither. Other options are cucumber-js's: npx cucumber-js --help`;

/** Whether the arguments narrow the run to some scenarios (feature paths count as narrowing). */
export function isNarrowed(args: readonly string[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const name = args[i].split('=')[0];
    if (NARROWING.has(name)) return true;
    if (TAKES_VALUE.has(name)) {
      if (!args[i].includes('=')) i++;
      continue;
    }
    if (!args[i].startsWith('-')) return true;
  }
  return false;
}

export async function main(args: readonly string[], out: string = OUT): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'cucumber-out-'));
  try {
    const environment = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env };
    const profiles: string[] = [];
    const provided: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-p' || args[i] === '--profile') profiles.push(args[++i]);
      else provided.push(args[i]);
    }
    const { runConfiguration } = await loadConfiguration({ ...(profiles.length > 0 ? { profiles } : {}), provided }, environment);
    const files = { ...runConfiguration.formats.files };
    for (const o of OUTPUTS) files[join(scratch, o.name)] = o.formatter;
    let parseErrors = 0;
    const result = await runCucumber({ ...runConfiguration, formats: { ...runConfiguration.formats, files } }, environment, (envelope) => {
      if (envelope.parseError) parseErrors++;
    });
    const dryRun = runConfiguration.runtime.dryRun;
    if (parseErrors > 0) {
      process.stderr.write(`features: ${parseErrors} Gherkin syntax error(s): the HTML and JUnit reports were left as they were.\n`);
    } else if (!dryRun) {
      // A run over the wire (HARNESS_TARGET=wire) keeps its reports apart from the model run's.
      const base = process.env.HARNESS_TARGET?.trim().toLowerCase() === 'wire' ? join(out, 'cucumber-wire') : out;
      const dir = isNarrowed(args) ? join(base, 'cucumber-partial') : base;
      const written = writeFileSet(dir, OUTPUTS.map((o) => ({ name: o.name, content: readFileSync(join(scratch, o.name), 'utf8') })), { set: 'cucumber' });
      process.stdout.write(`features: ${written.join(', ')}\n`);
    }
    return result.success && parseErrors === 0 ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`features: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
