import {
  LIFECYCLE_STATES,
  type AccessToken, type Account, type AuthenticationMethods, type Bundle, type DefaultRecord, type Installation,
  type IntegrationRecord, type Origin, type Preferences, type Session, type UsedNonce, type User, type World,
} from '../model';

/**
 * The explorer's contract with the model: every field of the world's data, either part of a
 * state component (with how its value is written into the component) or abstracted (with the
 * reason no answer depends on it). Each declaration `satisfies` the model's type, so a field
 * added to the model fails to compile here until it is declared. The layout (what a state's
 * components are and their values), the footprint (which reads touch which component) and the
 * step cache (which components a step wrote) all read this one declaration.
 *
 * Components: per account, its preferences and Default record ('account'), one installation
 * per configured record ('installation'), and what it holds ('holdings'); per configured record
 * its common fields ('record'); last, which bundles exist. Two worlds with equal components
 * answer every command alike (explorer/soundness.test.ts samples this).
 */

/** Left out of the state, for the reason given (`fields`: the declaration of what it holds, all of it left out too). */
interface Abstracted {
  readonly kind: 'abstracted';
  readonly reason: string;
  readonly fields?: object;
}

/** Part of the enclosing component's value, written by `encode` (injective on the values explored). */
interface Encoded<T> {
  readonly kind: 'encoded';
  readonly encode: (value: T) => string;
}

/** For an entry of a holdings map: the account (or accounts) whose holdings list the entry. */
interface Holder {
  readonly kind: 'holder';
}

/** Every field of T, declared. */
type Declared<T, Extra = never> = { readonly [K in keyof T]-?: Abstracted | Encoded<T[K]> | Extra };

/** An object whose encoded fields are part of the account's 'account' component. */
interface AccountPart<T> {
  readonly kind: 'account';
  readonly fields: Declared<T>;
}

/** A map from configured record to value, one component per record. */
interface PerRecord<C extends 'installation' | 'record', T> {
  readonly kind: C;
  readonly fields: Declared<T>;
}

/**
 * A world-wide map whose entries are listed in the holdings of the accounts their `holder`
 * field names, each as `tag` and its encoded fields. The map is not split by account, so
 * looking at any entry reads every holding. `listed`: its keys are also the 'bundles' component.
 */
interface Holdings<T> {
  readonly kind: 'holdings';
  readonly tag: string;
  readonly listed: boolean;
  readonly fields: Declared<T, Holder>;
}

/** The accounts, added by the setup: one block of components per configured account. */
interface Accounts {
  readonly kind: 'accounts';
  readonly fields: Declared<Account, AccountPart<Preferences> | AccountPart<DefaultRecord> | PerRecord<'installation', Installation>>;
}

const abstracted = (reason: string, fields?: object): Abstracted => ({ kind: 'abstracted', reason, ...(fields ? { fields } : {}) });
const encoded = <T>(encode: (value: T) => string): Encoded<T> => ({ kind: 'encoded', encode });
const holder: Holder = { kind: 'holder' };

const flag = encoded((v: boolean) => (v ? '1' : '0'));
/** Free text, prefixed with its length, so that no two texts run together. */
const text = encoded((v: string) => `${v.length}:${v}`);
const textOrNone = encoded((v: string | undefined | null) => (v === undefined || v === null ? '-' : `${v.length}:${v}`));

/**
 * A value as its position in `list` (the statechart's own list of states, say), so values that
 * share a first letter stay apart. A value outside the list is an error, never a silent merge.
 */
export function indexIn<T extends string>(list: readonly T[]): (value: T) => string {
  return (value) => {
    const i = list.indexOf(value);
    if (i < 0) throw new Error(`explorer: "${value}" is not one of ${list.join(', ')}; declare it in explorer/contract.ts`);
    return String(i);
  };
}

/**
 * How an account came to hold a record. The model exports the Origin type but no list of its
 * values; this one is checked against the type both ways (every key an Origin, every Origin a key).
 */
const ORIGINS = Object.keys({
  created: true, bundle: true, autoInstall: true, issueToken: true, refreshCopy: true,
} satisfies Record<Origin, true>) as Origin[];

const SETUP = 'set by the setup and written by no explored command (explorer/commands.ts), so equal in every state of an exploration';
const GENERATED = 'a generated value: the rules only compare it with the value a command names by reference ({ of: record }), which is the current one';
const LOG = 'a log: it only grows, and no rule or invariant reads an entry older than the command\'s own';
const KEY = 'the key it is stored under, which the component already stands for';
const ADMINISTRATOR = 'always the built-in administrator in the explorer\'s commands (explorer/commands.ts)';

const PREFERENCES = {
  requireApproval: flag,
  tokenBasedAuthentication: flag,
} satisfies Declared<Preferences>;

const DEFAULT_RECORD = {
  state: encoded(indexIn(LIFECYCLE_STATES)),
  log: abstracted(LOG),
} satisfies Declared<DefaultRecord>;

