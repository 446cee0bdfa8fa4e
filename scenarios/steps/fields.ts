import { APPLICATION_ID_PATTERN, apply, isPresent, stateIn, type AuthenticationMethods } from '../../model';
import { step, type StepArea } from '../library';
import type { HarnessWorld } from '../world';

/**
 * The fields common to every account that holds a record (REC-04): compared between accounts,
 * against NetSuite's form, and against an earlier named moment, without ever printing a value
 * (Application IDs, consumer keys and secrets are confidential: AUTH-08).
 */

/** The common fields as one account holds them: the record page it shows and the credentials it shares. */
interface CommonFields {
  readonly 'Application ID': string;
  readonly 'Consumer Key': string;
  readonly 'Consumer Secret': string;
  readonly Name: string;
  readonly Description: string;
  readonly Authentication: AuthenticationMethods;
}

function commonFields(world: HarnessWorld, record: string, account: string): CommonFields {
  const held = world.account(account);
  const r = world.record(record);
  if (!isPresent(stateIn(held, record))) throw new Error(`"${account}" does not hold "${record}": its common fields are held only where it is installed`);
  // The page as this account's administrator sees it; reading it changes nothing and is not "it".
  const { outcome } = apply(world.model, { type: 'viewRecord', account, record });
  if (outcome.kind !== 'accepted' || outcome.view?.type !== 'record') throw new Error(`"${account}" cannot open the page of "${record}"`);
  const page = outcome.view;
  return { 'Application ID': r.applicationId, 'Consumer Key': r.consumerKey, 'Consumer Secret': r.consumerSecret, Name: page.name, Description: page.description, Authentication: page.authentication };
}

/** The names of the fields that differ; values are never part of a message. */
function differing(a: CommonFields, b: CommonFields): string[] {
  return (Object.keys(a) as (keyof CommonFields)[]).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

function momentKey(record: string, moment: string): string {
  return `${record}\u0000${moment}`;
}

export const fieldSteps: StepArea = {
  area: 'Common fields',
  intro: 'Application ID, Consumer Key, Consumer Secret, Name, Description and Authentication are common to every account that holds a record (REC-04). These steps compare them without printing them.',
  steps: [
    step('Then', 'the common fields of {string} are the same in {string} and {string}', 'Both accounts hold the record with the same Application ID, Consumer Key, Consumer Secret, Name, Description and Authentication.',
      'the common fields of "App" are the same in "Acme" and "Acme SB"',
      function (record: string, first: string, second: string) {
        const diff = differing(commonFields(this, record, first), commonFields(this, record, second));
        if (diff.length > 0) throw new Error(`The common fields of "${record}" differ between "${first}" and "${second}": ${diff.join(', ')} (values not shown: confidential)`);
      }),
    step('Then', 'the Application ID of {string} has NetSuite\'s form', 'The Application ID is 32 hexadecimal digits in 8-4-4-4-12 groups, uppercase (REC-02).', 'the Application ID of "App" has NetSuite\'s form',
      function (record: string) {
        const id = this.record(record).applicationId;
        if (!APPLICATION_ID_PATTERN.test(id)) throw new Error(`The Application ID of "${record}" does not have NetSuite's form (32 uppercase hexadecimal digits, 8-4-4-4-12); it has ${id.length} characters (value not shown: confidential)`);
      }),
    step('When', 'the common fields of {string} in {string} are noted as {string}', 'Remembers the record\'s common fields as one account holds them now, under a name a later step refers to.',
      'the common fields of "App" in "Acme" are noted as "before the refresh"',
      function (record: string, account: string, moment: string) {
        this.moments.set(momentKey(record, moment), commonFields(this, record, account));
      }),
    step('Then', 'the common fields of {string} in {string} are unchanged since {string}', 'The common fields are what they were at the named moment.',
      'the common fields of "App" in "Acme SB" are unchanged since "before the refresh"',
      function (record: string, account: string, moment: string) {
        const then = this.moments.get(momentKey(record, moment)) as CommonFields | undefined;
        if (!then) throw new Error(`Nothing was noted as "${moment}" for "${record}"; add a step like: When the common fields of "${record}" in "${account}" are noted as "${moment}"`);
        const diff = differing(then, commonFields(this, record, account));
        if (diff.length > 0) throw new Error(`The common fields of "${record}" in "${account}" changed since "${moment}": ${diff.join(', ')} (values not shown: confidential)`);
      }),
  ],
};
