import { readFileSync, writeFileSync } from 'node:fs';
import { helpOrRefuse } from '../io/args';
import { renderCatalogue } from '../scenarios/catalogue';

const USAGE = `usage: npm run steps
  Regenerates features/STEPS.md, the step catalogue, from the step definitions in scenarios/steps/.`;


/** npm run steps: regenerates features/STEPS.md from the step definitions. */
function main(): number {
  const early = helpOrRefuse('steps', USAGE, process.argv.slice(2));
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
