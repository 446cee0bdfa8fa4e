import { APPLICATION_ID_PATTERN, DEFAULT_USER, findConfidential, type CommandOf, type Reason, type World } from '../../model';
import { define, type Problem, type Step } from './step';
import { COMMON_FIELDS, createdAndHeld, hasFull, isPresent, mismatch, refusedBy, roleOf, said, stateExpectation, stateIn } from './vocabulary';

/** Records, ownership and editing: who edits what, credentials, creation, Application IDs. */

/** Eight hex digits in a row: the start of anything confidential, and rare in plain text. */
const HEX_RUN = /[0-9a-fA-F]{8}/;
const confidential = (text: string): boolean => HEX_RUN.test(text) && findConfidential(text).length > 0;

function expectedEdit(world: World, cmd: CommandOf<'editRecord'>): Reason | 'accepted' {
  const ch = cmd.changes;
  if (!hasFull(roleOf(world, cmd.account, cmd.user))) return 'PERM-02';
  const current = stateIn(world, cmd.account, cmd.record);
  if (!isPresent(current)) return 'OWN-01';
  if (ch.applicationId !== undefined) return 'REC-02';
  if (ch.consumerKey !== undefined || ch.consumerSecret !== undefined) return 'REC-05';
  if (COMMON_FIELDS.some((f) => ch[f] !== undefined) && !createdAndHeld(world, cmd.account, cmd.record)) {
    return world.records[cmd.record]?.owner === cmd.account ? 'ASM-13' : 'OWN-03';
  }
  if (ch.authentication && !ch.authentication.userCredentials && !ch.authentication.tokenBased) return 'REC-06';
  if (ch.state === 'waitingForApproval' && current !== 'waitingForApproval') return 'FACT-01';
  return 'accepted';
}

/**
 * The code a refused edit carries, as NetSuite's FaultCodeType names field errors (FACT-13):
 * a field that cannot be edited, a value that cannot be chosen, a missing permission, a record
 * the account does not hold.
 */
const EDIT_CODES: Readonly<Record<string, string>> = {
  'PERM-02': 'INSUFFICIENT_PERMISSION',
  'OWN-01': 'RCRD_DSNT_EXIST',
  'REC-02': 'FIELD_NOT_EDITABLE',
  'REC-05': 'FIELD_NOT_EDITABLE',
  'OWN-03': 'FIELD_NOT_EDITABLE',
  'ASM-13': 'FIELD_NOT_EDITABLE',
  'REC-06': 'INVALID_FLD_VALUE',
  'FACT-01': 'INVALID_FLD_VALUE',
};

function wrongCode(step: Step, what: string): Problem | undefined {
  const o = step.outcome;
  if (o.kind !== 'refused') return undefined;
  const want = EDIT_CODES[o.rule];
  return want && o.fault.code !== want ? { message: `${what} was refused by ${o.rule} with ${o.fault.code}; expected ${want}` } : undefined;
}

