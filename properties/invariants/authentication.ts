import { ambiguity, describeCall, isDataCenterUrls } from './calls';
import { worldDifference } from './differences';
import { define } from './step';
import { isPresent, mismatch, said, stateExpectation, stateIn } from './vocabulary';

/** Authentication: which requests and logins are accepted, on which endpoints, in which States, with which methods. */

export const ambiguousRefused = define(
  'AUTH-03 FACT-09 FACT-10 a token-based request or login carrying an Application ID, a Passport or a session open in that account is refused as ambiguous, on every endpoint',
  (step) => {
    const c = step.call;
    const rule = c ? ambiguity(step.before, c) : undefined;
    if (!c || !rule) return undefined;
    return mismatch(step, describeCall(c), rule);
  },
  ['request', 'login'],
);

/** NetSuite's window around a token-based request's timestamp: five minutes either way (FACT-12, ASM-17). */
const FIVE_MINUTES = 300;

export const replayRefused = define(
  'FACT-11 FACT-12 ASM-17 a token-based request is accepted only with a timestamp within five minutes of its arrival and a nonce its token has not used in an accepted request inside that window; the accepted nonce is kept',
  (step) => {
    const c = step.call;
    const o = step.outcome;
    // getDataCenterUrls needs no authentication at all (AUTH-06): what it carries is not checked.
    if (!c || c.auth.kind !== 'tba' || c.auth.nonce === undefined || isDataCenterUrls(c) || o.kind === 'invalid' || step.command.type !== 'request') return undefined;
    const { nonce, timestamp } = c.auth;
    const receivedAt = step.command.request.receivedAt;
    const late = timestamp !== undefined && receivedAt !== undefined && Math.abs(receivedAt - timestamp) > FIVE_MINUTES;
    const token = 'handle' in c.auth.token ? step.before.tokens[c.auth.token.handle] : undefined;
    const reused = token !== undefined && token.usedNonces.has(nonce);
    if (o.kind === 'accepted') {
      if (late) return { message: `${describeCall(c)} with a timestamp ${Math.abs((receivedAt ?? 0) - (timestamp ?? 0))} s from its arrival was accepted; expected a refusal by FACT-12`, expectations: [{ type: 'outcome', kind: 'refused', rule: 'FACT-12' }] };
      if (reused) return { message: `${describeCall(c)} reusing nonce "${nonce}" of its token was accepted; expected a refusal by FACT-11`, expectations: [{ type: 'outcome', kind: 'refused', rule: 'FACT-11' }] };
      const kept = token !== undefined && timestamp !== undefined && step.after.tokens[token.handle]?.usedNonces.has(nonce);
      if (token && timestamp !== undefined && !kept) return { message: `${describeCall(c)} was accepted but its token does not remember nonce "${nonce}" (ASM-17)` };
      return undefined;
    }
    if (o.rule === 'FACT-12' && !late) return { message: `${describeCall(c)} was refused by FACT-12 with a timestamp inside the window` };
    if (o.rule === 'FACT-11' && !reused) return { message: `${describeCall(c)} was refused by FACT-11 with nonce "${nonce}" its token never used` };
    return undefined;
  },
  ['request'],
);

export const endpointEras = define(
  'AUTH-04 AUTH-07 ASM-09 FACT-07 no token-based request on 2015.1 or earlier, no user credentials or session on 2020.2 or later, no login with token-based authentication',
  (step) => {
    const c = step.call;
    if (!c || ambiguity(step.before, c) || isDataCenterUrls(c) || c.channel !== 'soap') return undefined;
    const kind = c.auth.kind;
    if (c.login && kind === 'tba') return mismatch(step, describeCall(c), 'FACT-07');
    if (c.era === 'legacy' && kind === 'tba') return mismatch(step, describeCall(c), 'AUTH-04');
    if (c.era === 'tokenOnly' && (kind === 'passport' || kind === 'session')) return mismatch(step, describeCall(c), 'AUTH-07');
    return undefined;
  },
  ['request', 'login'],
);

export const dataCenterUrls = define('AUTH-06 ASM-06 getDataCenterUrls is accepted without authentication or Application ID, tracked by no record and logged nowhere; anything else needs authentication', (step) => {
  const c = step.call;
  if (!c || ambiguity(step.before, c) || step.outcome.kind === 'invalid') return undefined;
  if (isDataCenterUrls(c)) {
    if (step.outcome.kind !== 'accepted') return mismatch(step, describeCall(c), 'accepted');
    if (step.outcome.trackedBy?.by !== 'none') return { message: `${describeCall(c)} was tracked by ${step.outcome.trackedBy?.by ?? 'nothing said'}; expected no record` };
    const d = worldDifference(step.before, step.after);
    return d ? { message: `${describeCall(c)} changed ${d}; expected no log entry anywhere` } : undefined;
  }
  if (c.auth.kind === 'none') return mismatch(step, describeCall(c), 'AUTH-06');
  return undefined;
}, ['request', 'login']);

