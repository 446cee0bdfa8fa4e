import { defineParameterType } from '@cucumber/cucumber';
import { PARAMETER_TYPES } from './parameter-types';
import { StepValueError } from './vocabulary';

/** A wrong word in a step: the message says what is allowed; the stack (parser internals) would only distract. */
function explained(e: unknown): unknown {
  if (!(e instanceof StepValueError)) return e;
  const error = new Error(`${e.message}\n(Allowed values are listed under Parameters in features/STEPS.md.)`);
  error.stack = `Error: ${error.message}`;
  return error;
}

/**
 * Registers the domain's parameter types with cucumber. Broad regexps, strict transformers
 * (see parameter-types.ts): a wrong word fails its step with the allowed values. None is used
 * for snippets, so an undefined step's snippet stays plain {string}/{int}.
 */
for (const p of PARAMETER_TYPES) {
  defineParameterType({
    name: p.name,
    regexp: p.regexp,
    transformer: (text: string) => {
      try {
        return p.parse(text);
      } catch (e) {
        throw explained(e);
      }
    },
    useForSnippets: false,
  });
}