export const editRights = define(
  'REC-04 OWN-03 OWN-04 OWN-05 STATE-03 ASM-13 only the account that created a record edits its common fields; an installing account edits only State and Note, in its own account; the owner\'s edits reach every account without their system notes',
  (step) => {
    const cmd = step.command;
    if (cmd.type !== 'editRecord') return undefined;
    const expected = expectedEdit(step.before, cmd);
    const what = `editing ${Object.keys(cmd.changes).join(', ')} of "${cmd.record}" in "${cmd.account}" (owner "${step.before.records[cmd.record]?.owner ?? '?'}")`;
    const wrong = mismatch(step, what, expected) ?? wrongCode(step, what);
    if (wrong || step.outcome.kind !== 'accepted') return wrong;
    const ch = cmd.changes;
    const r0 = step.before.records[cmd.record];
    const r1 = step.after.records[cmd.record];
    if (r1.name !== (ch.name ?? r0.name) || r1.description !== (ch.description ?? r0.description)
      || r1.authentication.userCredentials !== (ch.authentication ?? r0.authentication).userCredentials
      || r1.authentication.tokenBased !== (ch.authentication ?? r0.authentication).tokenBased) {
      return { message: `${what}: the common fields are not what the edit set` };
    }
    const i0 = step.before.accounts[cmd.account].installations[cmd.record];
    const i1 = step.after.accounts[cmd.account].installations[cmd.record];
    const wantState = ch.state ?? i0.state;
    if (i1.state !== wantState) return { message: `${what}: State is ${i1.state}`, expectations: [stateExpectation(cmd.account, cmd.record, wantState)] };
    if (i1.note !== (ch.note ?? i0.note)) return { message: `${what}: the Note is not what the edit set` };
    const n0 = step.before.accounts[cmd.account].systemNotes.length;
    const notes = step.after.accounts[cmd.account].systemNotes;
    if (notes.length !== n0 + 1) return { message: `${what}: expected one system note in "${cmd.account}"` };
    // The note says who changed which fields of which record (the editing account's own record of it, OWN-04).
    const note = notes[n0];
    const fields = Object.keys(ch).filter((f) => ch[f as keyof typeof ch] !== undefined).sort();
    if (note.record !== cmd.record || note.user !== (cmd.user ?? DEFAULT_USER) || [...note.fields].sort().join() !== fields.join() || note.seq !== step.after.seq || step.after.seq <= step.before.seq) {
      return { message: `${what}: the system note names ${note.user}, "${note.record}" and ${note.fields.join(', ')}` };
    }
    for (const [name, y] of Object.entries(step.after.accounts)) {
      if (name === cmd.account) continue;
      const x = step.before.accounts[name];
      if (x === y) continue;
      if (x.systemNotes.length !== y.systemNotes.length) return { message: `${what} wrote a system note in "${name}" (OWN-04)` };
      const a = x.installations[cmd.record];
      const b = y.installations[cmd.record];
      if (a !== b && (a?.state !== b?.state || a?.note !== b?.note)) {
        return { message: `${what} changed State or Note in "${name}"`, expectations: a ? [stateExpectation(name, cmd.record, a.state)] : [] };
      }
    }
    return undefined;
  },
  ['editRecord'],
);

function expectedRegenerate(world: World, cmd: CommandOf<'regenerateCredentials'>): Reason | 'accepted' {
  if (!hasFull(roleOf(world, cmd.account, cmd.user))) return 'PERM-02';
  if (!isPresent(stateIn(world, cmd.account, cmd.record))) return 'OWN-01';
  if (!createdAndHeld(world, cmd.account, cmd.record)) return world.records[cmd.record]?.owner === cmd.account ? 'ASM-13' : 'REC-05';
  return 'accepted';
}

export const credentials = define(
  'REC-05 FACT-05 ASM-13 the consumer key and secret change only by regeneration in the account that created the record, noted in its system notes, and tokens keep working',
  (step) => {
    const cmd = step.command;
    if (cmd.type === 'regenerateCredentials') {
      const what = `regenerating the credentials of "${cmd.record}" in "${cmd.account}" (owner "${step.before.records[cmd.record]?.owner ?? '?'}")`;
      const wrong = mismatch(step, what, expectedRegenerate(step.before, cmd)) ?? wrongCode(step, what);
      if (wrong || step.outcome.kind !== 'accepted') return wrong;
      const r0 = step.before.records[cmd.record];
      const r1 = step.after.records[cmd.record];
      if (r1.consumerKey === r0.consumerKey || r1.consumerSecret === r0.consumerSecret) return { message: `${what} kept the old key or secret` };
      if (r1.previousConsumerKey !== r0.consumerKey) return { message: `${what} did not keep the old key as the refused one` };
      // The creating account's system notes record who regenerated which fields.
      const n0 = step.before.accounts[cmd.account].systemNotes.length;
      const notes = step.after.accounts[cmd.account].systemNotes;
      const note = notes[n0];
      if (notes.length !== n0 + 1 || note.record !== cmd.record || note.user !== (cmd.user ?? DEFAULT_USER) || [...note.fields].sort().join() !== 'consumerKey,consumerSecret'
        || note.seq !== step.after.seq || step.after.seq <= step.before.seq) {
        return { message: `${what} did not write one system note naming its user and the consumer key and secret` };
      }
      const d = Object.keys(step.before.tokens).join('\u0000') !== Object.keys(step.after.tokens).join('\u0000');
      return d ? { message: `${what} changed the access tokens (FACT-05)` } : undefined;
    }
    if (step.before.records === step.after.records) return undefined;
    for (const ref in step.before.records) {
      const r0 = step.before.records[ref];
      const r1 = step.after.records[ref];
      if (r1 && r1 !== r0 && (r1.consumerKey !== r0.consumerKey || r1.consumerSecret !== r0.consumerSecret)) {
        return { message: `${cmd.type} (${said(step.outcome)}) changed the consumer key or secret of "${ref}"` };
      }
    }
    return undefined;
  },
);

