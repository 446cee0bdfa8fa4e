import { describe, expect, it } from 'vitest';
import { ASSUMPTION_IDS, FACT_IDS, RULE_IDS } from '../model';
import { matchStep } from './testing/matcher';
import { featureFiles, picklesOf } from './testing/pickles';

/** Static checks of features/: enough scenarios, every rule and assumption tagged, every step defined once. */

const files = featureFiles('features');
const pickles = files.flatMap((f) => picklesOf(f).map((p) => ({ file: f, pickle: p })));
const tags = new Set(pickles.flatMap(({ pickle }) => pickle.tags.map((t) => t.name.replace(/^@/, ''))));

describe('features/', () => {
  it('has one feature file per rule area and at least 60 scenarios', () => {
    for (const area of ['records', 'ownership', 'states', 'issue-token', 'authentication', 'permissions', 'logs', 'sandbox', 'stories']) {
      expect(files).toContain(`features/${area}.feature`);
    }
    expect(pickles.length).toBeGreaterThanOrEqual(60);
  });

  it('tags every rule ID, every ASM- assumption and every FACT- on at least one scenario', () => {
    const missing = [...RULE_IDS, ...ASSUMPTION_IDS, ...FACT_IDS].filter((id) => !tags.has(id));
    expect(missing).toEqual([]);
  });

  it('tags nothing that is not a rule, assumption or fact ID (a typo would count as coverage of nothing)', () => {
    const known = new Set<string>([...RULE_IDS, ...ASSUMPTION_IDS, ...FACT_IDS]);
    expect([...tags].filter((t) => /^[A-Z]+-\d+$/.test(t) && !known.has(t))).toEqual([]);
  });

  it('uses only steps of the library: each step matches exactly one definition, with allowed values', () => {
    const problems: string[] = [];
    for (const { file, pickle } of pickles) {
      for (const step of pickle.steps) {
        try {
          const n = matchStep(step.text).length;
          if (n !== 1) problems.push(`${file}: "${step.text}" matches ${n} step definitions`);
        } catch (e) {
          problems.push(`${file}: "${step.text}": ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has Scenario Outlines for the endpoint x authentication matrix across the three eras', () => {
    const matrix = pickles.filter(({ file, pickle }) => file.endsWith('authentication.feature') && /^(2015\.1 and earlier|2015\.2 to 2020\.1|2020\.2 and later):/.test(pickle.name));
    const eras = new Set(matrix.map(({ pickle }) => pickle.name.split(':')[0]));
    expect([...eras].sort()).toEqual(['2015.1 and earlier', '2015.2 to 2020.1', '2020.2 and later']);
    for (const era of eras) {
      const rows = matrix.filter(({ pickle }) => pickle.name.startsWith(era)).map(({ pickle }) => pickle.name);
      for (const form of ['login, endpoint', 'Passport and the Application ID', 'Passport on', 'token-based authentication for "App" with token "T1" on', 'and the Application ID of "App" on get', 'no authentication on get', 'getDataCenterUrls']) {
        expect(rows.some((n) => n.includes(form)), `${era}: ${form}`).toBe(true);
      }
    }
  });
});
