import { idsIn, redactText, type Command, type CommandType, type Expectation, type Outcome, type World } from '../../model';
import { decodeCall, type Call } from './calls';

/** One command applied to a world: what every invariant is checked against. */
export interface StepContext {
  readonly before: World;
  readonly command: Command;
  readonly after: World;
  readonly outcome: Outcome;
}

export interface Violation {
  readonly invariant: string;
  readonly rules: readonly string[];
  readonly message: string;
  /** What should have held after the command, as a scenario asserts it; empty when no step phrase can say it. */
  readonly expectations: readonly Expectation[];
}

export interface Invariant {
  readonly name: string;
  readonly rules: readonly string[];
  check(step: StepContext): Violation | undefined;
}

/** What an invariant finds wrong, before it is named and redacted into a Violation. */
export interface Problem {
  readonly message: string;
  readonly expectations?: readonly Expectation[];
}

/**
 * A step as the invariants read it: the step itself, and what several of them derive from it
 * (the request or login the command is, the accounts it replaced), each computed on first use.
 * `checkStep` makes one per step and hands it to every invariant, so the memo lives exactly
 * as long as the step it describes.
 */
export class Step implements StepContext {
  readonly before: World;
  readonly command: Command;
  readonly after: World;
  readonly outcome: Outcome;
  private decoded = false;
  private decodedCall: Call | undefined;
  private changed: readonly string[] | undefined;

  constructor(step: StepContext) {
    this.before = step.before;
    this.command = step.command;
    this.after = step.after;
    this.outcome = step.outcome;
  }

  /** The request or login the command is; undefined for any other command. */
  get call(): Call | undefined {
    if (!this.decoded) {
      this.decoded = true;
      this.decodedCall = decodeCall(this.command);
    }
    return this.decodedCall;
  }

  /** Accounts whose data the step replaced (the world shares what it did not touch). */
  get changedAccounts(): readonly string[] {
    if (this.changed === undefined) {
      const changed: string[] = [];
      const { before, after } = this;
      if (before.accounts !== after.accounts) {
        for (const name in after.accounts) if (after.accounts[name] !== before.accounts[name]) changed.push(name);
      }
      this.changed = changed;
    }
    return this.changed;
  }
}

/** An invariant as the index runs it: on a shared Step, with the command types it concerns. */
export interface DefinedInvariant extends Invariant {
  /** The command types it can say anything about; undefined means every command. */
  readonly concerns: readonly CommandType[] | undefined;
  verify(step: Step): Violation | undefined;
}

/** An invariant named by the rule IDs it checks (the IDs are read from the name). */
export function define(name: string, find: (step: Step) => Problem | undefined, concerns?: readonly CommandType[]): DefinedInvariant {
  const rules = [...new Set(idsIn(name))];
  const verify = (step: Step): Violation | undefined => {
    const p = find(step);
    return p && { invariant: name, rules, message: redactText(p.message), expectations: p.expectations ?? [] };
  };
  return { name, rules, concerns, verify, check: (step) => verify(new Step(step)) };
}
