import type { AccountKind, LifecycleState, Role } from '../../model';
import { step, type StepArea } from '../library';
import { printWord, STATE } from '../vocabulary';

/** Accounts, sandboxes, users, preferences and the scenario seed. */

type AddableKind = Exclude<AccountKind, 'sandbox'>;

export const accountSteps: StepArea = {
  area: 'Accounts, users and preferences',
  intro: 'Every scenario starts from an empty world: name the accounts it needs. Each account has a built-in user "administrator".',
  steps: [
    step('Given', 'a {accountKind} account {string}', 'Adds a production, partner or customer account.', 'a partner account "Partner"',
      function (kind: AddableKind, account: string) {
        this.run({ type: 'addAccount', account, kind });
      }),
    step('Given', 'a sandbox {string} of {string}', 'Adds a sandbox of a production account.', 'a sandbox "Acme SB" of "Acme"',
      function (account: string, production: string) {
        this.run({ type: 'addSandbox', account, production });
      }),
    step('Given', 'a production account {string} with a sandbox {string}', 'Adds a production account and one sandbox of it.', 'a production account "Acme" with a sandbox "Acme SB"',
      function (account: string, sandbox: string) {
        this.run({ type: 'addAccount', account, kind: 'production' });
        this.run({ type: 'addSandbox', account: sandbox, production: account });
      }),
    step('Given', '{int} {accountKind} accounts', 'Adds several accounts with generated company names; refer to them as "every customer account" (or partner, production).', '3 customer accounts',
      function (count: number, kind: AddableKind) {
        const group = this.groups.get(kind) ?? [];
        for (let i = 0; i < count; i++) {
          let name = this.faker.company.name();
          while (this.model.accounts[name]) name = `${this.faker.company.name()} ${i}`;
          this.run({ type: 'addAccount', account: name, kind });
          group.push(name);
        }
        this.groups.set(kind, group);
      }),
    step('Given', '{string} has a user {string} whose role is {role}', 'Adds a user with a role; the e-mail address is generated.', '"Acme" has a user "Lee" whose role is integration-full',
      function (account: string, user: string, role: Role) {
        this.run({ type: 'addUser', account, user, role, email: this.faker.internet.email({ firstName: user }) });
      }),
    step('Given', '{string} has a user {string} with e-mail {string} whose role is {role}', 'Adds a user with a given e-mail address.', '"Acme" has a user "Lee" with e-mail "lee@acme.example" whose role is integration-list',
      function (account: string, user: string, email: string, role: Role) {
        this.run({ type: 'addUser', account, user, role, email });
      }),
    step('Given', 'Require Approval is checked in {string}', 'Checks SOAP Web Services Preferences > Require Approval.', 'Require Approval is checked in "Customer"',
      function (account: string) {
        this.run({ type: 'setPreference', account, preference: 'requireApproval', value: true });
      }),
    step('Given', 'Require Approval is unchecked in {string}', 'Unchecks Require Approval (the default).', 'Require Approval is unchecked in "Customer"',
      function (account: string) {
        this.run({ type: 'setPreference', account, preference: 'requireApproval', value: false });
      }),
    step('Given', 'the Token-Based Authentication feature is enabled in {string}', 'Enables the feature (the default).', 'the Token-Based Authentication feature is enabled in "Acme"',
      function (account: string) {
        this.run({ type: 'setPreference', account, preference: 'tokenBasedAuthentication', value: true });
      }),
    step('Given', 'the Token-Based Authentication feature is disabled in {string}', 'Disables Enable Features > Token-Based Authentication.', 'the Token-Based Authentication feature is disabled in "Acme"',
      function (account: string) {
        this.run({ type: 'setPreference', account, preference: 'tokenBasedAuthentication', value: false });
      }),
    step('Given', 'the Default Web Services Integrations record is {state} in {string}', 'Sets the State of the Default Web Services Integrations record (Enabled or Blocked).', 'the Default Web Services Integrations record is Blocked in "Acme"',
      function (state: LifecycleState, account: string) {
        if (state !== 'enabled' && state !== 'blocked') throw new Error(`Invalid State "${printWord(STATE, state)}" for the Default Web Services Integrations record: should be Enabled or Blocked`);
        this.run({ type: 'setDefaultRecordState', account, state });
      }),
    step('Then', 'the account ID of {string} is seven digits', 'The NetSuite account ID requests name the account by (FACT-14, ASM-18).', 'the account ID of "Acme" is seven digits',
      function (account: string) {
        const id = this.account(account).accountId;
        if (!/^\d{7}$/.test(id)) throw new Error(`The account ID of "${account}" is "${id}", not seven digits`);
      }),
    step('Then', 'the account ID of {string} is the account ID of {string} followed by {string}', 'A sandbox\'s ID is its production\'s with _SB1, _SB2..., upper case (FACT-14).',
      'the account ID of "Acme SB" is the account ID of "Acme" followed by "_SB1"',
      function (account: string, production: string, suffix: string) {
        const id = this.account(account).accountId;
        const expected = `${this.account(production).accountId}${suffix}`;
        if (id !== expected) throw new Error(`The account ID of "${account}" is "${id}", not "${expected}"`);
      }),
    step('Given', 'the scenario seed is {int}', 'Pins the seed of generated values (must come first); a failing scenario prints its seed.', 'the scenario seed is 42',
      function (seed: number) {
        this.reseed(seed, true);
      }),
  ],
};
