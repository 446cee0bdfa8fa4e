import { DEFAULT_USER, type CommandOf, type LifecycleState, type Reason, type World } from '../../model';
import { define } from './step';
import { isPresent, mismatch, stateExpectation, stateIn } from './vocabulary';

/** Tokens and auto-installation: Issue Token, access tokens, and the installations they make. */

function expectedTokenCommand(world: World, cmd: CommandOf<'issueToken'> | CommandOf<'createAccessToken'>): Reason | 'accepted' {
  if (!world.accounts[cmd.account]?.preferences.tokenBasedAuthentication) return 'FACT-08';
  if (!world.records[cmd.record]?.authentication.tokenBased) return 'AUTH-01';
  const s = stateIn(world, cmd.account, cmd.record);
  if (cmd.type === 'createAccessToken') return isPresent(s) ? 'accepted' : 'ASM-14';
  if (s === 'blocked') return 'STATE-01';
  if (s === 'waitingForApproval') return 'STATE-02';
  return 'accepted';
}

/** A refused token request's code and Login Audit Trail detail, by the refusing rule. */
const TOKEN_REFUSALS: Readonly<Record<string, string>> = {
  'FACT-08': 'FEATURE_DISABLED FeatureDisabled',
  'AUTH-01': 'INVALID_LOGIN_ATTEMPT method_not_permitted',
  'AUTH-05': 'INVALID_LOGIN_ATTEMPT',
  'STATE-01': 'INVALID_LOGIN_ATTEMPT consumer_key_refused',
  'STATE-02': 'INVALID_LOGIN_ATTEMPT waiting_for_approval',
};

export const installations = define(
  'TOKEN-01 TOKEN-02 SBX-04 SBX-05 OWN-02 ASM-01 ASM-02 ASM-15 FACT-04 Issue Token and auto-installation install the record without full control, Waiting for Approval exactly when Require Approval is checked, with an empty log and Note; Issue Token issues a token of that account',
  (step) => {
    const { before, after, outcome: o, command: cmd } = step;
    if (o.kind === 'invalid') return undefined;
    for (const t of o.transitions) {
      if (t.event !== 'AUTO_INSTALL' && t.event !== 'ISSUE_TOKEN') continue;
      const want: LifecycleState = before.accounts[t.account].preferences.requireApproval ? 'waitingForApproval' : 'enabled';
      const inst = after.accounts[t.account].installations[t.record];
      const what = `${t.event === 'ISSUE_TOKEN' ? 'Issue Token' : 'auto-installation'} of "${t.record}" in "${t.account}"`;
      if (t.from !== 'absent' && t.from !== 'removed') return { message: `${what} from ${t.from}` };
      if (inst.state !== want) return { message: `${what} gave ${inst.state} with Require Approval ${want === 'enabled' ? 'unchecked' : 'checked'}`, expectations: [stateExpectation(t.account, t.record, want)] };
      if (inst.note !== '' || inst.log.length > 1) return { message: `${what} kept the Note or log of an earlier installation (SBX-05)` };
      if (inst.origin === 'created') return { message: `${what} gave full control (SBX-04)` };
    }
    if (cmd.type !== 'issueToken' && cmd.type !== 'createAccessToken') return undefined;
    const what = `${cmd.type === 'issueToken' ? 'Issue Token' : 'creating an access token'} for "${cmd.record}" in "${cmd.account}"`;
    const wrong = mismatch(step, what, expectedTokenCommand(before, cmd));
    if (wrong) return wrong;
    if (o.kind === 'refused') {
      // What the caller is told, and what the Login Audit Trail shows (FACT-13; ASM-18 for the words no source shows).
      const want = TOKEN_REFUSALS[o.rule];
      const got = `${o.fault.code}${o.fault.detail ? ` ${o.fault.detail}` : ''}`;
      return want && got !== want ? { message: `${what} was refused by ${o.rule} as ${got}; expected ${want}` } : undefined;
    }
    if (o.kind !== 'accepted') return undefined;
    const token = after.tokens[cmd.token];
    if (!token || token.account !== cmd.account || token.record !== cmd.record || token.user !== (cmd.user ?? DEFAULT_USER)) return { message: `${what} did not issue the token "${cmd.token}" there` };
    const s0 = stateIn(before, cmd.account, cmd.record);
    const s1 = stateIn(after, cmd.account, cmd.record);
    if (isPresent(s0)) return s1 === s0 ? undefined : { message: `${what} moved a held record from ${s0} to ${s1} (ASM-15)`, expectations: [stateExpectation(cmd.account, cmd.record, s0)] };
    const installedNow = o.transitions.some((t) => t.event === 'ISSUE_TOKEN' && t.account === cmd.account && t.record === cmd.record);
    return installedNow ? undefined : { message: `${what} did not install the record`, expectations: [stateExpectation(cmd.account, cmd.record, before.accounts[cmd.account].preferences.requireApproval ? 'waitingForApproval' : 'enabled')] };
  },
);
