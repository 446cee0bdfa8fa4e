import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from './simulate';
import { findConfidential } from '../model';

/** Runs the command in-process through its exported main; one test below spawns it for real. */
function simulate(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (write: (s: string) => void) => new Writable({ write(chunk, _enc, done) { write(String(chunk)); done(); } });
  const code = main(args, { out: sink((s) => (stdout += s)), err: sink((s) => (stderr += s)) });
  return { code, stdout, stderr };
}

type Printed = { outcomes: { command: string; outcome: { kind: string; rule?: string; fault?: { message: string; detail?: string }; transitions: { transition: string }[] } }[] };

describe('npm run simulate', () => {
  it('AUTH-03 example: the token-based request with an Application ID is refused, redacted output', () => {
    const r = simulate('scenarios/examples/tba-with-application-id.json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Printed;
    const last = out.outcomes.at(-1)?.outcome;
    expect(last).toMatchObject({ kind: 'refused', rule: 'AUTH-03', fault: { message: 'Ambiguous authentication' } });
    expect(out.outcomes.at(-2)?.outcome.kind).toBe('accepted');
    expect(findConfidential(r.stdout)).toEqual([]);
  });

  it('TOKEN-02 example: Issue Token under Require Approval waits, then works once enabled', () => {
    const out = JSON.parse(simulate('scenarios/examples/issue-token-require-approval.json').stdout) as Printed;
    const kinds = out.outcomes.map((o) => o.outcome.kind);
    expect(kinds.slice(-3)).toEqual(['refused', 'accepted', 'accepted']);
    expect(out.outcomes[4].outcome.transitions[0].transition).toBe('absent --ISSUE_TOKEN[TOKEN-02:requireApproval]--> waitingForApproval');
  });

  it('SBX-02 example: the refresh removes the sandbox-only record and a request brings it back', () => {
    const out = JSON.parse(simulate('scenarios/examples/sandbox-refresh.json').stdout) as Printed;
    const refresh = out.outcomes.find((o) => o.command === 'refreshSandbox')?.outcome;
    expect(refresh?.transitions.map((t) => t.transition)).toContain('enabled --REFRESH_REMOVE--> removed');
    expect(out.outcomes.at(-2)?.outcome.transitions[0].transition).toBe('removed --AUTO_INSTALL--> enabled');
    expect(out.outcomes.at(-1)?.outcome).toMatchObject({ kind: 'refused', rule: 'ASM-13' });
  });

  it('a bad file gets an error naming the position, not a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"seed": 1, "commands": [{"type": "addAccount", "account": "A", "kind": "production"}, {"type": "frobnicate"}]}');
    const r = simulate(bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('commands[1].type: unknown command "frobnicate"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    writeFileSync(bad, '{"seed": 1,\n "commands": [,]}');
    expect(simulate(bad).stderr).toMatch(/not valid JSON at line 2/);
  });

  it('--help prints the usage and exits 0; a second file or an unknown option exits 2 naming it', () => {
    const help = simulate('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run simulate -- FILE\.json/);
    expect(simulate('a.json', 'b.json').stderr).toContain('unknown argument "b.json"');
    const unknown = simulate('--frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option "--frobnicate": should be one of --help');
  });

  it('runs as a real process: npm run simulate prints the outcomes as JSON', () => {
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/simulate.ts', 'scenarios/examples/tba-with-application-id.json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Printed).outcomes.at(-1)?.outcome).toMatchObject({ kind: 'refused', rule: 'AUTH-03' });
  });
});
