import type { DataTable } from '@cucumber/cucumber';
import { PRESENT_STATES, type AuthenticationMethods, type LifecycleState, type PresentState, type RecordChanges } from '../../model';
import { step, tableStep, type StepArea } from '../library';
import { actorFields, type Actor } from '../parameter-types';
import { canonicalWords, EDIT_FIELD, METHODS, parseWord, STATE, type EditField, type TextField } from '../vocabulary';

/** Creating and editing integration records, and regenerating their consumer credentials. */

/** The State field accepts only what a user can pick; the model refuses Waiting for Approval itself (FACT-01). */
function settableState(state: LifecycleState): NonNullable<RecordChanges['state']> {
  if ((PRESENT_STATES as readonly LifecycleState[]).includes(state)) return state as PresentState;
  throw new Error(`Invalid State "${state}" for a record: should be Enabled, Blocked or Waiting for Approval`);
}

function changeOf(field: EditField, value: string): RecordChanges {
  switch (field) {
    case 'state':
      return { state: settableState(parseWord(STATE, value)) };
    case 'authentication':
      return { authentication: parseWord(METHODS, value) };
    default:
      return { [field]: value };
  }
}

const CREATE_FIELDS = ['Name', 'Description', 'State'] as const;

export const recordSteps: StepArea = {
  area: 'Integration records',
  intro: 'An account that creates a record owns it. Name and Description are generated unless given. The actor is "ACCOUNT" (its administrator) or "USER" in "ACCOUNT".',
  steps: [
    step('Given', '{actor} creates the integration record {string} permitting {methods}', 'Creates an Enabled record with a generated Name and Description.', '"Partner" creates the integration record "App" permitting token-based authentication',
      function (actor: Actor, record: string, authentication: AuthenticationMethods) {
        this.run({
          type: 'createRecord', ...actorFields(actor), record,
          name: this.faker.commerce.productName(), description: this.faker.company.catchPhrase(), authentication,
        });
      }),
    tableStep('Given', '{actor} creates the integration record {string} permitting {methods} with:', `Creates a record with some fields given (${CREATE_FIELDS.join(', ')}); the rest are generated.`,
      '"Acme" creates the integration record "Sync" permitting user credentials with:\n  | Name  | Order sync |\n  | State | Blocked    |',
      function (actor: Actor, record: string, authentication: AuthenticationMethods, table: DataTable) {
        const fields = table.rowsHash();
        const unknown = Object.keys(fields).filter((f) => !(CREATE_FIELDS as readonly string[]).includes(f));
        if (unknown.length > 0) throw new Error(`Invalid field ${unknown.map((f) => `"${f}"`).join(', ')} for a new record: should be one of ${CREATE_FIELDS.join(', ')}`);
        const state = fields.State === undefined ? undefined : parseWord(STATE, fields.State);
        if (state !== undefined && state !== 'enabled' && state !== 'blocked') throw new Error('Invalid State for a new record: should be Enabled or Blocked (Waiting for Approval comes only from auto-installation)');
        this.run({
          type: 'createRecord', ...actorFields(actor), record,
          name: fields.Name ?? this.faker.commerce.productName(), description: fields.Description ?? this.faker.company.catchPhrase(), authentication,
          ...(state ? { state } : {}),
        });
      }),
    step('When', '{actor} sets the State of {string} to {state}', 'Edits the State of a record in the account (Enabled, Blocked, Waiting for Approval).', '"Customer" sets the State of "App" to Blocked',
      function (actor: Actor, record: string, state: LifecycleState) {
        this.run({ type: 'editRecord', ...actorFields(actor), record, changes: { state: settableState(state) } });
      }),
    step('When', '{actor} sets the Authentication of {string} to {methods}', 'Edits the permitted authentication methods.', '"Partner" sets the Authentication of "App" to user credentials and token-based authentication',
      function (actor: Actor, record: string, authentication: AuthenticationMethods) {
        this.run({ type: 'editRecord', ...actorFields(actor), record, changes: { authentication } });
      }),
    step('When', '{actor} sets the {field} of {string} to {string}', 'Edits a text field: Name, Description, Note, or (always refused) Application ID, Consumer Key, Consumer Secret.', '"Customer" sets the Note of "App" to "paused for audit"',
      function (actor: Actor, field: TextField, record: string, value: string) {
        this.run({ type: 'editRecord', ...actorFields(actor), record, changes: { [field]: value } });
      }),
    tableStep('When', '{actor} edits the integration record {string}:', `Edits several fields at once (all or nothing); fields: ${canonicalWords(EDIT_FIELD).join(', ')}.`,
      '"Partner" edits the integration record "App":\n  | Name        | App 2       |\n  | Description | New version |',
      function (actor: Actor, record: string, table: DataTable) {
        let changes: RecordChanges = {};
        for (const [field, value] of Object.entries(table.rowsHash())) changes = { ...changes, ...changeOf(parseWord(EDIT_FIELD, field), value) };
        this.run({ type: 'editRecord', ...actorFields(actor), record, changes });
      }),
    step('When', '{actor} blocks the integration record {string}', 'Sets the State to Blocked.', '"Acme" blocks the integration record "App"',
      function (actor: Actor, record: string) {
        this.run({ type: 'editRecord', ...actorFields(actor), record, changes: { state: 'blocked' } });
      }),
    step('When', '{actor} enables the integration record {string}', 'Sets the State to Enabled (also approves a record Waiting for Approval).', '"Acme" enables the integration record "App"',
      function (actor: Actor, record: string) {
        this.run({ type: 'editRecord', ...actorFields(actor), record, changes: { state: 'enabled' } });
      }),
    step('When', '{actor} regenerates the consumer key and secret of {string}', 'Regenerates the consumer credentials (only where the record was created).', '"Partner" regenerates the consumer key and secret of "App"',
      function (actor: Actor, record: string) {
        this.run({ type: 'regenerateCredentials', ...actorFields(actor), record });
      }),
  ],
};
