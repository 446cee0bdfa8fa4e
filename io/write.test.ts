import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transformSync } from '@swc/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SETS_DIR, writeFileSet } from './write';

/**
 * All or nothing, for real: a writer killed (SIGKILL) at random points while it writes report
 * sets over and over leaves, every time, one complete set on disk; the next write removes what
 * the killed one left.
 */

const NAMES = ['coverage.json', 'index.html', 'summary.md'];
/** Large enough that a set takes a few milliseconds to write, so kills land inside writes. */
const PADDING = 'x'.repeat(400_000);

/** The real writer, transpiled once to plain JavaScript so each killed child starts in milliseconds. */
function compiledWriter(): string {
  const dir = mkdtempSync(join(tmpdir(), 'writer-'));
  // swc (ts-node's transpiler here) rather than TypeScript's own: loading typescript costs a worker a second.
  const js = transformSync(readFileSync(resolve('io/write.ts'), 'utf8'), { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }).code;
  writeFileSync(join(dir, 'write.js'), js);
  // argv: DIR [STOP [FROM]]: with STOP, the writer kills itself after its STOP-th step, counting
  // from set FROM (default the second); without, it writes sets until it is killed.
  const loop = `
    const { writeFileSet } = require('./write.js');
    const [dir, stop, from = '2'] = process.argv.slice(2);
    let steps = 0;
    const afterStep = () => { if (stop !== undefined && ++steps === Number(stop)) process.kill(process.pid, 'SIGKILL'); };
    process.stdout.write('ready\\n');
    for (let run = 1; stop === undefined || run <= 2; run++) {
      writeFileSet(dir, ${JSON.stringify(NAMES)}.map((name) => ({ name, content: 'run ' + run + '\\n' + ${JSON.stringify(PADDING)} })), run >= Number(from) ? { afterStep } : {});
    }
    process.stdout.write('steps ' + steps + '\\n');`;
  writeFileSync(join(dir, 'loop.js'), loop);
  return join(dir, 'loop.js');
}

/** Starts the looping writer and kills it `delayMs` after it is ready. */
function killWriterAfter(loop: string, out: string, delayMs: number): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [loop, out], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('error', fail);
    child.on('exit', () => done());
  });
}

/** Runs the writer to its STOP-th step of the second set (SIGKILL there); resolves with what it printed. */
function stopWriterAt(loop: string, out: string, stop: number, from = 2): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [loop, out, String(stop), String(from)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let printed = '';
    child.stdout.on('data', (d: Buffer) => (printed += d.toString()));
    child.on('error', fail);
    child.on('exit', () => done(printed));
  });
}

/** The set users see: each top-level file's run tag and length, or undefined before any set (then none may show). */
function visibleSet(out: string): { tags: string[]; lengths: number[] } | undefined {
  const shown = NAMES.filter((n) => existsSync(join(out, n)));
  if (shown.length === 0) return undefined;
  expect(shown, 'some of the set shows, not all').toEqual(NAMES);
  const texts = NAMES.map((n) => readFileSync(join(out, n), 'utf8'));
  return { tags: texts.map((t) => t.split('\n')[0]), lengths: texts.map((t) => t.length) };
}

describe('writeFileSet', () => {
  it('a writer killed at random points always leaves one complete set, and the next write cleans up after it', async () => {
    const loop = compiledWriter();
    const out = mkdtempSync(join(tmpdir(), 'report-set-'));
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: 120 }), async (delayMs) => {
        await killWriterAfter(loop, out, delayMs);
        const set = visibleSet(out);
        if (set === undefined) return;
        expect(new Set(set.tags).size, `files from different runs: ${set.tags.join(', ')}`).toBe(1);
        expect(set.lengths).toEqual(set.lengths.map(() => set.tags[0].length + 1 + PADDING.length));
        seen.add(set.tags[0]);
      }),
      { numRuns: 12, seed: 20261130 },
    );
    // The kills landed after at least one complete set (otherwise the test proved nothing).
    expect(seen.size).toBeGreaterThan(0);
    writeFileSet(out, NAMES.map((name) => ({ name, content: `final\n${name}` })));
    expect(readdirSync(join(out, SETS_DIR, 'report')).length).toBe(2);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toBe('final\nsummary.md');
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 60_000);

  it('a writer stopped after each of its steps in turn leaves the old set or the new one, never a mix', async () => {
    const loop = compiledWriter();
    // A stop past the last step lets the writer finish; it prints how many steps a set takes.
    const steps = Number(/steps (\d+)/.exec(await stopWriterAt(loop, mkdtempSync(join(tmpdir(), 'report-steps-')), 1000))?.[1]);
    expect(steps).toBeGreaterThanOrEqual(NAMES.length + 3);
    const outcomes = new Set<string>();
    for (let stop = 1; stop <= steps; stop++) {
      const out = mkdtempSync(join(tmpdir(), `report-stop-${stop}-`));
      await stopWriterAt(loop, out, stop);
      const set = visibleSet(out);
      expect(set, `stopped after step ${stop}`).toBeDefined();
      expect(new Set(set?.tags).size, `stopped after step ${stop}: ${set?.tags.join(', ')}`).toBe(1);
      outcomes.add(set?.tags[0] ?? '');
    }
    // Early stops keep the first set, late ones show the second: both were seen.
    expect([...outcomes].sort()).toEqual(['run 1', 'run 2']);
    // The very first set, stopped after each step: nothing shows, or all of it.
    for (let stop = 1; stop <= steps; stop++) {
      const out = mkdtempSync(join(tmpdir(), `report-first-${stop}-`));
      await stopWriterAt(loop, out, stop, 1);
      const set = visibleSet(out);
      if (set) expect(new Set(set.tags), `first set stopped after step ${stop}`).toEqual(new Set(['run 1']));
    }
  }, 60_000);

  it('a failure while writing the new set leaves the old set in place and no new directory', () => {
    const out = mkdtempSync(join(tmpdir(), 'report-set-fail-'));
    writeFileSet(out, [{ name: 'a.txt', content: 'old a' }, { name: 'b.txt', content: 'old b' }]);
    expect(() => writeFileSet(out, [{ name: 'a.txt', content: 'new a' }, { name: 'missing/dir/b.txt', content: 'new b' }])).toThrow(/ENOENT/);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a');
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('old b');
    expect(readdirSync(join(out, SETS_DIR, 'report')).length).toBe(2);
  });
});
