import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, RULE_IDS, type Accepted, type CommandType, type Reason } from '../model';
import { checkStep, type StepContext } from './invariants';
import { citations } from './invariants/citations';
import { DEFAULT_SETTINGS } from './settings';
import { runSteps } from './sim';
import { commandsArb } from './world-property';

/**
 * ASM-20: an accepted command cites exactly the rules it put to use. The invariant is held to
 * the world on generated runs by the world property; here, that it is not vacuous: every kind
 * of accepted command reaches it, and a citation list with a rule dropped, added or repeated
 * is caught under ASM-20.
 */

let sampled: (StepContext & { outcome: Accepted })[] | undefined;

/** Sampled on first use inside a test, never at collection, so mutation testing sees which test reaches the model. */
function acceptedSteps(): (StepContext & { outcome: Accepted })[] {
  if (sampled) return sampled;
  const steps: (StepContext & { outcome: Accepted })[] = [];
  for (const run of fc.sample(commandsArb(DEFAULT_SETTINGS), { numRuns: 40, seed: 20 })) {
    runSteps(run, {
      seed: 3,
      faults: [],
      onChecked: (step) => {
        if (step.outcome.kind === 'accepted') steps.push(step as StepContext & { outcome: Accepted });
      },
    });
  }
  sampled = steps;
  return steps;
}

const doctored = (step: StepContext & { outcome: Accepted }, rules: readonly Reason[]): StepContext => ({ ...step, outcome: { ...step.outcome, rules } });

describe('ASM-20: an accepted command cites exactly the rules it put to use', () => {
  it('generated runs accept every command type, and each acceptance holds its citations', () => {
    const steps = acceptedSteps();
    const seen = new Set<CommandType>(steps.map((s) => s.outcome.command));
    expect(COMMAND_TYPES.filter((t) => !seen.has(t))).toEqual([]);
    for (const s of steps) expect(checkStep(s), `${s.command.type} citing ${s.outcome.rules.join(' ')}`).toBeUndefined();
  });

  it('a rule dropped from, added to or repeated in the citations is caught under ASM-20', () => {
    const steps = acceptedSteps();
    let cases = 0;
    for (const s of steps) {
      const rules = s.outcome.rules;
      const extra = RULE_IDS.find((r) => !rules.includes(r));
      const wrong: Reason[][] = [...(extra ? [[...rules, extra]] : []), ...(rules.length > 0 ? [rules.slice(1), [...rules, rules[0]]] : [])];
      for (const w of wrong) {
        const v = checkStep(doctored(s, w));
        expect(v?.rules, `${s.command.type} doctored to cite ${w.join(' ')}`).toEqual(['ASM-20']);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(steps.length);
  });

  it('an outcome naming another command, or none, is caught under ASM-20, accepted or refused', () => {
    const steps = acceptedSteps();
    for (const s of steps.slice(0, 50)) {
      for (const command of ['', s.command.type === 'request' ? 'login' : 'request'] as CommandType[]) {
        const v = checkStep({ ...s, outcome: { ...s.outcome, command } });
        expect(v?.rules, `${s.command.type} answered as "${command}"`).toEqual(['ASM-20']);
      }
      const refusal: StepContext = { ...s, after: s.before, outcome: { kind: 'refused', command: '' as CommandType, rule: 'AUTH-06', fault: { code: 'USER_ERROR', message: 'x' }, transitions: [] } };
      expect(citations.check(refusal)?.message, s.command.type).toBe(`a ${s.command.type} command was answered as no command`);
    }
  });

  it('the message names what was cited and what the command put to use', () => {
    const create = acceptedSteps().find((s) => s.command.type === 'createRecord');
    expect(create).toBeDefined();
    const v = checkStep(doctored(create!, ['REC-01']));
    expect(v?.message).toBe('createRecord was accepted citing REC-01; it put to use REC-01, REC-02, REC-03, REC-06');
  });
});
