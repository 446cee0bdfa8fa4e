import { describe, expect, it } from 'vitest';
import { summarise } from './mutation-summary';

/** The end of `npm run mutation`: scores, message-text survivors apart, reasons for ignored mutants. */

const SOURCE = [
  "if (state === 'blocked') return refuse('STATE-01');",
  "throw new Error('the record is not held here');",
  'const total = a + b;',
].join('\n');

/** Where the text `part` of a line starts and ends, as Stryker locates a mutant. */
const at = (line: number, part: string) => {
  const column = SOURCE.split('\n')[line - 1].indexOf(part) + 1;
  return { start: { line, column }, end: { line, column: column + part.length } };
};

const REPORT = {
  files: {
    'model/example.ts': {
      source: SOURCE,
      mutants: [
        { id: '1', mutatorName: 'ConditionalExpression', replacement: 'true', status: 'Killed', location: at(1, "state === 'blocked'") },
        { id: '2', mutatorName: 'ConditionalExpression', replacement: 'false', status: 'Survived', location: at(1, "state === 'blocked'") },
        { id: '3', mutatorName: 'StringLiteral', replacement: '""', status: 'Survived', location: at(2, "'the record is not held here'") },
        { id: '4', mutatorName: 'StringLiteral', replacement: '""', status: 'Killed', location: at(1, "'STATE-01'") },
        { id: '5', mutatorName: 'ArithmeticOperator', replacement: 'a - b', status: 'Ignored', statusReason: 'a sum only printed', location: at(3, 'a + b') },
        { id: '6', mutatorName: 'ArithmeticOperator', replacement: 'a - b', status: 'CompileError', location: at(3, 'a + b') },
      ],
    },
  },
};

describe('the mutation summary', () => {
  const text = summarise(REPORT);

  it('scores every counted mutant, and apart the logic mutants (all but an error message\'s wording)', () => {
    expect(text).toContain('Mutation score: 50.0% (2 of 4 mutants killed)');
    expect(text).toContain('Logic mutants (all but message-text changes): 66.7% (2 of 3)');
    expect(text).toContain('Surviving message-text mutants (an error message\'s wording): 1');
  });

  it('lists each surviving logic mutant under its file and the rule area named nearby', () => {
    expect(text).toContain('model/example.ts · States (1)');
    expect(text).toContain('line 1: ConditionalExpression → false (Survived)');
    expect(text).not.toContain('line 2:');
  });

  it('counts ignored mutants by the reason their comment in the code gives, per file', () => {
    expect(text).toContain('Ignored as harmless, each with its reason in the code: 1');
    expect(text).toContain('1 × model/example.ts: a sum only printed');
    expect(text).toMatch(/model\/example\.ts\s+66\.7% of 3\s+1, 1\s+1/);
  });
});