export const stateGate = define(
  'STATE-01 STATE-02 FACT-06 ASM-15 ASM-16 no request, login or Issue Token call is accepted for a record Blocked or Waiting for Approval in that account, nor through a blocked Default record',
  (step) => {
    const o = step.outcome;
    if (o.kind !== 'accepted') return undefined;
    if (step.command.type === 'issueToken') {
      const s0 = stateIn(step.before, step.command.account, step.command.record);
      if (s0 === 'blocked') return mismatch(step, `Issue Token for "${step.command.record}" Blocked in "${step.command.account}"`, 'STATE-01');
      if (s0 === 'waitingForApproval') return mismatch(step, `Issue Token for "${step.command.record}" Waiting for Approval in "${step.command.account}"`, 'STATE-02');
      return undefined;
    }
    const c = step.call;
    if (!c || !o.trackedBy) return undefined;
    if (o.trackedBy.by === 'default') {
      return step.before.accounts[c.account]?.defaultRecord.state === 'blocked' ? mismatch(step, `${describeCall(c)} with the Default record blocked`, 'FACT-06') : undefined;
    }
    if (o.trackedBy.by !== 'record') return undefined;
    const r = o.trackedBy.record;
    const s0 = stateIn(step.before, c.account, r);
    const s1 = stateIn(step.after, c.account, r);
    const what = `${describeCall(c)} for "${r}" (${s0} before, ${s1} after)`;
    if (s0 === 'blocked' || s1 === 'blocked') return mismatch(step, what, 'STATE-01');
    if (s0 === 'waitingForApproval' || s1 === 'waitingForApproval') return mismatch(step, what, 'STATE-02');
    return undefined;
  },
  ['request', 'login', 'issueToken'],
);

export const permittedMethods = define(
  'AUTH-01 OWN-02 ASM-08 ASM-14 a request is accepted only with a method its record permits, and holds the record afterwards (auto-installed by an Application ID); a refused request installs nothing unless it waits for approval',
  (step) => {
    const o = step.outcome;
    const cmd = step.command;
    if ((cmd.type === 'issueToken' || cmd.type === 'createAccessToken') && o.kind === 'accepted') {
      return step.before.records[cmd.record]?.authentication.tokenBased ? undefined : mismatch(step, `${cmd.type} for "${cmd.record}", which does not permit token-based authentication`, 'AUTH-01');
    }
    const c = step.call;
    if (!c) return undefined;
    if (o.kind === 'refused') {
      if (o.transitions.length === 0) return undefined;
      const ok = o.rule === 'STATE-02' && o.transitions.every((t) => t.event === 'AUTO_INSTALL' && t.to === 'waitingForApproval');
      return ok ? undefined : { message: `${describeCall(c)} was refused by ${o.rule} yet moved ${o.transitions.map((t) => t.transition).join(', ')}; a refused request installs nothing (ASM-08)` };
    }
    if (o.kind !== 'accepted' || o.trackedBy?.by !== 'record') return undefined;
    const r = o.trackedBy.record;
    const record = step.before.records[r];
    const tokenBased = c.auth.kind === 'tba';
    if (!record || !(tokenBased ? record.authentication.tokenBased : record.authentication.userCredentials)) {
      return mismatch(step, `${describeCall(c)} for "${r}", which does not permit ${tokenBased ? 'token-based authentication' : 'user credentials'}`, 'AUTH-01');
    }
    if (!isPresent(stateIn(step.after, c.account, r))) return { message: `${describeCall(c)} was accepted for "${r}" but "${c.account}" does not hold it afterwards`, expectations: [stateExpectation(c.account, r, 'enabled')] };
    if (!isPresent(stateIn(step.before, c.account, r))) {
      if (tokenBased) return mismatch(step, `${describeCall(c)} for "${r}", which "${c.account}" did not hold (its tokens cannot be valid there)`, 'FACT-04');
      if (!o.transitions.some((t) => t.event === 'AUTO_INSTALL' && t.account === c.account && t.record === r)) {
        return { message: `${describeCall(c)} installed "${r}" in "${c.account}" without an auto-installation` };
      }
    }
    return undefined;
  },
  ['request', 'login', 'issueToken', 'createAccessToken'],
);
