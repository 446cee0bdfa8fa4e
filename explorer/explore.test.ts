import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DELIBERATE_FAULT_IDS } from '../model';
import { runCucumber } from '../scenarios/testing/cucumber';
import { main } from './cli';
import { ConfigError, DEFAULT_CONFIG, parseConfig, parseConfigText, type ExplorerConfig } from './config';
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

  it('rejects a bad configuration, naming the field\'s position and what is allowed', () => {
    expect(() => parseConfig({ endpoints: ['2013.1'] }, 'x.json')).toThrow(ConfigError);
    expect(() => parseConfig({ endpoints: ['2013.1'] }, 'x.json')).toThrow(/configuration\.endpoints\[0\]: endpoint "2013.1" does not exist; expected 2014.2 through 2026.1/);
    expect(() => parseConfig({ famlies: [] }, 'x.json')).toThrow(/configuration: unknown field "famlies"; expected one of name, accounts, /);
    const accounts = [{ name: 'Acme', kind: 'production' }, { name: 'Partner', kind: 'partner' }, { name: 'Reseller', kind: 'reseller' }];
    expect(() => parseConfig({ accounts }, 'x.json')).toThrow(/^explorer config x\.json: configuration\.accounts\[2\]\.kind: Invalid option: expected one of "production"\|"sandbox"\|"partner"\|"customer"$/);
    expect(() => parseConfig({ accounts: accounts.slice(0, 2), records: [{ name: 'App', owner: 'Globex', authentication: { userCredentials: true, tokenBased: true } }] }, 'x.json'))
      .toThrow(/configuration\.records\[0\]\.owner: unknown account "Globex"; expected one of Acme, Partner/);
  });

  it('refuses an empty configuration instead of running the default one, naming what is missing', () => {
    expect(() => parseConfig({}, 'empty.json')).toThrow(/^explorer config empty\.json: configuration\.accounts: missing; expected a non-empty list of \{ "name", "kind", "production"\? \}$/);
    expect(() => parseConfig({ accounts: [] }, 'none.json')).toThrow(/configuration\.accounts: empty; expected at least one account/);
  });

  it('names the line and column of malformed JSON', () => {
    expect(() => parseConfigText('{\n  "accounts": [\n    { "name": "Acme" "kind": "production" }\n  ]\n}', 'bad.json')).toThrow(/^explorer config bad\.json: not valid JSON at line 3, column 22: /);
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

  it('from the command line, stops at a state cap with an incomplete report, and refuses a bad cap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explore-cli-'));
    const report = join(dir, 'capped.json');
    const capped = await explorer(['--max-states', '500', '--report', report]);
    expect(capped.status, capped.stdout).toBe(0);
    expect(capped.stdout).toMatch(/result +state cap 500 reached\ndistinct states +500\n/);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ complete: false, states: 500 });
    const bad = await explorer(['--max-states', 'lots']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/--max-states must be a positive integer, got "lots"/);
  });

  it('from the command line, prints its usage with --help, and names a bad option or configuration file', async () => {
    const help = await explorer(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run explore -- \[--config FILE\.json\].*\[--help\]\n/);
    expect(help.stdout).toMatch(/Exit codes: 0 no violation, 1 violation found, 2 bad input, 130 interrupted\./);
    const typo = await explorer(['--depht', '3']);
    expect(typo.status).toBe(2);
    expect(typo.stdout).toMatch(/unknown option "--depht": should be one of --config, --depth, /);
    const dir = mkdtempSync(join(tmpdir(), 'explore-cli-'));
    writeFileSync(join(dir, 'empty.json'), '{}');
    const empty = await explorer(['--config', join(dir, 'empty.json')]);
    expect(empty.status).toBe(2);
    expect(empty.stdout).toMatch(/empty\.json: configuration\.accounts: missing/);
  });

  it('runs as a real command line: a bad cap is refused with exit code 2', () => {
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'explorer/cli.ts', '--max-states', 'lots'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^explore: --max-states must be a positive integer, got "lots"\nusage: npm run explore/);
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
      const faulty = await runCucumber(['-p', 'adhoc', feature], { HARNESS_FAULT: fault });
      expect(faulty.code, `${fault}\n${faulty.output}`).not.toBe(0);
      expect(faulty.output, fault).toMatch(/1 scenario \(1 failed\)/);
    }
    const clean = await runCucumber(['-p', 'adhoc', ...features]);
    expect(clean.code, clean.output).toBe(0);
    expect(clean.output).toMatch(new RegExp(`${DELIBERATE_FAULT_IDS.length} scenarios \\(${DELIBERATE_FAULT_IDS.length} passed\\)`));
  });
});

/** The command line in-process: its exit code, and what it wrote to stdout and stderr together. */
async function explorer(args: string[]) {
  let stdout = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      stdout += String(chunk);
      done();
    },
  });
  const status = await main(args, { out: sink, err: sink, env: {}, interrupted: () => false });
  return { status, stdout };
}
