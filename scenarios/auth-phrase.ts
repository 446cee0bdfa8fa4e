import type { Auth, TokenRef } from '../model';
import { StepValueError } from './vocabulary';

/**
 * How a scenario says which credentials a request carries, e.g.
 *   user credentials of "Lee" and the Application ID of "App"
 *   token-based authentication for "App" with token "T" and an invalid signature
 * `parseAuth` reads such a phrase into an AuthPhrase (names only; the World turns it into the
 * model's Auth); `printAuth` writes the canonical phrase for a model Auth (used by the printer).
 */

/** An Application ID as a scenario names it: a record's, or a deliberately bad one. */
export type AppIdPhrase = { readonly of: string } | { readonly malformed: true } | { readonly unknown: true };

export type AuthPhrase =
  | { readonly kind: 'none' }
  | { readonly kind: 'passport'; readonly user?: string; readonly password: 'valid' | 'invalid'; readonly applicationId?: AppIdPhrase }
  /** No session name: the session opened last in the scenario. */
  | { readonly kind: 'session'; readonly session?: string }
  | {
      readonly kind: 'tba';
      readonly record: string;
      readonly stale: boolean;
      readonly token: TokenRef;
      readonly signature: 'valid' | 'invalid';
      readonly applicationId?: AppIdPhrase;
      /** A nonce named by the scenario (FACT-11); sent with a timestamp. */
      readonly nonce?: string;
      /** How many seconds before the time received the request is timestamped (negative: in the future; FACT-12). */
      readonly age?: number;
      /** A Passport sent alongside (FACT-09). */
      readonly passport?: { readonly user: string; readonly password: 'valid' | 'invalid' };
      /** A session (JSESSIONID) sent alongside (FACT-10); no name: the session opened last. */
      readonly session?: { readonly name?: string };
    };

export const AUTH_FORMS: readonly string[] = [
  'no authentication',
  'user credentials [of "USER"] [with a wrong password] [APPLICATION ID]',
  'the session ["SESSION"]',
  'token-based authentication for "RECORD" with token "TOKEN" (or: with a forged token) [and the old consumer key] [and the nonce "NONCE"] [timestamped N minutes ago (or: seconds; or: in the future)] [and an invalid signature] [APPLICATION ID] [and the passport of "USER" [with a wrong password]] [and the session ["SESSION"]]',
  'where APPLICATION ID is one of: and the Application ID of "RECORD" | and a malformed Application ID | and an unknown Application ID',
  '("Passport" may be written for "user credentials"; the user defaults to "administrator")',
];

const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;

/** Writes a name as a Gherkin {string}: double quotes, inner quotes escaped. */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '\\"')}"`;
}

