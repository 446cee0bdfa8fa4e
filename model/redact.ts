/**
 * Confidential values (AUTH-08): Application IDs, consumer keys and secrets, token IDs and
 * secrets. Everything the project prints or writes goes through here. A redacted value keeps
 * a short fingerprint (a hash, not a prefix) so two mentions of the same value can be matched
 * without revealing it.
 */

import { Log } from './log';
import { NonceWindow } from './nonces';

const CONFIDENTIAL_KEYS = new Set(['applicationId', 'consumerKey', 'consumerSecret', 'previousConsumerKey', 'tokenId', 'tokenSecret']);

/** 32 hex digits, grouped 8-4-4-4-12 or bare, either case; and 64-hex secrets. */
export const APPLICATION_ID_TEXT = /\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b/g;
export const SECRET_TEXT = /\b[0-9a-fA-F]{64}\b/g;

function fingerprint(value: string): string {
  // FNV-1a, 32-bit: stable and not reversible to the value's digits.
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 6);
}

export function redactValue(value: string): string {
  return `[redacted #${fingerprint(value)}]`;
}

/**
 * Every match of either pattern holds 12 hex digits in a row (a grouped ID's last group), so
 * text without such a run has nothing to redact.
 */
const HEX_RUN = /[0-9a-fA-F]{12}/;

/** Redacts confidential-looking strings inside free text (error messages, logs). */
export function redactText(text: string): string {
  // One scan instead of two for what is printed most (names, account IDs, plain messages).
  if (!HEX_RUN.test(text)) return text;
  return text.replace(SECRET_TEXT, redactValue).replace(APPLICATION_ID_TEXT, redactValue);
}

/** A deep copy with confidential fields and confidential-looking strings redacted. */
export function redact<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') return key !== undefined && CONFIDENTIAL_KEYS.has(key) ? redactValue(value) : redactText(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, undefined));
  // Logs and nonce windows (log.ts, nonces.ts) print as the arrays they stand for.
  if (value instanceof Log || value instanceof NonceWindow) return walk(value.toArray(), key);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
  }
  return value;
}

/** True when the text contains nothing that looks like an Application ID or secret. */
export function findConfidential(text: string): string[] {
  return [...(text.match(SECRET_TEXT) ?? []), ...(text.match(APPLICATION_ID_TEXT) ?? [])];
}
