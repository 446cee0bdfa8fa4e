'use strict';

/**
 * How cucumber suggests code for an undefined step (cucumber.js: formatOptions.snippetSyntax).
 * Plain CommonJS because cucumber loads it with import(), outside ts-node. The suggestion
 * first sends the writer to the catalogue, since an undefined step is most often a phrase
 * written differently, and only then shows the library's own form of a new step.
 */
const TYPES = { int: 'number', float: 'number', string: 'string', word: 'string', dataTable: 'DataTable', docString: 'string' };

class LibrarySnippetSyntax {
  build({ generatedExpressions, stepParameterNames }) {
    const expression = generatedExpressions[0];
    const names = [...expression.parameterNames, ...stepParameterNames];
    const kinds = [...expression.parameterTypes.map((t) => t.name), ...stepParameterNames];
    const params = names.map((n, i) => `${n}: ${TYPES[kinds[i]] || 'string'}`).join(', ');
    const source = expression.source.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    return [
      'No step of the library matches this text. Look for the phrase in features/STEPS.md',
      '(names in double quotes, values from the Parameters section). If the library really',
      'lacks it, add a step to the right file in scenarios/steps/ and run `npm run steps`:',
      '',
      `  step('When', '${source}', 'What it does.', 'an example line', function (${params}) {`,
      '    // this.run({ type: ..., ... }) for a command; throw an Error for a failed check',
      '  }),',
    ].join('\n');
  }
}

module.exports = LibrarySnippetSyntax;
