import type { AuthenticationMethods, LifecycleState, View } from '../../model';
import { step, type StepArea } from '../library';
import { actorFields, type Actor } from '../parameter-types';
import { printMethods, printWord, STATE, type TextField } from '../vocabulary';
import type { HarnessWorld } from '../world';

/** What users see: the Integrations list, a record's page, its execution log, the operations search. */

function viewOf<T extends View['type']>(world: HarnessWorld, type: T, opened: string): Extract<View, { type: T }> {
  const o = world.accepted();
  if (o.view?.type !== type) throw new Error(`The last step did not open ${opened}; add a step like the ones in "What users see" first.`);
  return o.view as Extract<View, { type: T }>;
}

export const viewSteps: StepArea = {
  area: 'What users see',
  intro: 'Opening a page is a command like any other: it may be refused for lack of permission. The Then steps read the page the last step opened.',
  steps: [
    step('When', '{actor} opens the Integrations list', 'Opens Setup > Integration > Manage Integrations (needs the list permission).', '"Lee" in "Acme" opens the Integrations list',
      function (actor: Actor) {
        this.run({ type: 'viewIntegrations', ...actorFields(actor) });
      }),
    step('When', '{actor} views the integration record {string}', 'Opens one record\'s page.', '"Customer" views the integration record "App"',
      function (actor: Actor, record: string) {
        this.run({ type: 'viewRecord', ...actorFields(actor), record });
      }),
    step('When', '{actor} opens the execution log of {string}', 'Opens the record\'s SOAP Web Services Execution Log in the account.', '"Acme" opens the execution log of "App"',
      function (actor: Actor, record: string) {
        this.run({ type: 'viewExecutionLog', ...actorFields(actor), record });
      }),
    step('When', '{actor} searches the SOAP web services operations', 'Runs a SOAP Web Services Operations search over the usage log.', '"Lee" in "Acme" searches the SOAP web services operations',
      function (actor: Actor) {
        this.run({ type: 'searchOperations', ...actorFields(actor) });
      }),
    step('Then', 'the Integrations list shows {string} as {state}', 'The list page shows the record with that State.', 'the Integrations list shows "App" as Enabled',
      function (record: string, state: LifecycleState) {
        const entry = viewOf(this, 'integrationList', 'the Integrations list').entries.find((e) => e.record === record);
        if (!entry) throw new Error(`The Integrations list does not show "${record}"`);
        if (entry.state !== state) throw new Error(`The Integrations list shows "${record}" as ${printWord(STATE, entry.state)}, not ${printWord(STATE, state)}`);
      }),
    step('Then', 'the Integrations list does not show {string}', 'The record is not on the list page.', 'the Integrations list does not show "Draft"',
      function (record: string) {
        if (viewOf(this, 'integrationList', 'the Integrations list').entries.some((e) => e.record === record)) throw new Error(`The Integrations list shows "${record}"`);
      }),
    step('Then', 'the record page shows the Application ID', 'The Application ID is on the page (the account created the record); it is checked, never printed.', 'the record page shows the Application ID',
      function () {
        const view = viewOf(this, 'record', 'a record page');
        if (view.applicationId === undefined) throw new Error(`The page of "${view.record}" does not show the Application ID`);
        if (view.applicationId !== this.record(view.record).applicationId) throw new Error(`The page of "${view.record}" shows an Application ID that is not the record's`);
      }),
    step('Then', 'the record page does not show the Application ID', 'The Application ID is hidden (the record was installed).', 'the record page does not show the Application ID',
      function () {
        const view = viewOf(this, 'record', 'a record page');
        if (view.applicationId !== undefined || JSON.stringify(view).includes(this.record(view.record).applicationId)) throw new Error(`The page of "${view.record}" shows the Application ID`);
      }),
    step('Then', 'the record page shows the State {state}', 'The State on the page.', 'the record page shows the State Waiting for Approval',
      function (state: LifecycleState) {
        const view = viewOf(this, 'record', 'a record page');
        if (view.state !== state) throw new Error(`The page shows the State ${printWord(STATE, view.state)}, not ${printWord(STATE, state)}`);
      }),
    step('Then', 'the record page shows the Authentication {methods}', 'The permitted authentication methods on the page.', 'the record page shows the Authentication token-based authentication',
      function (methods: AuthenticationMethods) {
        const view = viewOf(this, 'record', 'a record page');
        if (printMethods(view.authentication) !== printMethods(methods)) throw new Error(`The page shows the Authentication ${printMethods(view.authentication)}`);
      }),
    step('Then', 'the record page shows the {field} {string}', 'A text field on the page: Name, Description or Note.', 'the record page shows the Name "App 2"',
      function (field: TextField, value: string) {
        const view = viewOf(this, 'record', 'a record page');
        if (field !== 'name' && field !== 'description' && field !== 'note') throw new Error('Only the Name, Description and Note can be checked by value; confidential fields are never compared in the open.');
        if (view[field] !== value) throw new Error(`The page shows the ${field} "${view[field]}", not "${value}"`);
      }),
    step('Then', 'the execution log shows {int} request(s)', 'The execution log page lists that many requests.', 'the execution log shows 2 requests',
      function (count: number) {
        const n = viewOf(this, 'executionLog', 'an execution log').entries.length;
        if (n !== count) throw new Error(`The execution log shows ${n} requests, not ${count}`);
      }),
    step('Then', 'the operations search shows {int} operation(s)', 'The search lists that many operations.', 'the operations search shows 3 operations',
      function (count: number) {
        const n = viewOf(this, 'operationsSearch', 'an operations search').entries.length;
        if (n !== count) throw new Error(`The operations search shows ${n} operations, not ${count}`);
      }),
    step('Then', 'the operations search shows the Integration field', 'The Integration column is shown (administrator or the Full permission).', 'the operations search shows the Integration field',
      function () {
        if (!viewOf(this, 'operationsSearch', 'an operations search').integrationField) throw new Error('The operations search hides the Integration field');
      }),
    step('Then', 'the operations search hides the Integration field', 'The Integration column is hidden.', 'the operations search hides the Integration field',
      function () {
        if (viewOf(this, 'operationsSearch', 'an operations search').integrationField) throw new Error('The operations search shows the Integration field');
      }),
    step('Then', 'the operations search attributes operation {int} to {string}', 'Operation N (from 1) shows that Integration (a record Name, or "Default Web Services Integrations").', 'the operations search attributes operation 1 to "Default Web Services Integrations"',
      function (index: number, integration: string) {
        const entry = viewOf(this, 'operationsSearch', 'an operations search').entries[index - 1];
        if (!entry) throw new Error(`The operations search has no operation ${index}`);
        if (entry.integration !== integration) throw new Error(`Operation ${index} is attributed to ${entry.integration === undefined ? 'nothing (field hidden)' : `"${entry.integration}"`}, not "${integration}"`);
      }),
  ],
};
