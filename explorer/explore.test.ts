import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DELIBERATE_FAULT_IDS } from '../model';
import { ConfigError, DEFAULT_CONFIG, parseConfig, type ExplorerConfig } from './config';
import { explore } from './explore';
import { runExploration, writeTraceFiles } from './run';

/** One production account, one record it creates; States and Require Approval only. */
const TINY: ExplorerConfig = parseConfig({
  accounts: [{ name: 'Acme', kind: 'production' }],
  records: [{ name: 'App', owner: 'Acme', authentication: { userCredentials: true, tokenBased: true } }],
  endpoints: [],
  requestForms: [],
  families: ['create', 'state', 'requireApproval'],
}, 'tiny');

/** A partner record issued to two customers by Issue Token; the customers are interchangeable. */
const TWO_CUSTOMERS = (symmetric: boolean): ExplorerConfig => parseConfig({
  accounts: [{ name: 'Partner', kind: 'partner' }, { name: 'C1', kind: 'customer' }, { name: 'C2', kind: 'customer' }],
  records: [{ name: 'App', owner: 'Partner', authentication: { userCredentials: false, tokenBased: true } }],
  endpoints: [],
  requestForms: [],
  families: ['create', 'issueToken'],
  symmetric: symmetric ? [['C1', 'C2']] : [],
}, 'two customers');

