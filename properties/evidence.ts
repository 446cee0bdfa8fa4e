import { DEFAULT_USER, isPresent, stateIn, type Command, type RuleId, type World } from '../model';
import { decodeCall, namedRecord, type Call } from './invariants/calls';
import { INVARIANTS, type StepContext, type Violation } from './invariants';
import { COMMON_FIELDS } from './invariants/vocabulary';

/**
 * Evidence that a check was not vacuous: for each rule, the case that puts it to the test (for
 * AUTH-03, a token-based request that carries an Application ID), written from the rule text
 * like the invariants, not from the model's code. The world property counts, per rule, the
 * steps that reached its case and how many of those ended as the rule says (no invariant naming
 * the rule objected); the report flags a rule no run reached as checked vacuously.
 */

type Case = (step: StepContext, call: Call | undefined) => boolean;

const held = (world: World, account: string, record: string | null | undefined): boolean =>
  typeof record === 'string' && world.accounts[account] !== undefined && isPresent(stateIn(world.accounts[account], record));
const stateOf = (world: World, account: string, record: string | null | undefined) =>
  typeof record === 'string' && world.accounts[account] ? stateIn(world.accounts[account], record) : 'absent';
const is = <T extends Command['type']>(c: Command, type: T): c is Extract<Command, { type: T }> => c.type === type;
const owns = (world: World, account: string, record: string): boolean => world.records[record]?.owner === account && world.accounts[account]?.installations[record]?.origin === 'created';
const roleOf = (world: World, account: string, user: string | undefined) => world.accounts[account]?.users[user ?? DEFAULT_USER]?.role;
const sandboxOnly = (world: World, sandbox: string): boolean => {
  const production = world.accounts[sandbox]?.production;
  return production !== undefined && Object.keys(world.accounts[sandbox].installations).some((r) => held(world, sandbox, r) && !held(world, production, r));
};

