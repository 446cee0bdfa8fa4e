import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCatalogue } from './catalogue';
import { PARAMETER_TYPES } from './parameter-types';
import { STEP_AREAS } from './steps';
import { matchStep } from './testing/matcher';

/** features/STEPS.md is generated from the step library and must never drift from it. */

const steps = STEP_AREAS.flatMap((a) => a.steps);

describe('the step catalogue', () => {
  it('features/STEPS.md is up to date (run `npm run steps` to regenerate it)', () => {
    const onDisk = readFileSync('features/STEPS.md', 'utf8');
    expect(onDisk === renderCatalogue(), 'features/STEPS.md is out of date: run `npm run steps` and commit the result').toBe(true);
  });

  it('lists every step phrase and every parameter type', () => {
    const text = renderCatalogue();
    for (const s of steps) expect(text).toContain(`### ${s.keyword} ${s.expression}\n`);
    for (const p of PARAMETER_TYPES) expect(text).toContain(`{${p.name}}`);
  });

  it('notices a change in the library', () => {
    const [first, ...rest] = STEP_AREAS;
    const changed = [{ ...first, steps: first.steps.slice(1) }, ...rest];
    expect(renderCatalogue(changed)).not.toBe(renderCatalogue());
  });

  it('gives each step an example that matches it and no other step', () => {
    for (const s of steps) {
      const matches = matchStep(s.example.split('\n')[0]);
      expect(matches.map((m) => m.step.expression), s.example).toEqual([s.expression]);
    }
  });

  it('declares every phrase once, and data-table steps end with a colon', () => {
    expect(new Set(steps.map((s) => s.expression)).size).toBe(steps.length);
    for (const s of steps) expect(s.expression.endsWith(':'), s.expression).toBe(s.table);
  });
});

describe('the README worked example', () => {
  it('uses only steps of the catalogue', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('<!-- section:scenarios -->'), readme.indexOf('<!-- /section:scenarios -->'));
    const block = /```gherkin\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const lines = block.split('\n').map((l) => l.trim()).filter((l) => /^(Given|When|Then|And|But) /.test(l));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(matchStep(line.replace(/^\S+ /, '')), line).toHaveLength(1);
  });
});
