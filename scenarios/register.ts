import { defineStep } from '@cucumber/cucumber';
import { runInThisContext } from 'node:vm';
import type { StepDefinition } from './library';
import { STEP_AREAS } from './steps';
import type { HarnessWorld } from './world';

/**
 * Hands the step library to cucumber. Keywords do not matter for matching in cucumber, so
 * every step is registered once with defineStep; its keyword is documentation.
 */

type Define = typeof defineStep;
type CucumberFn = (this: HarnessWorld, ...args: unknown[]) => void | Promise<void>;

/**
 * Calls the typed step function with cucumber's arguments; keeps its arity, which cucumber
 * checks. On the wire target, what the step ran is then sent to the simulator (a promise).
 */
function forCucumber(s: StepDefinition): CucumberFn {
  const call = function (this: HarnessWorld, ...args: unknown[]): void | Promise<void> {
    Reflect.apply(s.fn, this, args);
    return this.flushWire();
  };
  Object.defineProperty(call, 'length', { value: s.fn.length });
  return call;
}

/**
 * Cucumber records a step's location from the first stack frame outside cucumber, which would
 * be this file for every step. Calling defineStep through a tiny function compiled with the
 * step's own file name and line makes reports ("# scenarios/steps/records.ts:42") point at the
 * step's declaration instead.
 */
function definer(s: StepDefinition): (define: Define, expression: string, fn: CucumberFn) => void {
  if (!s.source) return (define, expression, fn) => define(expression, fn);
  const compiled: unknown = runInThisContext('(function (define, expression, fn) { define(expression, fn); })', {
    filename: s.source.file,
    lineOffset: s.source.line - 1,
  });
  if (typeof compiled !== 'function') throw new Error('could not compile the step definer');
  return (define, expression, fn) => Reflect.apply(compiled, undefined, [define, expression, fn]);
}

for (const area of STEP_AREAS) {
  for (const s of area.steps) definer(s)(defineStep, s.expression, forCucumber(s));
}
