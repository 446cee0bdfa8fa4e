import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfidential } from '../model';
import { runCucumber, spawnCucumber } from './testing/cucumber';

/**
 * Cucumber run as a user runs it, on fixture features under scenarios/fixtures/ (never
 * features/): broken scenarios must fail loudly and say what to fix; a dry run reports without
 * running; the fault switch is caught. (A parallel run giving the same results as a serial one
 * is tested with the report on the real scenarios, reports/cucumber.test.ts.)
 * Cucumber runs in-process through its JavaScript API; one test runs the real command line.
 */

const fixture = (name: string) => join('scenarios', 'fixtures', 'features', name);

describe('cucumber on fixture features', () => {
  it('an undefined step fails the run (exit code 1 from the real command line) and points to the catalogue with a snippet', async () => {
    const run = await spawnCucumber(['-p', 'fixtures', fixture('undefined-step.feature')]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('? When "Partner" deletes the integration record "App"');
    expect(run.output).toContain('Look for the phrase in features/STEPS.md');
    expect(run.output).toContain("step('When', '{string} deletes the integration record {string}'");
    expect(run.output).toContain('1 scenario (1 undefined)');
  });

  it('an ambiguous step fails the run and names both definitions', async () => {
    const run = await runCucumber(['-p', 'fixtures', fixture('ambiguous-step.feature')]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('Multiple step definitions match:');
    expect(run.output).toMatch(/\{actor\} blocks the integration record \{string\} +- scenarios\/steps\/records\.ts:\d+/);
    expect(run.output).toMatch(/\{string\} blocks the integration record \{string\} +- scenarios\/fixtures\/steps\/duplicate\.ts:\d+/);
    expect(run.output).not.toContain('the duplicate step ran');
  });

  it('a value outside the allowed set fails its step with the allowed values, and the seed is printed', async () => {
    const run = await runCucumber(['-p', 'fixtures', fixture('bad-parameter.feature')]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('Invalid account kind "reseller": should be one of production, partner, customer');
    expect(run.output).toContain('Invalid endpoint version "2013.1": should be one of 2014.2, 2015.1');
    expect(run.output).toContain('Invalid State "Disabled": should be one of Enabled, Blocked, Waiting for Approval, Removed, Absent');
    expect(run.output).toContain('Allowed values are listed under Parameters in features/STEPS.md');
    expect(run.output).toMatch(/Scenario seed: \d+ \(derived from the scenario name\)/);
    expect(run.output).toContain('3 scenarios (3 failed)');
  });

  it('--dry-run reports undefined and ambiguous steps without running anything', async () => {
    const run = await runCucumber(['-p', 'fixtures', '--dry-run', fixture('undefined-step.feature'), fixture('ambiguous-step.feature')]);
    expect(run.output).toContain('Undefined. Implement with the following snippet');
    expect(run.output).toContain('Multiple step definitions match:');
    expect(run.output).toContain('2 scenarios (1 ambiguous, 1 undefined)');
    // No hook ran: no scenario wrote a coverage record.
    expect(readdirSync(run.rawDir)).toEqual([]);
  });

  it('the scenarios catch a deliberate fault switched on with HARNESS_FAULT', async () => {
    const run = await runCucumber(['-p', 'adhoc', '--tags', '@AUTH-03', 'features/authentication.feature'], { HARNESS_FAULT: 'AUTH-03' });
    expect(run.code).toBe(1);
    // Every AUTH-03 scenario that expects the refusal now sees the request accepted (or refused for a later rule).
    expect(run.output).toMatch(/Expected the last command to be refused, but it was accepted/);
    expect(run.output).toMatch(/\d+ scenarios \(\d+ failed/);
  });

  it('a set-up step the model refuses fails at that step, naming the rule and the fault; the same request as an attempt may be refused', async () => {
    const run = await runCucumber(['-p', 'fixtures', fixture('refused-setup.feature')]);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/✖ And "Acme" receives a get request on endpoint 2021\.1 with user credentials/);
    expect(run.output).toContain('This set-up step was refused by AUTH-07 (USER_ERROR:');
    expect(run.output).toContain('write the step as a When and follow it with "Then it is refused by AUTH-07"');
    // The steps after it never ran, so nothing later can fail with a misleading message.
    expect(run.output).toMatch(/- Then the integration record "App" is Enabled in "Acme"/);
    expect(run.output).toContain('2 scenarios (1 failed, 1 passed)');
  });

  it('a common-field check that fails names the fields that changed and prints no value', async () => {
    const run = await runCucumber(['-p', 'fixtures', fixture('changed-fields.feature')]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('The common fields of "App" in "Acme" changed since "at creation": Consumer Key, Consumer Secret (values not shown: confidential)');
    expect(findConfidential(run.output)).toEqual([]);
  });
});
