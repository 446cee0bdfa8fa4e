import type { Command } from './commands';
import type { DeliberateFault } from './faults';
import type { LifecycleState } from './lifecycle.machine';
import type { Reason } from './outcomes';

/**
 * A trace: commands from an empty world, plus what should hold after the last one. Properties
 * (shrunk counterexamples), the explorer (shortest violating paths) and the coverage report
 * (scenarios proposed for gaps) all produce traces; `traceToGherkin` (scenarios/gherkin.ts)
 * prints one in the step library's own phrases, and `traceToSimulation` as a simulate file.
 */
export type Expectation =
  /** The last command's outcome: accepted, or refused (optionally by this rule, with this message). */
  | { readonly type: 'outcome'; readonly kind: 'accepted' }
  | { readonly type: 'outcome'; readonly kind: 'refused'; readonly rule?: Reason; readonly message?: string }
  /** An installation's lifecycle state in an account ('absent' and 'removed' included). */
  | { readonly type: 'state'; readonly account: string; readonly record: string; readonly state: LifecycleState };

export interface Trace {
  readonly title: string;
  /** Tags without '@', e.g. ['AUTH-03', 'counterexample']. */
  readonly tags: readonly string[];
  readonly seed: number;
  /** Deliberate faults the trace was found under (a scenario runs with HARNESS_FAULT to reproduce). */
  readonly faults: readonly DeliberateFault[];
  readonly commands: readonly Command[];
  readonly expectations: readonly Expectation[];
}
