import { readFileSync, writeFileSync } from 'node:fs';
import { parseCommandLine, UsageError } from '../io/args';
import { renderCatalogue } from '../scenarios/catalogue';

const USAGE = `usage: npm run steps
  Regenerates features/STEPS.md, the step catalogue, from the step definitions in scenarios/steps/.`;

/** --help prints the usage (exit 0); any argument is refused naming it (exit 2); otherwise undefined: run. */
function handleArgs(args: readonly string[]): number | undefined {
  try {
    if (parseCommandLine(args, {}).help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`steps: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  return undefined;
}

/** npm run steps: regenerates features/STEPS.md from the step definitions. */
function main(): number {
  const early = handleArgs(process.argv.slice(2));
  if (early !== undefined) return early;
  const path = 'features/STEPS.md';
  const text = renderCatalogue();
  let before = '';
  try {
    before = readFileSync(path, 'utf8');
  } catch {
    // first generation
  }
  writeFileSync(path, text);
  process.stdout.write(`${path}: ${before === text ? 'already up to date' : 'regenerated'}\n`);
  return 0;
}

process.exitCode = main();
