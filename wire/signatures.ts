import { createHmac, hash, timingSafeEqual } from 'node:crypto';

/**
 * Signature checks are decoding, not rules: they turn what a header carries into the model's
 * `signature: 'valid' | 'invalid'` by recomputing the HMAC with the world's secrets. Every
 * comparison runs in constant time.
 */

/**
 * Equal strings, compared in time that does not depend on where they differ: their digests are
 * compared, so they may differ in length (passwords, whose length is not public).
 */
export function safeEqual(a: string, b: string): boolean {
  // One-shot hashing: a Hash object per call costs about twice the hashing itself.
  return timingSafeEqual(hash('sha256', a, 'buffer'), hash('sha256', b, 'buffer'));
}

/**
 * A signature the request sent against the one expected, in time that does not depend on
 * where they differ. Every signature of a kind has the same length (44 base64 characters for
 * HMAC-SHA256), so comparing lengths first tells nothing; UTF-8 keeps a sent character outside
 * ASCII from ever equalling one of the expected base64.
 */
export function signatureMatches(expected: string, sent: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(sent, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function hmac256(key: string, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('base64');
}

export interface PassportFields {
  readonly account: string;
  readonly consumerKey: string;
  readonly token: string;
  readonly nonce: string;
  readonly timestamp: string;
}

/**
 * The tokenPassport signature: HMAC-SHA256 of `account&consumerKey&token&nonce&timestamp`
 * with the key `consumerSecret&tokenSecret`, base64 (Oracle, "TokenPassport Complex Type").
 */
export function tokenPassportSignature(fields: PassportFields, consumerSecret: string, tokenSecret: string): string {
  const base = [fields.account, fields.consumerKey, fields.token, fields.nonce, fields.timestamp].join('&');
  return hmac256(`${consumerSecret}&${tokenSecret}`, base);
}

/** RFC 3986 percent-encoding, as OAuth 1.0a (RFC 5849 §3.6) wants it. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The OAuth 1.0a HMAC-SHA256 signature over the method, the base URL and every parameter of
 * the query and the Authorization header except `oauth_signature` and `realm` (RFC 5849 §3.4).
 */
export function oauthSignature(
  method: string,
  baseUrl: string,
  params: readonly (readonly [string, string])[],
  consumerSecret: string,
  tokenSecret: string,
): string {
  const normalized = params
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const base = [method.toUpperCase(), percentEncode(baseUrl), percentEncode(normalized)].join('&');
  return hmac256(`${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`, base);
}