/** Each rule's interesting case. A rule missing here has no evidence and is never flagged. */
export const RULE_CASES: Readonly<Partial<Record<RuleId, Case>>> = {
  'REC-01': ({ command }) => is(command, 'createRecord'),
  'REC-02': ({ command }) => is(command, 'createRecord') || (is(command, 'editRecord') && command.changes.applicationId !== undefined),
  'REC-03': ({ command }) => is(command, 'createRecord'),
  'REC-04': ({ command, before }) => is(command, 'editRecord') && COMMON_FIELDS.some((f) => command.changes[f] !== undefined) && Object.keys(before.accounts).some((a) => a !== command.account && held(before, a, command.record)),
  'REC-05': ({ command }, call) => is(command, 'regenerateCredentials') || (is(command, 'editRecord') && (command.changes.consumerKey !== undefined || command.changes.consumerSecret !== undefined)) || (call?.auth.kind === 'tba' && call.auth.consumerKey.stale === true),
  'REC-06': ({ command }) => is(command, 'createRecord'),
  'OWN-01': ({ command }) => is(command, 'installBundle') || is(command, 'uninstallBundle'),
  'OWN-02': ({ before }, call) => call !== undefined && !call.login && call.auth.kind === 'passport' && typeof namedRecord(before, call) === 'string' && !held(before, call.account, namedRecord(before, call)),
  'OWN-03': ({ command, before }) => is(command, 'editRecord') && held(before, command.account, command.record) && !owns(before, command.account, command.record) && Object.keys(command.changes).some((f) => f !== 'state' && f !== 'note'),
  'OWN-04': ({ command, before }) => is(command, 'editRecord') && owns(before, command.account, command.record) && COMMON_FIELDS.some((f) => command.changes[f] !== undefined) && Object.keys(before.accounts).some((a) => a !== command.account && held(before, a, command.record)),
  'OWN-05': ({ command, before }) => is(command, 'refreshSandbox') && Object.values(before.records).some((r) => r.owner === command.account && held(before, before.accounts[command.account]?.production ?? '', r.ref)),
  'OWN-06': ({ command, before }) => is(command, 'viewRecord') && !owns(before, command.account, command.record),
  'STATE-01': ({ before }, call) => call !== undefined && stateOf(before, call.account, namedRecord(before, call)) === 'blocked',
  'STATE-02': ({ before }, call) => call !== undefined && stateOf(before, call.account, namedRecord(before, call)) === 'waitingForApproval',
  'STATE-03': ({ command }) => is(command, 'editRecord') && (command.changes.state !== undefined || command.changes.note !== undefined),
  'TOKEN-01': ({ command }) => is(command, 'issueToken'),
  'TOKEN-02': ({ command, before }) => is(command, 'issueToken') && !held(before, command.account, command.record),
  'AUTH-01': ({ before }, call) => {
    const record = call ? namedRecord(before, call) : undefined;
    const methods = typeof record === 'string' ? before.records[record]?.authentication : undefined;
    return call !== undefined && methods !== undefined && ((call.auth.kind === 'tba' && !methods.tokenBased) || (call.auth.kind === 'passport' && !methods.userCredentials));
  },
  'AUTH-02': (_s, call) => call?.auth.kind === 'passport' && call.auth.applicationId !== undefined,
  'AUTH-03': (_s, call) => call?.auth.kind === 'tba' && call.auth.applicationId !== undefined,
  'AUTH-04': (_s, call) => call?.era === 'legacy',
  'AUTH-05': (_s, call) => call?.era === 'applicationId',
  'AUTH-06': (_s, call) => call !== undefined && (call.auth.kind === 'none' || (call.channel === 'soap' && call.operation === 'getDataCenterUrls')),
  'AUTH-07': (_s, call) => call?.era === 'tokenOnly' && (call.auth.kind === 'passport' || call.auth.kind === 'session'),
  'AUTH-08': ({ command }) => is(command, 'viewRecord') || is(command, 'viewIntegrations'),
  'PERM-01': ({ command, before }) => is(command, 'viewIntegrations') && roleOf(before, command.account, command.user) !== 'administrator',
  'PERM-02': ({ command, before }) =>
    (is(command, 'viewRecord') || is(command, 'editRecord') || is(command, 'createRecord') || is(command, 'searchOperations')) && roleOf(before, command.account, command.user) !== 'administrator',
  'LOG-01': ({ outcome }, call) => call !== undefined && call.channel === 'soap' && outcome.kind === 'accepted',
  'LOG-02': (_s, call) => call?.channel === 'restlet',
  'SBX-01': ({ command }) => is(command, 'refreshSandbox'),
  'SBX-02': ({ command, before }) => is(command, 'refreshSandbox') && sandboxOnly(before, command.account),
  'SBX-03': ({ command, before }) => is(command, 'refreshSandbox') && Object.keys(before.records).some((r) => held(before, before.accounts[command.account]?.production ?? '', r)),
  'SBX-04': ({ before }, call) => call !== undefined && stateOf(before, call.account, namedRecord(before, call)) === 'removed' && before.accounts[call.account]?.kind === 'sandbox',
  'SBX-05': ({ before }, call) => call !== undefined && stateOf(before, call.account, namedRecord(before, call)) === 'removed',
  'SBX-06': ({ command, before }) => is(command, 'createRecord') && before.accounts[command.account]?.kind === 'production',
};

/** Per rule: the invariants that check it (by name), the steps that reached its case, and how many held. */
export type Evidence = Record<string, { by: string[]; reached: number; held: number }>;

const CHECKED_BY = new Map<string, string[]>();
for (const inv of INVARIANTS) for (const rule of inv.rules) CHECKED_BY.set(rule, [...(CHECKED_BY.get(rule) ?? []), inv.name]);

/** Counts the evidence of one property (its runs together). */
export class EvidenceCounter {
  private readonly counts = new Map<string, { reached: number; held: number }>();

  /** One checked step; `violation` is what the invariants found (undefined when every one held). */
  observe(step: StepContext, violation: Violation | undefined): void {
    const call = decodeCall(step.command);
    for (const [rule, reaches] of Object.entries(RULE_CASES) as [string, Case][]) {
      if (!reaches(step, call)) continue;
      const c = this.counts.get(rule) ?? { reached: 0, held: 0 };
      c.reached++;
      if (!violation?.rules.includes(rule)) c.held++;
      this.counts.set(rule, c);
    }
  }

  /** Every rule with a case and an invariant, reached or not (a zero is the finding). */
  toEvidence(): Evidence {
    const out: Evidence = {};
    for (const rule of Object.keys(RULE_CASES).sort()) {
      const by = CHECKED_BY.get(rule);
      if (!by) continue;
      out[rule] = { by: [...by].sort(), ...(this.counts.get(rule) ?? { reached: 0, held: 0 }) };
    }
    return out;
  }
}
