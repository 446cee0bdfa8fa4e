// @ts-check
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/**
 * A Stryker ignorer for `npm run mutation`: string and template literals of words (an error
 * message, an `allowed` hint, a `changes` statement for people) are left unmutated, so their
 * wording costs no test runs; the report lists them as Ignored with this reason, and the summary
 * counts them. Literals without a space (rule IDs, codes, keys, States) are mutated as usual, and
 * so are the wire values NetSuite documents (FACT-13) and the names the UI shows.
 */
const DOCUMENTED = new Set(['Invalid login attempt.', 'Ambiguous authentication', 'Default Web Services Integrations']);
const REASON = "an error message's or a statement's wording (message text)";

/** @param {string} text */
const words = (text) => /\s/.test(text) && !DOCUMENTED.has(text);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'message-text', {
    /** @param {any} path a Babel NodePath */
    shouldIgnore(path) {
      const node = path.node;
      if (node.type === 'StringLiteral') return words(node.value) ? REASON : undefined;
      if (node.type === 'TemplateLiteral') return node.quasis.some((/** @type {any} */ q) => words(q.value.cooked ?? '')) ? REASON : undefined;
      return undefined;
    },
  }),
];
