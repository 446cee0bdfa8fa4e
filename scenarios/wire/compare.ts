import { redact, redactText, type Command, type FaultCode, type Outcome, type World } from '../../model';
import { answeredByWire, type WireAnswer } from './client';

/**
 * Does the wire's answer say what the model says? The expected wire form of each outcome is
 * stated here on its own terms (FACT-13, ASM-18), not computed with the simulator's encoders:
 *
 *   accepted  HTTP 200; the audit trail names the same tracking record
 *   refused   the audit trail names the same rule, fault code and Login Audit Trail detail; on
 *             SOAP HTTP 500 with the model's message as faultstring and the platform fault's code
 *             (USER_ERROR, or INVALID_LOGIN_CREDENTIALS, or SESSION_TIMED_OUT for an invalid
 *             session); on RESTlets and Issue Token HTTP 401 with the model's code and message
 *   invalid   the audit trail (or the administration API) says invalid
 *
 * A request the wire answers itself (no account named, an operation the endpoint's WSDL lacks:
 * `answeredByWire`) must be refused by ASM-18 where the model refused it without changing the
 * world. Set-up commands go through the administration API, whose redacted outcome must equal
 * the model's redacted outcome field for field.
 */

/** The platform fault code NetSuite's SOAP answer carries for a model fault code (FACT-13, ASM-18). */
export function soapFaultCode(code: FaultCode): string {
  if (code === 'INVALID_LOGIN_CREDENTIALS') return 'INVALID_LOGIN_CREDENTIALS';
  if (code === 'INVALID_SESSION') return 'SESSION_TIMED_OUT';
  return 'USER_ERROR';
}

function trackedByOf(outcome: Outcome): string | undefined {
  if (outcome.kind !== 'accepted' || !outcome.trackedBy) return undefined;
  return outcome.trackedBy.by === 'record' ? outcome.trackedBy.record : outcome.trackedBy.by;
}

/** The model's outcome in a few words (redacted). */
export function describeModel(outcome: Outcome): string {
  if (outcome.kind === 'accepted') {
    const t = trackedByOf(outcome);
    return `accepted${t !== undefined ? ` (tracked by ${t === 'none' || t === 'default' ? t : `"${t}"`})` : ''}`;
  }
  if (outcome.kind === 'refused') return `refused by ${outcome.rule} (${outcome.fault.code}${outcome.fault.detail ? `, ${outcome.fault.detail}` : ''}: ${redactText(outcome.fault.message)})`;
  return `invalid (${outcome.at}: ${redactText(outcome.problem)})`;
}

/** The wire's answer in a few words (redacted). */
export function describeWire(a: WireAnswer): string {
  const head = a.kind === 'accepted'
    ? `accepted${a.trackedBy !== undefined ? ` (tracked by ${a.trackedBy === 'none' || a.trackedBy === 'default' ? a.trackedBy : `"${a.trackedBy}"`})` : ''}`
    : a.kind === 'refused' ? `refused by ${a.rule ?? '?'} (${a.code ?? '?'}${a.detail ? `, ${a.detail}` : ''})` : 'invalid';
  const seen = a.via === 'admin' ? 'through the administration API' : `HTTP ${a.status}${a.wireCode ? ` ${a.wireCode}` : ''}${a.message ? ` "${redactText(a.message)}"` : ''} (${a.via})`;
  return `${head}, ${seen}`;
}

/** JSON with object keys sorted, so two values compare by content. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

/**
 * What is wrong with the wire's answer to `command`, given the model's outcome and the worlds
 * before and after it; undefined when they agree. Names both answers, redacted.
 */
