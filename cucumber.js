/**
 * Cucumber profiles. TypeScript is loaded by ts-node in transpile-only mode (the type check
 * runs separately in `npm test`), support code from the modules of scenarios/ and
 * scenarios/steps/ (never tests, the test helpers in scenarios/testing/ or the deliberately
 * broken fixtures), features from features/.
 *
 *   default  every feature (npm run features adds the HTML and JUnit reports, written whole: scripts/features.ts)
 *   adhoc    the same support code for feature files named on the command line, progress only
 *            (npx cucumber-js -p adhoc path/to/some.feature)
 *   fixtures adhoc plus the deliberately broken steps of scenarios/fixtures/ (used by tests)
 */
const support = {
  requireModule: ['ts-node/register/transpile-only'],
  require: ['scenarios/!(*.test|*.mutation).ts', 'scenarios/steps/!(*.test).ts'],
  strict: true,
  formatOptions: { snippetSyntax: './scenarios/snippet-syntax.js' },
};

module.exports = {
  default: {
    ...support,
    paths: ['features/**/*.feature'],
    format: ['progress'],
  },
  adhoc: { ...support, format: ['progress'] },
  fixtures: { ...support, require: [...support.require, 'scenarios/fixtures/steps/*.ts'], format: ['progress'] },
};