describe('explorer', () => {
  it('counts the states of a configuration small enough to count by hand', async () => {
    // No record, or the record Enabled or Blocked (3), times Require Approval on or off (2) = 6 states.
    // Each state without the record answers 2 creations + 2 preference settings, each state with it
    // 2 State edits + 2 preference settings: 2*4 + 4*4 = 24 transitions; every state is within 2 steps.
    const r = await explore({ config: TINY });
    expect(r.stoppedBy).toBe('fixpoint');
    expect(r.states).toBe(6);
    expect(r.transitions).toBe(24);
    expect(r.depth).toBe(2);
    expect([...r.lifecycleTransitions.keys()].sort()).toEqual([
      'absent --CREATE--> enabled', 'absent --CREATE[REC-03:createdBlocked]--> blocked', 'blocked --ENABLE--> enabled', 'enabled --BLOCK--> blocked',
    ]);
  });

  it('symmetry between interchangeable customers counts permutations once', async () => {
    // No record (1); created Enabled: Partner token yes/no x customers holding a token (13 without
    // symmetry: 2 x 2 x 2 = 8 plus Blocked: 2 x 2 = 4; with symmetry 0, 1 or 2 customers: 2 x 3 + 3).
    const plain = await explore({ config: TWO_CUSTOMERS(false) });
    const reduced = await explore({ config: TWO_CUSTOMERS(true) });
    expect(plain.states).toBe(13);
    expect(reduced.states).toBe(10);
  });

  it('stops at the depth bound', async () => {
    const r = await explore({ config: { ...TINY, depth: 1 } });
    expect(r.stoppedBy).toBe('depth');
    expect(r.depth).toBe(1);
    expect(r.states).toBe(4);
  });

  it('parses every configuration file shipped in explorer/configs', () => {
    const files = readdirSync('explorer/configs').filter((f) => f.endsWith('.json'));
    expect(files).toEqual(expect.arrayContaining(['approval.json', 'lifecycle.json']));
    for (const f of files) expect(() => parseConfig(JSON.parse(readFileSync(join('explorer/configs', f), 'utf8')), f), f).not.toThrow();
  });

  it('rejects a bad configuration with the field and what is allowed', () => {
    expect(() => parseConfig({ endpoints: ['2013.1'] }, 'x.json')).toThrow(ConfigError);
    expect(() => parseConfig({ endpoints: ['2013.1'] }, 'x.json')).toThrow(/endpoints: endpoint "2013.1" does not exist; expected 2014.2 through 2026.1/);
    expect(() => parseConfig({ famlies: [] }, 'x.json')).toThrow(/unknown field "famlies"/);
  });

  it('refuses a symmetry that is not sound: accounts that differ are not explored up to permutation', () => {
    const cast = { accounts: [{ name: 'Partner', kind: 'partner' }, { name: 'C1', kind: 'customer' }, { name: 'C2', kind: 'customer' }] };
    const app = { name: 'App', owner: 'Partner', authentication: { userCredentials: true, tokenBased: true } };
    expect(() => parseConfig({ ...cast, records: [app], symmetric: [['Partner', 'C1']] }, 'x')).toThrow(/kinds differ/);
    expect(() => parseConfig({ ...cast, records: [{ ...app, owner: 'C1' }], symmetric: [['C1', 'C2']] }, 'x')).toThrow(/owns a record/);
    expect(() => parseConfig({ ...cast, records: [{ ...app, accounts: ['Partner', 'C1'] }], symmetric: [['C1', 'C2']] }, 'x')).toThrow(/scoped to some of them/);
    expect(() => parseConfig({ ...cast, records: [app], requireApprovalIn: ['C2'], symmetric: [['C1', 'C2']] }, 'x')).toThrow(/requireApprovalIn/);
    expect(() => parseConfig({ ...cast, records: [app], users: [{ account: 'C1', user: 'Lee', role: 'integrationFull' }], symmetric: [['C1', 'C2']] }, 'x')).toThrow(/users differ/);
    expect(() => parseConfig({ ...cast, records: [app], symmetric: [['C1', 'C2']] }, 'x')).not.toThrow();
  });

  it('from the command line, stops at a state cap with an incomplete report, and refuses a bad cap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'explore-cli-'));
    const report = join(dir, 'capped.json');
    const capped = explorer(['--max-states', '500', '--report', report]);
    expect(capped.status, capped.stdout).toBe(0);
    expect(capped.stdout).toMatch(/result +state cap 500 reached\ndistinct states +500\n/);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ complete: false, states: 500 });
    const bad = explorer(['--max-states', 'lots']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/--max-states must be a positive integer, got "lots"/);
  });

  it('each deliberate fault is found with a shortest trace whose Gherkin scenario fails under the fault and passes without it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explore-'));
    const features: string[] = [];
    for (const fault of DELIBERATE_FAULT_IDS) {
      const e = await runExploration(DEFAULT_CONFIG, [fault]);
      expect(e.result.stoppedBy, fault).toBe('violation');
      expect(e.trace, fault).toBeDefined();
      if (!e.trace) continue;
      // Breadth-first: no shorter path exists, so a depth bound one less finds nothing.
      const shorter = await runExploration({ ...DEFAULT_CONFIG, depth: e.result.violation!.path.length - 1 }, [fault]);
      expect(shorter.result.stoppedBy, fault).not.toBe('violation');
      expect(e.trace.expectations.length, fault).toBeGreaterThan(0);
      const { feature } = writeTraceFiles(e.trace, dir, `trace-${fault}`);
      features.push(feature);
      const faulty = cucumber([feature], fault, dir);
      expect(faulty.status, `${fault}\n${faulty.stdout}`).not.toBe(0);
      expect(faulty.stdout, fault).toMatch(/1 scenario \(1 failed\)/);
    }
    const clean = cucumber(features, '', dir);
    expect(clean.status, clean.stdout).toBe(0);
    expect(clean.stdout).toMatch(new RegExp(`${DELIBERATE_FAULT_IDS.length} scenarios \\(${DELIBERATE_FAULT_IDS.length} passed\\)`));
  });
});

function explorer(args: string[]) {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'explorer/cli.ts', ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: `${r.stdout}\n${r.stderr}` };
}

function cucumber(files: string[], fault: string, dir: string) {
  const r = spawnSync(process.execPath, ['node_modules/@cucumber/cucumber/bin/cucumber-js', '-p', 'adhoc', ...files], {
    encoding: 'utf8',
    env: { ...process.env, HARNESS_FAULT: fault, HARNESS_RAW_DIR: join(dir, 'raw') },
  });
  return { status: r.status, stdout: `${r.stdout}\n${r.stderr}` };
}
