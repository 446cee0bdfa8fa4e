import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAll, COMMAND_TYPES, createWorld, findConfidential, parseSimulationFile, type Trace } from '../model';
import { expectationToStep, traceToGherkin, traceToSimulation } from './gherkin';
import { runCucumber } from './testing/cucumber';
import { matchStep } from './testing/matcher';
import { randomTrace, scriptedTraces } from './testing/traces';

/** Step lines of a printed feature, without keyword (data-table and comment lines skipped). */
function stepLines(feature: string): string[] {
  return feature
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^(Given|When|Then|And|But) /.test(l))
    .map((l) => l.replace(/^\S+ /, ''));
}

const scripted = scriptedTraces();
const random = Array.from({ length: 12 }, (_, i) => randomTrace(100 + i, 25));

/** The same traces with one expectation made false: the printed scenario must fail. */
const wrong: Trace[] = [
  { ...scripted[scripted.length - 1], title: 'Wrong outcome', expectations: [{ type: 'outcome', kind: 'accepted' }] },
  (() => {
    const t = scripted.find((s) => s.expectations.some((e) => e.type === 'state' && e.state === 'enabled'));
    if (!t) throw new Error('no trace with an Enabled installation');
    const e = t.expectations.find((x) => x.type === 'state' && x.state === 'enabled');
    if (!e || e.type !== 'state') throw new Error('unreachable');
    return { ...t, title: 'Wrong state', expectations: [{ ...e, state: 'blocked' as const }] };
  })(),
  (() => {
    const t = scripted.find((s) => s.expectations.some((e) => e.type === 'outcome' && e.kind === 'refused' && e.rule !== 'REC-01'));
    if (!t) throw new Error('no trace refused by a rule other than REC-01');
    return { ...t, title: 'Wrong refusing rule', expectations: [{ type: 'outcome' as const, kind: 'refused' as const, rule: 'REC-01' as const }] };
  })(),
];

describe('traceToGherkin', () => {
  it('covers every command type of the model in the test traces', () => {
    const used = new Set(scripted.flatMap((t) => t.commands.map((c) => c.type)));
    expect(COMMAND_TYPES.filter((t) => !used.has(t))).toEqual([]);
  });

  it('prints only phrases of the step library: each step matches exactly one definition with allowed values', () => {
    for (const trace of [...scripted, ...random]) {
      for (const line of stepLines(traceToGherkin(trace))) {
        const matches = matchStep(line);
        expect(matches.map((m) => m.step.expression), line).toHaveLength(1);
      }
    }
  });

  it('prints one step per well-formed command, a comment for a malformed one, and no confidential value', () => {
    const trace = scripted[scripted.length - 1];
    const text = traceToGherkin(trace);
    const thenSteps = trace.expectations.flatMap(expectationToStep).length;
    const commandSteps = stepLines(text).length - 1 - thenSteps; // minus the seed step
    const comments = text.split('\n').filter((l) => l.includes('is not a step')).length;
    expect(commandSteps + comments).toBe(trace.commands.length);
    expect(comments).toBeGreaterThan(0);
    expect(text).toContain('a malformed Application ID');
    expect(text).toContain('an unknown Application ID');
    for (const t of [...scripted, ...random]) {
      expect(findConfidential(traceToGherkin(t))).toEqual([]);
      // A simulation keeps an unknown Application ID (it must stay well-formed to replay), never a record's.
      const { world } = applyAll(createWorld({ seed: t.seed }), t.commands);
      const secrets = Object.values(world.records).flatMap((r) => [r.applicationId, r.consumerKey, r.consumerSecret]);
      const simulation = traceToSimulation(t);
      expect(secrets.filter((x) => simulation.includes(x))).toEqual([]);
    }
  });

  it('writes tags, the seed and the fault switch into the feature', () => {
    const text = traceToGherkin({ ...scripted[3], tags: ['AUTH-03', 'counter example'], faults: ['AUTH-03', 'STATE-01'] });
    expect(text).toMatch(/^# .*\n# Found with deliberate faults: run with HARNESS_FAULT=AUTH-03,STATE-01/);
    expect(text).toContain('  @AUTH-03 @counter-example\n  Scenario: ');
    expect(text).toContain(`Given the scenario seed is ${scripted[3].seed}`);
  });

  it('traceToSimulation writes a simulate file that parses back to equivalent commands', () => {
    const trace = scripted[scripted.length - 1];
    const file = parseSimulationFile(traceToSimulation(trace), 'trace.json');
    expect(file.seed).toBe(trace.seed);
    expect(file.commands).toHaveLength(trace.commands.length);
    expect(file.origin).toContain(trace.title);
  });

  it('printed traces pass under cucumber, and traces with a wrong expectation fail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'printed-'));
    const all = [...scripted, ...random, ...wrong];
    all.forEach((t, i) => writeFileSync(join(dir, `t${String(i).padStart(3, '0')}.feature`), traceToGherkin(t)));
    const json = join(dir, 'result.json');
    const run = await runCucumber(['-p', 'adhoc', '--format', `json:${json}`, dir]);
    const features = JSON.parse(readFileSync(json, 'utf8')) as { name: string; elements: { steps: { result: { status: string } }[] }[] }[];
    const status = new Map(features.map((f) => [f.name, f.elements[0].steps.every((s) => s.result.status === 'passed') ? 'passed' : 'failed']));
    const failed = [...status].filter(([, s]) => s === 'failed').map(([n]) => n);
    expect(failed.sort(), run.output.slice(0, 4000)).toEqual(wrong.map((t) => t.title).sort());
    expect(status.size).toBe(all.length);
    expect(run.code).not.toBe(0);
  });
});