const INSTALLATION = {
  state: encoded(indexIn(LIFECYCLE_STATES)),
  origin: encoded(indexIn(ORIGINS)),
  bundle: textOrNone,
  note: text,
  log: abstracted(LOG),
} satisfies Declared<Installation>;

const AUTHENTICATION = {
  userCredentials: flag,
  tokenBased: flag,
} satisfies Declared<AuthenticationMethods>;

const RECORD = {
  ref: abstracted(KEY),
  owner: abstracted('each configured record has one owner, the only account the explorer creates it in'),
  applicationId: abstracted(GENERATED),
  name: text,
  description: text,
  authentication: encoded((a: AuthenticationMethods) => `${AUTHENTICATION.userCredentials.encode(a.userCredentials)}${AUTHENTICATION.tokenBased.encode(a.tokenBased)}`),
  consumerKey: abstracted(GENERATED),
  consumerSecret: abstracted(GENERATED),
  // The key itself is generated; whether there is one (the credentials were regenerated) is not.
  previousConsumerKey: encoded((v: string | undefined) => (v === undefined ? '0' : '1')),
} satisfies Declared<IntegrationRecord>;

const ACCOUNT = {
  name: abstracted(KEY),
  kind: abstracted(SETUP),
  accountId: abstracted(GENERATED),
  production: abstracted(SETUP),
  users: abstracted(SETUP),
  preferences: { kind: 'account', fields: PREFERENCES },
  defaultRecord: { kind: 'account', fields: DEFAULT_RECORD },
  installations: { kind: 'installation', fields: INSTALLATION },
  usageLog: abstracted(LOG),
  systemNotes: abstracted(LOG),
} satisfies Accounts['fields'];

const ACCESS_TOKEN = {
  handle: abstracted('named after its account and record by the explorer\'s commands (explorer/commands.ts), both encoded'),
  account: holder,
  user: abstracted(ADMINISTRATOR),
  record: text,
  tokenId: abstracted(GENERATED),
  tokenSecret: abstracted(GENERATED),
  usedNonces: abstracted('the explorer\'s requests carry no nonce, so no token ever keeps one'),
} satisfies Declared<AccessToken, Holder>;

const BUNDLE = {
  name: text,
  account: abstracted('each bundle is named after one configured record and created only by its owner (explorer/commands.ts)'),
  records: abstracted('each bundle holds the one record it is named after (explorer/commands.ts)'),
  installedIn: holder,
} satisfies Declared<Bundle, Holder>;

const SESSION = {
  handle: abstracted('named after its account and record by the explorer\'s commands (explorer/commands.ts), both encoded'),
  account: holder,
  user: abstracted(ADMINISTRATOR),
  record: textOrNone,
  // A session closed by a refresh still answers a request (refused) where no session would be skipped.
  active: flag,
} satisfies Declared<Session, Holder>;

/** The world, field by field. */
export const WORLD = {
  config: abstracted('seed, deliberate faults and stepper: fixed for the whole exploration'),
  rng: abstracted('only draws generated values (see the fields abstracted as generated)'),
  seq: abstracted('numbers log entries and system notes, which are abstracted'),
  accounts: { kind: 'accounts', fields: ACCOUNT },
  records: { kind: 'record', fields: RECORD },
  bundles: { kind: 'holdings', tag: 'b', listed: true, fields: BUNDLE },
  tokens: { kind: 'holdings', tag: 't', listed: false, fields: ACCESS_TOKEN },
  sessions: { kind: 'holdings', tag: 's', listed: false, fields: SESSION },
} satisfies Declared<World, Accounts | PerRecord<'record', IntegrationRecord> | Holdings<AccessToken> | Holdings<Bundle> | Holdings<Session>>;

/**
 * The value of the encoded fields of `value`, in declaration order, comma-separated (each
 * encoding is a number, a flag or length-prefixed text, so values never run together).
 */
export function encoderOf<T extends object>(fields: object): (value: T) => string {
  const parts = Object.entries(fields as Record<string, { kind: string }>)
    .filter((e): e is [string, Encoded<unknown>] => e[1].kind === 'encoded');
  const keys = parts.map(([key]) => key);
  const encoders = parts.map(([, f]) => f.encode);
  return (value) => {
    const v = value as Record<string, unknown>;
    let out = encoders.length > 0 ? encoders[0](v[keys[0]]) : '';
    for (let i = 1; i < encoders.length; i++) out += `,${encoders[i](v[keys[i]])}`;
    return out;
  };
}

/** The fields of an entry of a holdings map that name the accounts holding it. */
export function holderFields(fields: object): string[] {
  return Object.entries(fields as Record<string, { kind: string }>).filter(([, f]) => f.kind === 'holder').map(([k]) => k);
}

/** The keys of `contract` declared as `kind`, typed as such (so `world[key]` has the field's type). */
export function fieldsOf<C extends object, K extends string>(contract: C, kind: K): { [P in keyof C]: C[P] extends { readonly kind: K } ? P : never }[keyof C][] {
  return (Object.keys(contract) as (keyof C)[]).filter((k) => (contract[k] as { kind: string }).kind === kind) as never[];
}
