import { readFileSync, writeFileSync } from 'node:fs';
import { renderCatalogue } from '../scenarios/catalogue';

/** npm run steps: regenerates features/STEPS.md from the step definitions. */
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