export const creation = define(
  'REC-01 REC-03 REC-06 FACT-01 a created record has its Name and Description and the methods chosen (at least one), belongs to the creating account and is held there at once, Enabled unless created Blocked',
  (step) => {
    const cmd = step.command;
    if (cmd.type !== 'createRecord') return undefined;
    const none = !cmd.authentication.userCredentials && !cmd.authentication.tokenBased;
    const expected = !hasFull(roleOf(step.before, cmd.account, cmd.user)) ? 'PERM-02' : none ? 'REC-06' : 'accepted';
    const what = `creating "${cmd.record}" in "${cmd.account}"`;
    const wrong = mismatch(step, what, expected) ?? wrongCode(step, what);
    if (wrong || step.outcome.kind !== 'accepted') return wrong;
    const r = step.after.records[cmd.record];
    const want = cmd.state === 'blocked' ? 'blocked' : 'enabled';
    if (!r) return { message: `${what}: no such record afterwards`, expectations: [stateExpectation(cmd.account, cmd.record, want)] };
    if (r.owner !== cmd.account) return { message: `${what}: owned by "${r.owner}"` };
    if (r.name !== (cmd.name ?? cmd.record) || r.description !== (cmd.description ?? '')) return { message: `${what}: Name or Description differ from the ones given` };
    if (r.authentication.userCredentials !== cmd.authentication.userCredentials || r.authentication.tokenBased !== cmd.authentication.tokenBased) return { message: `${what}: authentication methods differ from the ones chosen` };
    const inst = step.after.accounts[cmd.account].installations[cmd.record];
    if (!inst || inst.state !== want || inst.origin !== 'created' || inst.note !== '' || inst.log.length !== 0) {
      return { message: `${what}: held as ${inst?.state ?? 'absent'} (${inst?.origin ?? 'no origin'})`, expectations: [stateExpectation(cmd.account, cmd.record, want)] };
    }
    return undefined;
  },
  ['createRecord'],
);

export const applicationIds = define(
  'REC-02 OWN-06 AUTH-08 SBX-06 an Application ID is 32 hex digits, unique, never changes, is never editable, is shown only in the account that created the record, and never appears in messages',
  (step) => {
    const cmd = step.command;
    const o = step.outcome;
    if (o.kind === 'refused' && confidential(o.fault.message)) return { message: `${cmd.type}: the refusal message shows a confidential value` };
    if (o.kind === 'accepted') {
      for (const text of o.changes) if (confidential(text)) return { message: `${cmd.type}: the outcome's changes show a confidential value` };
    }
    if (step.before.records !== step.after.records) {
      for (const ref in step.before.records) {
        const r1 = step.after.records[ref];
        if (r1 && r1.applicationId !== step.before.records[ref].applicationId) return { message: `${cmd.type} changed the Application ID of "${ref}"` };
      }
    }
    if (cmd.type === 'createRecord' && o.kind === 'accepted') {
      const id = step.after.records[cmd.record]?.applicationId ?? '';
      if (!APPLICATION_ID_PATTERN.test(id)) return { message: `the Application ID of "${cmd.record}" is not 8-4-4-4-12 uppercase hex` };
      for (const r of Object.values(step.after.records)) if (r.ref !== cmd.record && r.applicationId === id) return { message: `"${cmd.record}" got the Application ID of "${r.ref}"` };
    }
    if (cmd.type === 'editRecord' && cmd.changes.applicationId !== undefined && o.kind === 'accepted') {
      return { message: `editing the Application ID of "${cmd.record}" in "${cmd.account}" was accepted`, expectations: [refusedBy('REC-02')] };
    }
    if (cmd.type === 'viewRecord' && o.kind === 'accepted' && o.view?.type === 'record') {
      const shown = o.view.applicationId;
      const creator = createdAndHeld(step.before, cmd.account, cmd.record);
      if (creator && shown !== step.before.records[cmd.record].applicationId) return { message: `the record page of "${cmd.record}" in its creating account "${cmd.account}" does not show its Application ID` };
      if (!creator && shown !== undefined) return { message: `the record page of "${cmd.record}" in "${cmd.account}", which did not create it, shows the Application ID` };
    }
    return undefined;
  },
);
