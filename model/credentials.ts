import { drawHex } from './random';
import type { Account, World } from './types';

/**
 * Account IDs and passwords. They come from the seed and the names, not from the world's
 * generator, so adding them left every Application ID, key and secret that scenarios and
 * properties already draw exactly as it was.
 */

/** FNV-1a of the seed and the names: a stable 32-bit starting point for drawHex. */
function mix(seed: number, ...parts: readonly string[]): number {
  let h = 0x811c9dc5 ^ seed;
  for (const c of parts.join('\u0000')) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h | 0;
}

/**
 * A NetSuite-style account ID: seven digits for an account of its own (unique in the world),
 * and for a sandbox its production's ID with `_SB1`, `_SB2`... in the order the sandboxes were
 * added (FACT-14: the suffix is upper case).
 */
export function accountIdFor(world: World, name: string, production?: Account): string {
  if (production) {
    const n = Object.values(world.accounts).filter((a) => a.production === production.name).length + 1;
    return `${production.accountId}_SB${n}`;
  }
  const taken = new Set(Object.values(world.accounts).map((a) => a.accountId));
  for (let attempt = 0; ; attempt++) {
    const id = String(1_000_000 + (parseInt(drawHex(mix(world.config.seed, 'account', name, String(attempt)), 1).value, 16) % 9_000_000));
    if (!taken.has(id)) return id;
  }
}

/**
 * A user's password: 32 hex digits behind a short prefix, so the project's redaction, which
 * looks for 32-hex runs, finds a password in any text it might leak into (AUTH-08).
 */
export function passwordFor(seed: number, account: string, user: string): string {
  return `pw-${drawHex(mix(seed, 'password', account, user), 4).value}`;
}
