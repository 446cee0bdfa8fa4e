import type { AccessToken, IntegrationRecord, TbaAuth, World } from '../model';
import { findByConsumerKey, findToken, type FoundAccount } from './directory';
import type { WireRefusal } from './types';

/**
 * Token-based credentials as the model takes them, from either header form (tokenPassport or
 * OAuth). The signature is checked here with the world's secrets; every rule about what the
 * credentials may do is the model's.
 */

export const INVALID_LOGIN = 'Invalid login attempt.';

/** An invalid login the wire answers itself, the world knowing nothing the request names (ASM-18). */
export function wireRefusal(detail: string): WireRefusal {
  return { rule: 'ASM-18', code: 'INVALID_LOGIN_ATTEMPT', message: INVALID_LOGIN, detail };
}

export interface TokenFields {
  readonly consumerKey: string | undefined;
  readonly token: string | undefined;
  readonly nonce: string | undefined;
  readonly timestamp: string | undefined;
}

/**
 * The nonce as a string of its own. Read from a request, it is a slice of the whole body or
 * header, which V8 keeps alive as long as the slice; the world keeps every nonce of the
 * timestamp window (ASM-17), so a slice would keep every request's body with it (about 1 KB a
 * request instead of 0.3). Copying its UTF-16 code units keeps its value exactly.
 */
function ownCopy(nonce: string): string {
  return Buffer.from(nonce, 'utf16le').toString('utf16le');
}

export function tokenAuth(
  world: World,
  found: FoundAccount,
  fields: TokenFields,
  verify: (record: IntegrationRecord, token: AccessToken) => boolean,
): TbaAuth | WireRefusal {
  const { consumerKey, token: tokenId, nonce, timestamp } = fields;
  // Oracle's word for a token-based request missing a part (subsect_156935170194, FACT-13).
  if (!consumerKey || !tokenId || !nonce || !timestamp || !/^\d{1,12}$/.test(timestamp)) return wireRefusal('MissingTokenPassportRequiredFields');
  const record = findByConsumerKey(world, consumerKey);
  if (!record) return wireRefusal('consumer_key_unknown');
  const token = findToken(world, tokenId);
  // A lower-case _sb1 finds the account but never verifies: NetSuite answers InvalidSignature (FACT-14).
  const signature = token !== undefined && found.exact && verify(record.record, token) ? 'valid' : 'invalid';
  return {
    kind: 'tba',
    consumerKey: record.ref,
    token: token ? { handle: token.handle } : { forged: true },
    signature,
    nonce: ownCopy(nonce),
    timestamp: Number(timestamp),
  };
}

export function isRefusal(value: TbaAuth | WireRefusal): value is WireRefusal {
  return 'rule' in value;
}
