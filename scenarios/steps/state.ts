import { DEFAULT_USER, isPresent, stateIn, type AccountKind, type LifecycleState, type Origin } from '../../model';
import { step, type StepArea } from '../library';
import { actorFields, type Actor } from '../parameter-types';
import { printWord, STATE, type TextField } from '../vocabulary';
import type { HarnessWorld } from '../world';

/** What holds in the world now: installations, ownership, logs, notes, tokens. */

/** A record nobody created is simply Absent everywhere, so the record need not exist. */
function stateOf(world: HarnessWorld, account: string, record: string): LifecycleState {
  // A name the scenario never used is a typo, not an Absent record: fail with the names it has.
  if (!world.recordsAttempted.has(record)) world.record(record);
  return stateIn(world.account(account), record);
}

/**
 * The account owns the record, created it there and still holds it (REC-03, ASM-13). Spelled out
 * here rather than calling the model's hasFullControl, so the step checks the model, not itself.
 */
function fullControl(world: HarnessWorld, account: string, record: string): boolean {
  const inst = world.account(account).installations[record];
  return world.record(record).owner === account && inst?.origin === 'created' && isPresent(inst.state);
}

function expectState(world: HarnessWorld, account: string, record: string, state: LifecycleState): void {
  const actual = stateOf(world, account, record);
  if (actual !== state) throw new Error(`"${record}" is ${printWord(STATE, actual)} in "${account}", not ${printWord(STATE, state)}`);
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const stateSteps: StepArea = {
  area: 'The state of the world',
  intro: 'These steps check the world after the last command, whatever it was.',
  steps: [
    step('Then', 'the integration record {string} is {state} in {string}', 'The record\'s State in the account; Removed (taken away) and Absent (never held) included.', 'the integration record "App" is Waiting for Approval in "Customer"',
      function (record: string, state: LifecycleState, account: string) {
        expectState(this, account, record, state);
      }),
    step('Then', 'the integration record {string} is {state} in every {accountKind} account', 'The same for each account added by "Given N ... accounts".', 'the integration record "App" is Enabled in every customer account',
      function (record: string, state: LifecycleState, kind: AccountKind) {
        for (const account of this.group(kind)) expectState(this, account, record, state);
      }),
    step('Then', '{string} holds the integration record {string}', 'The account holds the record (Enabled, Blocked or Waiting for Approval).', '"Customer" holds the integration record "App"',
      function (account: string, record: string) {
        const s = stateOf(this, account, record);
        if (!isPresent(s)) throw new Error(`"${account}" does not hold "${record}" (${printWord(STATE, s)})`);
      }),
    step('Then', '{string} does not hold the integration record {string}', 'The record is Absent or Removed in the account.', '"Acme SB" does not hold the integration record "Draft"',
      function (account: string, record: string) {
        const s = stateOf(this, account, record);
        if (isPresent(s)) throw new Error(`"${account}" holds "${record}" (${printWord(STATE, s)})`);
      }),
    step('Then', '{string} got the integration record {string} by {origin}', 'How the account came to hold the record.', '"Customer" got the integration record "App" by auto-installation',
      function (account: string, record: string, origin: Origin) {
        const inst = this.account(account).installations[record];
        if (!inst || !isPresent(inst.state)) throw new Error(`"${account}" does not hold "${record}"`);
        if (inst.origin !== origin) throw new Error(`"${account}" got "${record}" by ${inst.origin}, not ${origin}`);
      }),
    step('Then', 'the integration record {string} is owned by {string}', 'The account that created the record.', 'the integration record "Dev" is owned by "Acme SB"',
      function (record: string, account: string) {
        const owner = this.record(record).owner;
        if (owner !== account) throw new Error(`"${record}" is owned by "${owner}", not "${account}"`);
      }),
    step('Then', '{string} has full control of the integration record {string}', 'The account created the record and still holds it: every field is editable there.', '"Partner" has full control of the integration record "App"',
      function (account: string, record: string) {
        if (!fullControl(this, account, record)) throw new Error(`"${account}" does not have full control of "${record}"`);
      }),
    step('Then', '{string} does not have full control of the integration record {string}', 'Only State and Note are editable there.', '"Customer" does not have full control of the integration record "App"',
      function (account: string, record: string) {
        if (fullControl(this, account, record)) throw new Error(`"${account}" has full control of "${record}"`);
      }),
    step('Then', 'the {field} of {string} in {string} is {string}', 'Name and Description (common to every account) or Note (per account) of a record the account holds.', 'the Note of "Prod" in "Acme SB" is "on hold"',
      function (field: TextField, record: string, account: string, value: string) {
        const r = this.record(record);
        const inst = this.account(account).installations[record];
        if (!inst || !isPresent(inst.state)) throw new Error(`"${account}" does not hold "${record}"`);
        const actual = field === 'name' ? r.name : field === 'description' ? r.description : field === 'note' ? inst.note : undefined;
        if (actual === undefined) throw new Error('Only the Name, Description and Note can be checked by value; confidential fields are never compared in the open.');
        if (actual !== value) throw new Error(`The ${field} of "${record}" in "${account}" is "${actual}", not "${value}"`);
      }),
    step('Then', 'the execution log of {string} in {string} has {int} entry/entries', 'Requests tracked by the record in that account.', 'the execution log of "App" in "Customer" has 1 entry',
      function (record: string, account: string, n: number) {
        const log = this.account(account).installations[record]?.log ?? [];
        if (log.length !== n) throw new Error(`The execution log of "${record}" in "${account}" has ${count(log.length, 'entry', 'entries')}, not ${n}`);
      }),
    step('Then', 'the SOAP web services usage log of {string} has {int} entry/entries', 'Every accepted SOAP request of the account.', 'the SOAP web services usage log of "Acme" has 3 entries',
      function (account: string, n: number) {
        const log = this.account(account).usageLog;
        if (log.length !== n) throw new Error(`The usage log of "${account}" has ${count(log.length, 'entry', 'entries')}, not ${n}`);
      }),
    step('Then', 'the Default Web Services Integrations record of {string} has {int} log entry/entries', 'Requests the Default record tracked in the account.', 'the Default Web Services Integrations record of "Acme" has 1 log entry',
      function (account: string, n: number) {
        const log = this.account(account).defaultRecord.log;
        if (log.length !== n) throw new Error(`The Default record of "${account}" has ${count(log.length, 'log entry', 'log entries')}, not ${n}`);
      }),
    step('Then', '{string} has {int} system note(s) for {string}', 'System notes the account recorded for the record (edits made there).', '"Customer" has 0 system notes for "App"',
      function (account: string, n: number, record: string) {
        this.record(record);
        const notes = this.account(account).systemNotes.filter((s) => s.record === record);
        if (notes.length !== n) throw new Error(`"${account}" has ${count(notes.length, 'system note', 'system notes')} for "${record}", not ${n}`);
      }),
    step('Then', 'the access token {string} exists', 'The token still exists.', 'the access token "T1" exists',
      function (token: string) {
        if (!this.model.tokens[token]) throw new Error(`The access token "${token}" does not exist`);
      }),
    step('Then', 'the access token {string} belongs to {actor}', 'The token was created or issued for this user (the administrator if none is named) in this account.', 'the access token "K1" belongs to "Kim" in "Customer"',
      function (token: string, actor: Actor) {
        const t = this.model.tokens[token];
        if (!t) throw new Error(`The access token "${token}" does not exist`);
        const { account, user = DEFAULT_USER } = actorFields(actor);
        if (t.account !== account || t.user !== user) throw new Error(`The access token "${token}" belongs to "${t.user}" in "${t.account}", not "${user}" in "${account}"`);
      }),
    step('Then', 'the access token {string} no longer exists', 'The token was deleted (refresh, uninstall) or never created.', 'the access token "T1" no longer exists',
      function (token: string) {
        if (this.model.tokens[token]) throw new Error(`The access token "${token}" exists`);
      }),
    step('Then', 'the consumer key of {string} has been regenerated', 'The record has new consumer credentials; the old key is refused from now on.', 'the consumer key of "App" has been regenerated',
      function (record: string) {
        if (this.record(record).previousConsumerKey === undefined) throw new Error(`The consumer key of "${record}" has never been regenerated`);
      }),
  ],
};
