import { defineParameterType } from '@cucumber/cucumber';
import { PARAMETER_TYPES } from './parameter-types';

/**
 * Registers the domain's parameter types with cucumber. Broad regexps, strict transformers
 * (see parameter-types.ts): a wrong word fails its step with the allowed values. None is used
 * for snippets, so an undefined step's snippet stays plain {string}/{int}.
 */
for (const p of PARAMETER_TYPES) {
  defineParameterType({
    name: p.name,
    regexp: p.regexp,
    transformer: (text: string) => p.parse(text),
    useForSnippets: false,
  });
}
