import type { HarnessWorld } from './world';

/**
 * The step library as data: every step is a cucumber expression, a one-line summary, an
 * example and its function. `scenarios/register.ts` hands them to cucumber; the catalogue
 * (features/STEPS.md) and the Gherkin printer's tests read the same list, outside cucumber.
 */

export type Keyword = 'Given' | 'When' | 'Then';

export interface StepDefinition {
  readonly keyword: Keyword;
  readonly expression: string;
  readonly summary: string;
  /** A complete step line (without keyword) that this definition matches. */
  readonly example: string;
  /** The step's function; its arity must match the expression's parameters (plus a data table). */
  readonly fn: (this: HarnessWorld, ...args: never) => void;
  /** Whether the step takes a data table after it. */
  readonly table: boolean;
  /** Where the step is declared, so cucumber's reports point at the step file, not the registrar. */
  readonly source: SourceLocation | undefined;
}

export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** The file and line of the code that called `step()` or `tableStep()` (two frames up the stack). */
function callSite(): SourceLocation | undefined {
  const frame = new Error().stack?.split('\n')[3] ?? '';
  const m = /\(?((?:file:\/\/)?[^()]+):(\d+):\d+\)?$/.exec(frame.trim());
  return m ? { file: m[1].replace(/^at /, '').replace(/^file:\/\//, ''), line: Number(m[2]) } : undefined;
}

export interface StepArea {
  readonly area: string;
  /** What the steps are for, shown above them in the catalogue. */
  readonly intro: string;
  readonly steps: readonly StepDefinition[];
}

type StepFn<A extends unknown[]> = (this: HarnessWorld, ...args: A) => void;

/** Declares one step; `fn` is typed by its own parameters, checked at run time by cucumber. */
export function step<A extends unknown[]>(keyword: Keyword, expression: string, summary: string, example: string, fn: StepFn<A>): StepDefinition {
  return { keyword, expression, summary, example, fn, table: false, source: callSite() };
}

/** A step followed by a data table (the table is the function's last argument). */
export function tableStep<A extends unknown[]>(keyword: Keyword, expression: string, summary: string, example: string, fn: StepFn<A>): StepDefinition {
  return { keyword, expression, summary, example, fn, table: true, source: callSite() };
}
