import type { AccountKind } from '../../model';
import { step, type StepArea } from '../library';
import { actorFields, type Actor } from '../parameter-types';

/** How records reach other accounts: bundles, access tokens, the Issue Token endpoint, sandbox refreshes. */

export const distributionSteps: StepArea = {
  area: 'Bundles, tokens and sandbox refreshes',
  intro: 'A bundle carries records its account created; installing it installs them Enabled. Tokens belong to one account.',
  steps: [
    step('Given', '{string} creates the bundle {string} containing {names}', 'Creates a bundle of records the account created.', '"Partner" creates the bundle "Connector" containing "App" and "Reports"',
      function (account: string, bundle: string, records: string[]) {
        this.run({ type: 'createBundle', account, bundle, records });
      }),
    step('When', '{string} installs the bundle {string}', 'Installs a bundle in another account.', '"Customer" installs the bundle "Connector"',
      function (account: string, bundle: string) {
        this.run({ type: 'installBundle', account, bundle });
      }),
    step('When', '{string} uninstalls the bundle {string}', 'Uninstalls a bundle: removes what it installed, and the tokens for it.', '"Customer" uninstalls the bundle "Connector"',
      function (account: string, bundle: string) {
        this.run({ type: 'uninstallBundle', account, bundle });
      }),
    step('When', 'every {accountKind} account installs the bundle {string}', 'Installs a bundle in each account added by "Given N ... accounts"; fails if any installation is refused.', 'every customer account installs the bundle "Connector"',
      function (kind: AccountKind, bundle: string) {
        for (const account of this.group(kind)) {
          const o = this.run({ type: 'installBundle', account, bundle });
          if (o.kind !== 'accepted') throw new Error(`Installing "${bundle}" in "${account}" was ${o.kind}`);
        }
      }),
    step('Given', '{actor} creates the access token {string} for {string}', 'Creates an access token for a user and a record the account holds.', '"Lee" in "Acme" creates the access token "T1" for "App"',
      function (actor: Actor, token: string, record: string) {
        this.run({ type: 'createAccessToken', ...actorFields(actor), record, token });
      }),
    step('When', 'the application {string} calls the Issue Token endpoint for {actor}, receiving the token {string}', 'Calls the Issue Token endpoint (2019.1 and later): installs the record if needed and issues a token.', 'the application "App" calls the Issue Token endpoint for "Customer", receiving the token "T2"',
      function (record: string, actor: Actor, token: string) {
        this.run({ type: 'issueToken', ...actorFields(actor), record, token });
      }),
    step('When', 'the application {string} calls the Issue Token endpoint for {actor}', 'The same, naming the token "<record> token".', 'the application "App" calls the Issue Token endpoint for "Customer"',
      function (record: string, actor: Actor) {
        this.run({ type: 'issueToken', ...actorFields(actor), record, token: `${record} token` });
      }),
    step('When', 'the sandbox {string} is refreshed', 'Refreshes the sandbox from its production account.', 'the sandbox "Acme SB" is refreshed',
      function (account: string) {
        this.run({ type: 'refreshSandbox', account });
      }),
  ],
};
