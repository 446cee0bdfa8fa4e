/**
 * Reading the Authorization header's two forms and the session cookie. Pure string work:
 * which account, record or token the values name is the directory's business.
 */

export interface OAuthHeader {
  readonly kind: 'oauth';
  /** Every parameter as sent (percent-decoded), realm included. */
  readonly params: ReadonlyMap<string, string>;
}

export interface NLAuthHeader {
  readonly kind: 'nlauth';
  readonly account?: string;
  readonly email?: string;
  /** NLAuth sends the password itself as the "signature". */
  readonly password?: string;
  readonly role?: string;
  readonly applicationId?: string;
}

export type AuthorizationHeader = OAuthHeader | NLAuthHeader | { readonly kind: 'none' } | { readonly kind: 'unknown'; readonly scheme: string };

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `k1="v1", k2=v2` into pairs: values may be quoted or bare (nsrestlet sends NLAuth bare). */
function pairs(text: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /\s*([A-Za-z0-9_.-]+)\s*=\s*(?:"([^"]*)"|([^,]*))\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m[0].length > 0) out.push([m[1], (m[2] ?? m[3] ?? '').trim()]);
  return out;
}

export function parseAuthorization(header: string | undefined): AuthorizationHeader {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const scheme = (space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase();
  const rest = space < 0 ? '' : trimmed.slice(space + 1);
  if (scheme === 'oauth') return { kind: 'oauth', params: new Map(pairs(rest).map(([k, v]) => [k, decode(v)])) };
  if (scheme === 'nlauth') {
    const p = new Map(pairs(rest).map(([k, v]) => [k.toLowerCase(), v]));
    const get = (k: string) => p.get(k);
    return { kind: 'nlauth', account: get('nlauth_account'), email: get('nlauth_email'), password: get('nlauth_signature'), role: get('nlauth_role'), applicationId: get('nlauth_application_id') };
  }
  return { kind: 'unknown', scheme };
}

/** The JSESSIONID cookie, if the request carries one. */
export function sessionCookie(cookie: string | undefined): string | undefined {
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === 'JSESSIONID') return part.slice(eq + 1).trim();
  }
  return undefined;
}