function unquote(raw: string): string {
  return raw.replace(/\\"/g, '"');
}

/** A tiny cursor over the phrase: each `take` consumes a pattern at the current position. */
class Cursor {
  private at = 0;
  constructor(private readonly text: string) {}
  take(pattern: string): RegExpExecArray | undefined {
    const re = new RegExp(pattern, 'y');
    re.lastIndex = this.at;
    const m = re.exec(this.text);
    if (!m) return undefined;
    this.at = re.lastIndex;
    return m;
  }
  get done(): boolean {
    return this.at === this.text.length;
  }
}

function appId(c: Cursor): AppIdPhrase | undefined {
  const of = c.take(` and the Application ID of ${QUOTED}`);
  if (of) return { of: unquote(of[1]) };
  if (c.take(' and a malformed Application ID')) return { malformed: true };
  if (c.take(' and an unknown Application ID')) return { unknown: true };
  return undefined;
}

function parseOrUndefined(text: string): AuthPhrase | undefined {
  const c = new Cursor(text.trim());
  let phrase: AuthPhrase | undefined;
  if (c.take('no authentication')) phrase = { kind: 'none' };
  else if (c.take('(?:user credentials|Passport)')) {
    const user = c.take(` of ${QUOTED}`);
    const wrong = c.take(' with a wrong password');
    const id = appId(c);
    phrase = {
      kind: 'passport',
      ...(user ? { user: unquote(user[1]) } : {}),
      password: wrong ? 'invalid' : 'valid',
      ...(id ? { applicationId: id } : {}),
    };
  } else if (c.take('the session')) {
    const name = c.take(` ${QUOTED}`);
    phrase = name ? { kind: 'session', session: unquote(name[1]) } : { kind: 'session' };
  } else {
    const rec = c.take(`token-based authentication for ${QUOTED} with `);
    if (!rec) return undefined;
    const token = c.take(`token ${QUOTED}`);
    const forged = token ? undefined : c.take('a forged token');
    if (!token && !forged) return undefined;
    const stale = c.take(' and the old consumer key');
    const nonce = c.take(` and the nonce ${QUOTED}`);
    const time = c.take(' timestamped (\\d+) (minute|second)s? (ago|in the future)');
    const bad = c.take(' and an invalid signature');
    const id = appId(c);
    const passport = c.take(` and the passport of ${QUOTED}`);
    const wrong = passport ? c.take(' with a wrong password') : undefined;
    const session = c.take(' and the session');
    const sessionName = session ? c.take(` ${QUOTED}`) : undefined;
    const age = time ? Number(time[1]) * (time[2] === 'minute' ? 60 : 1) * (time[3] === 'ago' ? 1 : -1) : undefined;
    phrase = {
      kind: 'tba',
      record: unquote(rec[1]),
      stale: stale !== undefined,
      token: token ? { handle: unquote(token[1]) } : { forged: true },
      signature: bad ? 'invalid' : 'valid',
      ...(id ? { applicationId: id } : {}),
      ...(nonce ? { nonce: unquote(nonce[1]) } : {}),
      ...(age !== undefined && age !== 0 ? { age } : {}),
      ...(passport ? { passport: { user: unquote(passport[1]), password: wrong ? 'invalid' as const : 'valid' as const } } : {}),
      ...(session ? { session: sessionName ? { name: unquote(sessionName[1]) } : {} } : {}),
    };
  }
  return c.done ? phrase : undefined;
}

/** Reads an authentication phrase; an unreadable one throws an error listing every form. */
export function parseAuth(text: string): AuthPhrase {
  const phrase = parseOrUndefined(text);
  if (phrase) return phrase;
  throw new StepValueError(`Invalid authentication "${text}": should be one of\n  ${AUTH_FORMS.join('\n  ')}`);
}

function printAppId(id: AppIdPhrase | undefined): string {
  if (!id) return '';
  if ('of' in id) return ` and the Application ID of ${quote(id.of)}`;
  return 'malformed' in id ? ' and a malformed Application ID' : ' and an unknown Application ID';
}

/** True when the phrase sends a malformed Application ID on purpose (the model answers "invalid"). */
export function isMalformed(phrase: AuthPhrase): boolean {
  return (phrase.kind === 'passport' || phrase.kind === 'tba') && phrase.applicationId !== undefined && 'malformed' in phrase.applicationId;
}

/** The canonical phrase for an AuthPhrase. */
export function printAuthPhrase(p: AuthPhrase): string {
  switch (p.kind) {
    case 'none':
      return 'no authentication';
    case 'passport':
      return `user credentials${p.user && p.user !== 'administrator' ? ` of ${quote(p.user)}` : ''}${p.password === 'invalid' ? ' with a wrong password' : ''}${printAppId(p.applicationId)}`;
    case 'session':
      return p.session === undefined ? 'the session' : `the session ${quote(p.session)}`;
    case 'tba':
      return `token-based authentication for ${quote(p.record)} with ${'handle' in p.token ? `token ${quote(p.token.handle)}` : 'a forged token'}${p.stale ? ' and the old consumer key' : ''}`
        + `${p.nonce !== undefined ? ` and the nonce ${quote(p.nonce)}` : ''}${printAge(p.age)}${p.signature === 'invalid' ? ' and an invalid signature' : ''}${printAppId(p.applicationId)}`
        + `${p.passport ? ` and the passport of ${quote(p.passport.user)}${p.passport.password === 'invalid' ? ' with a wrong password' : ''}` : ''}`
        + `${p.session ? ` and the session${p.session.name !== undefined ? ` ${quote(p.session.name)}` : ''}` : ''}`;
  }
}

/** ` timestamped 10 minutes ago`, in whole minutes when it can be. */
function printAge(age: number | undefined): string {
  if (age === undefined || age === 0) return '';
  const abs = Math.abs(age);
  const [n, unit] = abs % 60 === 0 ? [abs / 60, 'minute'] : [abs, 'second'];
  return ` timestamped ${n} ${unit}${n === 1 ? '' : 's'} ${age > 0 ? 'ago' : 'in the future'}`;
}

/**
 * The phrase for a model Auth. A literal Application ID is described by what it is (the printer
 * replays the trace to know): a record's ID, an unknown one, or a malformed one.
 */
export function authToPhrase(auth: Auth, literal: (text: string) => AppIdPhrase, receivedAt?: number): AuthPhrase {
  const id = (ref: Extract<Auth, { kind: 'passport' }>['applicationId']): AppIdPhrase | undefined =>
    ref === undefined ? undefined : 'of' in ref ? { of: ref.of } : literal(ref.literal);
  switch (auth.kind) {
    case 'none':
      return auth;
    case 'session':
      return { kind: 'session', session: auth.session };
    case 'passport': {
      const applicationId = id(auth.applicationId);
      return { kind: 'passport', user: auth.user, password: auth.password, ...(applicationId ? { applicationId } : {}) };
    }
    case 'tba': {
      const applicationId = id(auth.applicationId);
      const age = auth.timestamp !== undefined && receivedAt !== undefined ? receivedAt - auth.timestamp : 0;
      return {
        kind: 'tba', record: auth.consumerKey.of, stale: auth.consumerKey.stale === true, token: auth.token, signature: auth.signature,
        ...(applicationId ? { applicationId } : {}),
        ...(auth.nonce !== undefined ? { nonce: auth.nonce } : {}),
        ...(age !== 0 ? { age } : {}),
        ...(auth.alsoPassport ? { passport: { user: auth.alsoPassport.user, password: auth.alsoPassport.password } } : {}),
        ...(auth.alsoSession !== undefined ? { session: { name: auth.alsoSession } } : {}),
      };
    }
  }
}
