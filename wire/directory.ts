import { DEFAULT_USER, type AccessToken, type Account, type ConsumerKeyRef, type IntegrationRecord, type PassportCredentials, type World } from '../model';
import { safeEqual } from './signatures';

/**
 * The account directory: how the values a request carries (account ID, e-mail, consumer key,
 * token ID, JSESSIONID) name things in the world. Requests name their account by its ID, never
 * by host name, so a client pointed at 127.0.0.1 works (FACT-14).
 */

export interface FoundAccount {
  readonly account: Account;
  /** False when the ID matched only ignoring case (a lower-case `_sb1`), which NetSuite refuses (FACT-14). */
  readonly exact: boolean;
}

export function findAccount(world: World, accountId: string | undefined): FoundAccount | undefined {
  if (!accountId) return undefined;
  const wanted = accountId.trim();
  let loose: Account | undefined;
  for (const account of Object.values(world.accounts)) {
    if (account.accountId === wanted) return { account, exact: true };
    if (account.accountId.toUpperCase() === wanted.toUpperCase()) loose = account;
  }
  return loose ? { account: loose, exact: false } : undefined;
}

/**
 * User credentials as the model takes them: the user the e-mail names in this account, and
 * whether the password matched. An e-mail no user of the account has is decoded as the
 * account's administrator with a wrong password: NetSuite answers both alike, and the model
 * needs a user of the account to name.
 */
export function credentials(account: Account, email: string | undefined, password: string | undefined): PassportCredentials {
  const wanted = (email ?? '').trim().toLowerCase();
  const user = Object.values(account.users).find((u) => u.email.toLowerCase() === wanted);
  if (!user) return { user: DEFAULT_USER, password: 'invalid' };
  return { user: user.name, password: safeEqual(user.password, password ?? '') ? 'valid' : 'invalid' };
}

export interface FoundRecord {
  readonly record: IntegrationRecord;
  readonly ref: ConsumerKeyRef;
}

/**
 * Consumer keys and token IDs are looked up in Maps. They name a record and a token; what
 * proves a request is its signature, compared in constant time (signatures.ts). A Map lookup
 * compares a stored key's characters only when its hash equals the sent key's, so how long a
 * lookup takes says nothing about how much of a wrong key is right.
 *
 * The record index is built once per `world.records` object and reused while it is unchanged.
 */
const recordIndexes = new WeakMap<World['records'], ReadonlyMap<string, FoundRecord>>();

function recordIndex(records: World['records']): ReadonlyMap<string, FoundRecord> {
  let index = recordIndexes.get(records);
  if (!index) {
    const built = new Map<string, FoundRecord>();
    // The first entry for a key wins, as a search in the world's order would find it.
    const add = (key: string, found: FoundRecord) => void (built.has(key) || built.set(key, found));
    for (const record of Object.values(records)) {
      add(record.consumerKey, { record, ref: { of: record.ref } });
      if (record.previousConsumerKey !== undefined) add(record.previousConsumerKey, { record, ref: { of: record.ref, stale: true } });
    }
    recordIndexes.set(records, (index = built));
  }
  return index;
}

/**
 * Token IDs to token handles, as of the last world that missed: a hint, checked against the
 * world asked, so it is never wrong, only sometimes rebuilt. An accepted token-based request
 * replaces its token (its nonces), so `world.tokens` is a new object on every one; a token's
 * ID and handle change only when tokens are created or deleted. Token IDs are drawn one after
 * another from the world's generator (64 hex digits), so no two tokens share one.
 */
let tokenHandles: ReadonlyMap<string, string> = new Map();

function tokenNamed(tokens: World['tokens'], handle: string | undefined, tokenId: string): AccessToken | undefined {
  const token = handle !== undefined && Object.prototype.hasOwnProperty.call(tokens, handle) ? tokens[handle] : undefined;
  return token?.tokenId === tokenId ? token : undefined;
}

/** The record whose consumer key this is; the key before a regeneration is found as stale (REC-05). */
export function findByConsumerKey(world: World, key: string | undefined): FoundRecord | undefined {
  if (!key) return undefined;
  return recordIndex(world.records).get(key);
}

export function findToken(world: World, tokenId: string | undefined): AccessToken | undefined {
  if (!tokenId) return undefined;
  const hinted = tokenNamed(world.tokens, tokenHandles.get(tokenId), tokenId);
  if (hinted) return hinted;
  tokenHandles = new Map(Object.values(world.tokens).map((t) => [t.tokenId, t.handle]));
  return tokenNamed(world.tokens, tokenHandles.get(tokenId), tokenId);
}

/** A JSESSIONID names a session the world knows, or nothing. */
export function findSession(world: World, cookie: string | undefined): string | undefined {
  return cookie !== undefined && Object.prototype.hasOwnProperty.call(world.sessions, cookie) ? cookie : undefined;
}

/** A fresh handle: sessions and issued tokens are named by the wire, in order, so a replay names them alike. */
export function freshHandle(taken: Readonly<Record<string, unknown>>, prefix: string): string {
  for (let n = Object.keys(taken).length + 1; ; n++) {
    const handle = `${prefix}${n}`;
    if (!Object.prototype.hasOwnProperty.call(taken, handle)) return handle;
  }
}
