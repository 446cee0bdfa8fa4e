import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCounterexample, type PropertyFailure } from './counterexample';

/** The printed replay command selects the failing property alone, quoted for the shell. */

const scratch = mkdtempSync(join(tmpdir(), 'harness-counterexample-'));

function failureOf(property: string): PropertyFailure {
  return {
    property,
    violation: { invariant: 'AUTH-03 a token-based request carrying an Application ID is refused', rules: ['AUTH-03'], message: 'accepted', expectations: [] },
    commands: [{ type: 'addAccount', account: 'Acme', kind: 'production' }],
    worldSeed: 42,
    faults: ['AUTH-03'],
    seed: -123,
    path: '7:1:0',
    replayPath: 'AAAB/ab:C',
    numRuns: 8,
    numShrinks: 3,
  };
}

/** The replay command line of a report, split into words by a real shell. */
function replayWords(property: string): string[] {
  const line = reportCounterexample(failureOf(property), scratch, 'properties/world.property.test.ts').text.split('\n').map((l) => l.trim()).find((l) => l.startsWith('HARNESS_SEED='));
  if (!line) throw new Error('no replay command in the report');
  return execFileSync('sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' }).trimEnd().split('\n');
}

describe('the replay command of a property failure', () => {
  const names = [
    'random command sequences keep every invariant (AUTH-03 AUTH-04 ASM-09)',
    "decision table agrees with the world on whether a request is accepted and which record tracks it (AUTH-03 ASM-07)",
    "a property's name with $pecial [characters] * + ? | \\ and 'quotes'",
  ];

  for (const name of names) {
    it(`names the failing property with -t, matching it literally: ${name}`, () => {
      const words = replayWords(name);
      expect(words.slice(0, 4)).toEqual(['HARNESS_SEED=-123', 'HARNESS_PATH=7:1:0', 'HARNESS_REPLAY_PATH=AAAB/ab:C', 'HARNESS_FAULT=AUTH-03']);
      expect(words.slice(4, 8)).toEqual(['npx', 'vitest', 'run', 'properties/world.property.test.ts']);
      expect(words[8]).toBe('-t');
      expect(words).toHaveLength(10);
      // vitest matches -t against the full name (describe and test names joined by spaces).
      const pattern = new RegExp(words[9]);
      expect(pattern.test(`properties of the world ${name}`)).toBe(true);
      for (const other of names.filter((n) => n !== name)) expect(pattern.test(`properties of the world ${other}`)).toBe(false);
    });
  }
});
