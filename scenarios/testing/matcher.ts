import { CucumberExpression, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import type { StepDefinition } from '../library';
import { PARAMETER_TYPES } from '../parameter-types';
import { STEP_AREAS } from '../steps';

/**
 * Matches step text against the step library outside a cucumber run, the way cucumber does
 * (same expressions, same parameter types). Tests use it to check that every catalogue example
 * and every printed step matches exactly one step, and that its values are allowed.
 */

export interface Match {
  readonly step: StepDefinition;
  /** The parameter values after the transformers ran. */
  readonly values: readonly unknown[];
}

function registry(): ParameterTypeRegistry {
  const r = new ParameterTypeRegistry();
  for (const p of PARAMETER_TYPES) r.defineParameterType(new ParameterType(p.name, p.regexp, null, (text: string) => p.parse(text), false, false));
  return r;
}

let compiled: { step: StepDefinition; expression: CucumberExpression }[] | undefined;

function expressions() {
  const r = registry();
  compiled ??= STEP_AREAS.flatMap((a) => a.steps).map((step) => ({ step, expression: new CucumberExpression(step.expression, r) }));
  return compiled;
}

/** Every step definition whose expression matches the text (one line, without keyword). Throws if a value is not allowed. */
export function matchStep(text: string): Match[] {
  const out: Match[] = [];
  for (const { step, expression } of expressions()) {
    const args = expression.match(text);
    if (args) out.push({ step, values: args.map((a) => a.getValue(null)) });
  }
  return out;
}
