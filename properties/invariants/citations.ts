import type { CommandType, Reason } from '../../model';
import { worldDifference } from './differences';
import { define, type Step } from './step';
import { COMMON_FIELDS, createdAndHeld, isPresent, stateIn } from './vocabulary';

/**
 * Citations: an accepted command names exactly the rules it exercised, no more and no fewer,
 * so a report's rule coverage (which reads the citations) says what the run really did. Each
 * entry says, from the rule texts, which rules an acceptance of that kind puts to use; it is
 * the second opinion the model's `rules` lists are held to, not a copy of them.
 */

type Citing = (step: Step) => readonly Reason[];

/** A request or login the world accepted. */
function callCitations(step: Step): readonly Reason[] {
  const call = step.call;
  const o = step.outcome;
  if (!call || o.kind !== 'accepted') return [];
  const auth = call.auth;
  // getDataCenterUrls needs no authentication and is tracked by nothing (AUTH-06).
  if (call.channel === 'soap' && !call.login && call.operation === 'getDataCenterUrls') return ['AUTH-06'];
  if (auth.kind === 'tba') {
    // The record permits tokens (AUTH-01); a RESTlet call is logged with TBA only (LOG-02, ASM-10);
    // on SOAP, TBA without an Application ID (AUTH-03) on an endpoint that takes it (AUTH-05), logged (LOG-01).
    const base: Reason[] = call.channel === 'restlet' ? ['AUTH-01', 'LOG-02', 'ASM-10'] : ['AUTH-01', 'AUTH-03', 'AUTH-05', 'LOG-01'];
    // A nonce or a timestamp puts the replay rules to use (FACT-11, FACT-12, ASM-17).
    return auth.nonce !== undefined || auth.timestamp !== undefined ? [...base, 'FACT-11', 'FACT-12', 'ASM-17'] : base;
  }
  // User credentials on a RESTlet: tracked by no record (LOG-02, ASM-10).
  if (call.channel === 'restlet') return ['LOG-02', 'ASM-10'];
  // No record named: the Default Web Services Integrations record, 2015.1 and earlier (AUTH-04, FACT-06), logged (LOG-01).
  if (o.trackedBy?.by === 'default') return ['AUTH-04', 'FACT-06', 'LOG-01'];
  // A record named by an Application ID or a session: it permits user credentials (AUTH-01) and
  // tracks the request (AUTH-02) under the era's rule (AUTH-04 or AUTH-05), logged (LOG-01).
  const cites: Reason[] = ['AUTH-01', 'AUTH-02', call.era === 'legacy' ? 'AUTH-04' : 'AUTH-05', 'LOG-01'];
  const record = o.trackedBy?.by === 'record' ? o.trackedBy.record : undefined;
  const before = record === undefined ? 'absent' : stateIn(step.before, call.account, record);
  if (!isPresent(before)) {
    // Auto-installed by naming it (OWN-02), State by Require Approval (ASM-01), a fresh installation (SBX-05);
    // back into a sandbox that lost it in a refresh (SBX-04).
    cites.push('OWN-02', 'ASM-01', 'SBX-05');
    if (before === 'removed' && step.before.accounts[call.account]?.kind === 'sandbox') cites.push('SBX-04');
  }
  return cites;
}

const CITATIONS: Readonly<Record<CommandType, Citing>> = {
  // Setting up accounts and users puts no rule to use.
  addAccount: () => [],
  addSandbox: () => [],
  addUser: () => [],
  // Require Approval is what TOKEN-02 reads; the token feature is FACT-08's.
  setPreference: ({ command }) => (command.type === 'setPreference' && command.preference === 'requireApproval' ? ['TOKEN-02'] : ['FACT-08']),
  setDefaultRecordState: () => ['FACT-06'],
  // Held at once (REC-01), a generated Application ID (REC-02), Enabled by its creator (REC-03), methods chosen (REC-06).
  createRecord: () => ['REC-01', 'REC-02', 'REC-03', 'REC-06'],
  editRecord: ({ command, before }) => {
    if (command.type !== 'editRecord') return [];
    const ch = command.changes;
    return [
      // Common fields are shared by every account (REC-04), edited by the owner (OWN-04)...
      ...(COMMON_FIELDS.some((f) => ch[f] !== undefined) ? (['REC-04', 'OWN-04'] as const) : []),
      // ...State and Note are the account's own (STATE-03)...
      ...(ch.state !== undefined || ch.note !== undefined ? (['STATE-03'] as const) : []),
      // ...and an account that did not create the record edits only those (OWN-03).
      ...(createdAndHeld(before, command.account, command.record) ? [] : (['OWN-03'] as const)),
    ];
  },
  regenerateCredentials: () => ['REC-05', 'FACT-05'],
  createBundle: () => ['OWN-01'],
  // A bundle installs its records Enabled (OWN-01, FACT-02), as bundle installations (ASM-12)...
  installBundle: () => ['OWN-01', 'FACT-02', 'ASM-12'],
  // ...and uninstalling removes what it installed (FACT-03), only that (ASM-12).
  uninstallBundle: () => ['OWN-01', 'FACT-03', 'ASM-12'],
  createAccessToken: () => ['FACT-04'],
  // Issue Token installs a record the account lacks (TOKEN-01, TOKEN-02, ASM-02), or issues for one it holds (ASM-15).
  issueToken: ({ command, before }) =>
    command.type === 'issueToken' && !isPresent(stateIn(before, command.account, command.record)) ? ['TOKEN-01', 'TOKEN-02', 'ASM-02'] : ['TOKEN-01', 'ASM-15'],
  refreshSandbox: () => ['SBX-01', 'SBX-02', 'SBX-03', 'ASM-03', 'ASM-04', 'ASM-05', 'FACT-04'],
  viewIntegrations: () => ['PERM-01'],
  viewRecord: () => ['PERM-02', 'REC-04', 'OWN-06', 'AUTH-08'],
  viewExecutionLog: () => ['LOG-01', 'LOG-02'],
  searchOperations: () => ['PERM-02', 'LOG-01'],
  request: callCitations,
  login: callCitations,
  // A session ends with user credentials (AUTH-05); logging out twice is harmless (ASM-19).
  logout: () => ['AUTH-05', 'ASM-19'],
};

const listed = (rules: readonly string[]): string => (rules.length === 0 ? 'none' : [...rules].sort().join(', '));

export const citations = define('ASM-20 every outcome names the command it answers; an accepted one cites exactly the rules it put to use, and says what it changed', (step) => {
  const o = step.outcome;
  if (o.command !== step.command.type) return { message: `a ${step.command.type} command was answered as ${o.command === '' ? 'no command' : `a ${o.command}`}` };
  if (o.kind !== 'accepted') return undefined;
  const changed = worldDifference(step.before, step.after);
  if (changed && o.changes.length === 0) return { message: `${step.command.type} was accepted and changed ${changed}, but its outcome says nothing changed` };
  const cite = (CITATIONS as Readonly<Record<string, Citing | undefined>>)[step.command.type];
  if (!cite) return { message: `${step.command.type} was accepted, but no citation is written for it` };
  const want = cite(step);
  const got = o.rules;
  const same = got.length === want.length && new Set(got).size === got.length && want.every((r) => got.includes(r));
  return same ? undefined : { message: `${step.command.type} was accepted citing ${listed(got)}; it put to use ${listed(want)}` };
});