export function disagreement(before: World, command: Command, outcome: Outcome, after: World, answer: WireAnswer): string | undefined {
  const both = `the wire answered ${describeWire(answer)}; the model ${describeModel(outcome)}`;
  const problems: string[] = [];
  const byWire = answeredByWire(command);
  if (byWire !== undefined) {
    if (answer.kind !== 'refused' || answer.rule !== 'ASM-18') problems.push(`${byWire}: expected a refusal by ASM-18`);
    if (outcome.kind === 'accepted' || after !== before) problems.push('the model accepted or changed the world where the wire cannot say the command');
    return problems.length === 0 ? undefined : `${problems.join('; ')}: ${both}`;
  }
  if (answer.via === 'admin') {
    if (answer.kind === 'invalid' || outcome.kind === 'invalid') return answer.kind === outcome.kind ? undefined : `kinds differ: ${both}`;
    const local = canonical(JSON.parse(JSON.stringify(redact(outcome))));
    const wire = canonical(answer.outcome);
    return local === wire ? undefined : `the administration API's outcome differs from the model's: ${both}\n  wire:  ${wire.slice(0, 600)}\n  model: ${local.slice(0, 600)}`;
  }
  if (answer.kind !== outcome.kind) return `kinds differ: ${both}`;
  const soap = answer.via === 'soap';
  if (outcome.kind === 'accepted') {
    if (answer.status !== 200) problems.push(`HTTP ${answer.status}, expected 200`);
    if (answer.trackedBy !== trackedByOf(outcome)) problems.push('the tracking records differ');
    if (command.type === 'issueToken' && answer.issuedTokenId !== after.tokens[command.token]?.tokenId) problems.push('the issued token ID is not the one the model issued');
  } else if (outcome.kind === 'refused') {
    const f = outcome.fault;
    if (answer.rule !== outcome.rule) problems.push('the rules differ');
    if (answer.code !== f.code) problems.push('the fault codes differ');
    if ((answer.detail ?? undefined) !== (f.detail ?? undefined)) problems.push('the Login Audit Trail details differ');
    const status = soap ? 500 : 401;
    if (answer.status !== status) problems.push(`HTTP ${answer.status}, expected ${status}`);
    const wireCode = soap ? soapFaultCode(f.code) : f.code;
    if (answer.wireCode !== wireCode) problems.push(`the client read the code ${answer.wireCode ?? '(none)'}, expected ${wireCode}`);
    if (answer.message !== f.message) problems.push('the messages differ');
  }
  return problems.length === 0 ? undefined : `${problems.join('; ')}: ${both}`;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The first path where two JSON values differ, with both values (truncated). */
function firstDifference(a: Json, b: Json, path: string): string | undefined {
  if (canonical(a) === canonical(b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, Json>)[k] ?? null, (b as Record<string, Json>)[k] ?? null, `${path}${Array.isArray(a) ? `[${k}]` : `.${k}`}`);
      if (d) return d;
    }
  }
  return `${path}: wire ${canonical(a).slice(0, 300)}, model ${canonical(b).slice(0, 300)}`;
}

export interface WorldComparison {
  /** The wire's JSESSIONID for each session handle the commands named. */
  readonly sessions: ReadonlyMap<string, string>;
  /** Leave out the nonces tokens keep (the model-only scenarios send none; the wire always does). */
  readonly ignoreNonces: boolean;
  /** Leave out the deliberate faults (only where a test gives the two worlds different faults on purpose). */
  readonly ignoreFaults?: boolean;
}

/**
 * Where the simulator's world (as /__harness/world shows it, redacted) differs from the local
 * model's, or undefined. The wire names sessions and issued tokens itself: sessions are matched
 * through the JSESSIONIDs the client received, tokens through their (redacted) token IDs.
 */
export function worldDifference(wire: unknown, local: World, options: WorldComparison): string | undefined {
  const l = JSON.parse(JSON.stringify(redact(local))) as { [k: string]: Json };
  const w = JSON.parse(JSON.stringify(wire)) as { [k: string]: Json };
  const sessionOf = new Map([...options.sessions].map(([mine, theirs]) => [theirs, mine]));
  const ws = (w.sessions ?? {}) as Record<string, { [k: string]: Json }>;
  w.sessions = Object.fromEntries(Object.entries(ws).map(([k, s]) => {
    const name = sessionOf.get(k) ?? k;
    return [name, { ...s, handle: name }];
  }));
  const localTokenOf = new Map(Object.values((l.tokens ?? {}) as Record<string, { [k: string]: Json }>).map((t) => [t.tokenId as string, t.handle as string]));
  const wt = (w.tokens ?? {}) as Record<string, { [k: string]: Json }>;
  w.tokens = Object.fromEntries(Object.entries(wt).map(([k, t]) => {
    const name = localTokenOf.get(t.tokenId as string) ?? k;
    return [name, { ...t, handle: name }];
  }));
  if (options.ignoreFaults) for (const side of [l, w]) delete (side.config as { [k: string]: Json }).faults;
  if (options.ignoreNonces) {
    for (const side of [l, w]) {
      const tokens = side.tokens as Record<string, { [k: string]: Json }>;
      for (const t of Object.values(tokens ?? {})) delete t.usedNonces;
    }
  }
  return firstDifference(w, l, 'world');
}
