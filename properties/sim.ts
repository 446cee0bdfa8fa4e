import fc from 'fast-check';
import { apply, createWorld, type Command, type DeliberateFault, type Outcome, type World } from '../model';
import type { FreshNames, Intent } from './arbitraries';
import { checkStep, type StepContext, type Violation } from './invariants';

/**
 * The model side of fast-check's model-based testing: `Sim` holds the world (a value), the
 * commands applied so far and the counters for fresh names; `WorldStep` is one fc.Command.
 * Every command applied goes through every invariant.
 */

export type OutcomeListener = (outcome: Outcome, command: Command) => void;

/** Thrown inside fc.modelRun when an invariant fails; carries the commands that led there. */
export class InvariantViolation extends Error {
  constructor(readonly violation: Violation, readonly commands: readonly Command[]) {
    super(`${violation.invariant}: ${violation.message}`);
    this.name = 'InvariantViolation';
  }
}

export interface SimOptions {
  readonly seed: number;
  readonly faults: readonly DeliberateFault[];
  /** Check the invariants after each command (off only to measure bare application). */
  readonly check?: boolean;
  readonly listener?: OutcomeListener;
  /** Sees every checked step and what the invariants found (the evidence counter). */
  readonly onChecked?: (step: StepContext, violation: Violation | undefined) => void;
}

export class Sim implements FreshNames {
  world: World;
  tokens = 0;
  sessions = 0;
  bundles = 0;
  /** Commands applied, with those the world found invalid left out (they change nothing). */
  readonly trace: Command[] = [];
  readonly check: boolean;

  constructor(readonly options: SimOptions) {
    this.world = createWorld({ seed: options.seed, faults: options.faults });
    this.check = options.check ?? true;
  }

  apply(command: Command): Outcome {
    const before = this.world;
    let result: ReturnType<typeof apply>;
    try {
      result = apply(before, command);
    } catch (e) {
      // The world answers every input with an outcome; a throw is a bug in the model.
      const message = e instanceof Error ? e.message : String(e);
      throw new InvariantViolation({ invariant: 'apply never throws', rules: [], message, expectations: [] }, [...this.trace, command]);
    }
    const { world, outcome } = result;
    this.world = world;
    if (command.type === 'createAccessToken' || command.type === 'issueToken') this.tokens++;
    else if (command.type === 'login') this.sessions++;
    else if (command.type === 'createBundle') this.bundles++;
    this.options.listener?.(outcome, command);
    if (this.check) {
      const step = { before, command, after: world, outcome };
      const violation = checkStep(step);
      this.options.onChecked?.(step, violation);
      if (violation) throw new InvariantViolation(violation, [...this.trace, command]);
    }
    if (outcome.kind !== 'invalid') this.trace.push(command);
    return outcome;
  }
}

/** One generated step: resolves its intent in `check` (read-only), applies the result in `run`. */
export class WorldStep implements fc.Command<Sim, Sim> {
  private pending: readonly Command[] | undefined;

  constructor(readonly intent: Intent) {}

  check(model: Readonly<Sim>): boolean {
    this.pending = this.intent.resolve(model.world, model);
    return this.pending !== undefined;
  }

  run(model: Sim): void {
    const commands = this.pending ?? this.intent.resolve(model.world, model);
    this.pending = undefined;
    if (commands) for (const c of commands) model.apply(c);
  }

  toString(): string {
    return this.intent.label;
  }
}

/** Runs generated steps over a fresh Sim through fc.modelRun; returns the Sim. */
export function runSteps(steps: Iterable<fc.Command<Sim, Sim>>, options: SimOptions): Sim {
  const sim = new Sim(options);
  fc.modelRun(() => ({ model: sim, real: sim }), steps);
  return sim;
}
