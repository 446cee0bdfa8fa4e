import { findConfidential, type FaultCode, type LifecycleState, type Reason } from '../../model';
import { step, type StepArea } from '../library';
import { printWord, STATE } from '../vocabulary';
import { describeOutcome } from '../describe';

/** What the last command ("it") answered: accepted or refused, why, and what it changed. */

export const outcomeSteps: StepArea = {
  area: 'Outcomes',
  intro: '"It" is the last command of the scenario: a request, a login, an edit, an installation...',
  steps: [
    step('Then', 'it is accepted', 'The last command was accepted.', 'it is accepted',
      function () {
        this.accepted();
      }),
    step('Then', 'it is refused', 'The last command was refused (for any reason).', 'it is refused',
      function () {
        this.refused();
      }),
    step('Then', 'it is refused by {rule}', 'Refused, and the refusing rule (or assumption, or fact) is this one.', 'it is refused by AUTH-03',
      function (rule: Reason) {
        const o = this.refused();
        if (o.rule !== rule) throw new Error(`Expected a refusal by ${rule}, but it was ${describeOutcome(o)}`);
      }),
    step('Then', 'it is refused with {string}', 'Refused with exactly this error message.', 'it is refused with "Ambiguous authentication"',
      function (message: string) {
        const o = this.refused();
        if (o.fault.message !== message) throw new Error(`Expected the message "${message}", but it was ${describeOutcome(o)}`);
      }),
    step('Then', 'it is refused with code {code}', 'Refused with this NetSuite error code.', 'it is refused with code INVALID_LOGIN_ATTEMPT',
      function (code: FaultCode) {
        const o = this.refused();
        if (o.fault.code !== code) throw new Error(`Expected the code ${code}, but it was ${describeOutcome(o)}`);
      }),
    step('Then', 'the Login Audit Trail shows {string}', 'The refusal\'s Login Audit Trail detail, e.g. "waiting_for_approval", "consumer_key_refused".', 'the Login Audit Trail shows "waiting_for_approval"',
      function (detail: string) {
        const o = this.refused();
        if (o.fault.detail !== detail) throw new Error(`Expected the Login Audit Trail detail "${detail}", but it was ${describeOutcome(o)}`);
      }),
    step('Then', 'it is rejected as malformed', 'The model rejected the last command as malformed input (e.g. a malformed Application ID).', 'it is rejected as malformed',
      function () {
        const o = this.outcome();
        if (o.kind !== 'invalid') throw new Error(`Expected the last command to be rejected as malformed, but it was ${describeOutcome(o)}`);
      }),
    step('Then', 'the outcome cites {rule}', 'The rule is among those the accepted command exercised, or is the refusing rule.', 'the outcome cites SBX-04',
      function (rule: Reason) {
        const o = this.outcome();
        const cited = o.kind === 'accepted' ? o.rules.includes(rule) : o.kind === 'refused' && o.rule === rule;
        if (!cited) throw new Error(`Expected the outcome to cite ${rule}, but it was ${describeOutcome(o)}`);
      }),
    step('Then', 'the outcome cites exactly {rules}', 'The accepted command cites these rules and no other (ASM-20), in any order.', 'the outcome cites exactly REC-01, REC-02, REC-03 and REC-06',
      function (rules: Reason[]) {
        const cited = this.accepted().rules;
        const same = cited.length === rules.length && rules.every((r) => cited.includes(r));
        if (!same) throw new Error(`Expected the outcome to cite exactly ${rules.join(', ')}, but it cites ${cited.join(', ') || 'nothing'}`);
      }),
    step('Then', 'it is tracked by the integration record {string}', 'The accepted request was tracked by (logged against) this record.', 'it is tracked by the integration record "App"',
      function (record: string) {
        const t = this.accepted().trackedBy;
        if (t?.by !== 'record' || t.record !== record) throw new Error(`Expected tracking by "${record}", but it was tracked by ${JSON.stringify(t ?? 'nothing')}`);
      }),
    step('Then', 'it is tracked by the Default Web Services Integrations record', 'The accepted request went to the Default Web Services Integrations record.', 'it is tracked by the Default Web Services Integrations record',
      function () {
        const t = this.accepted().trackedBy;
        if (t?.by !== 'default') throw new Error(`Expected tracking by the Default record, but it was tracked by ${JSON.stringify(t ?? 'nothing')}`);
      }),
    step('Then', 'it is tracked by no integration record', 'The accepted request was tracked by no record (getDataCenterUrls, user-credential RESTlet calls).', 'it is tracked by no integration record',
      function () {
        const t = this.accepted().trackedBy;
        if (t?.by !== 'none') throw new Error(`Expected tracking by no record, but it was tracked by ${JSON.stringify(t ?? 'nothing')}`);
      }),
    step('Then', 'it moves {string} in {string} from {state} to {state}', 'The last command moved the installation through this lifecycle transition.', 'it moves "App" in "Customer" from Absent to Waiting for Approval',
      function (record: string, account: string, from: LifecycleState, to: LifecycleState) {
        const o = this.outcome();
        const moves = o.kind === 'invalid' ? [] : o.transitions.filter((t) => t.record === record && t.account === account);
        if (!moves.some((t) => t.from === from && t.to === to)) {
          const seen = moves.map((t) => `${printWord(STATE, t.from)} to ${printWord(STATE, t.to)}`).join(', ') || 'none';
          throw new Error(`Expected "${record}" in "${account}" to move from ${printWord(STATE, from)} to ${printWord(STATE, to)}; its moves: ${seen}`);
        }
      }),
    step('Then', 'nothing shown reveals an Application ID or a secret', 'The last outcome (and any page it opened) contains no Application ID, key or secret.', 'nothing shown reveals an Application ID or a secret',
      function () {
        const found = findConfidential(JSON.stringify(this.outcome()));
        if (found.length > 0) throw new Error(`The last outcome reveals ${found.length} confidential value(s) (not printed here)`);
      }),
  ],
};
