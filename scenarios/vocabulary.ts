import { ENDPOINT_VERSIONS, LOGIN_OPERATIONS, RESTLET_METHODS, SOAP_OPERATIONS, type AccountKind, type AuthenticationMethods, type EndpointVersion, type LifecycleState, type LoginOperation, type Origin, type RestletMethod, type Role, type SoapOperation } from '../model';

/**
 * The domain's words as an administrator writes them in a scenario, and the model values they
 * stand for. Pure data plus parse/print, shared by the parameter types (reading steps), the
 * Gherkin printer (writing steps) and the step catalogue (documenting them), so the three can
 * never disagree about a word.
 */

/** A step value outside the allowed set: the message says what was written and what is allowed. */
export class StepValueError extends Error {}

export interface Vocabulary<T> {
  /** What the words describe, for messages: "account kind". */
  readonly what: string;
  /** Canonical word first for each value; later words are accepted synonyms. */
  readonly words: readonly (readonly [word: string, value: T])[];
}

/** Case, spaces, hyphens and underscores do not matter when reading a word. */
function fold(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** The canonical words of a vocabulary, in order, without synonyms. */
export function canonicalWords<T>(v: Vocabulary<T>): string[] {
  const seen = new Set<T>();
  const out: string[] = [];
  for (const [word, value] of v.words) {
    if (seen.has(value)) continue;
    seen.add(value);
    out.push(word);
  }
  return out;
}

export function parseWord<T>(v: Vocabulary<T>, text: string): T {
  const hit = v.words.find(([word]) => fold(word) === fold(text));
  if (hit) return hit[1];
  throw new StepValueError(`Invalid ${v.what} "${text}": should be one of ${canonicalWords(v).join(', ')}`);
}

export function printWord<T>(v: Vocabulary<T>, value: T): string {
  const hit = v.words.find(([, w]) => w === value);
  if (!hit) throw new Error(`no word for ${v.what} ${JSON.stringify(value)}`);
  return hit[0];
}

export const ACCOUNT_KIND: Vocabulary<Exclude<AccountKind, 'sandbox'>> = {
  what: 'account kind',
  words: [['production', 'production'], ['partner', 'partner'], ['customer', 'customer']],
};

/** Lifecycle states; the first three are the State field's values, the last two are not held. */
export const STATE: Vocabulary<LifecycleState> = {
  what: 'State',
  words: [
    ['Enabled', 'enabled'],
    ['Blocked', 'blocked'],
    ['Waiting for Approval', 'waitingForApproval'],
    ['Removed', 'removed'],
    ['Absent', 'absent'],
    ['waitingForApproval', 'waitingForApproval'],
  ],
};

export const METHODS: Vocabulary<AuthenticationMethods> = (() => {
  const user = { userCredentials: true, tokenBased: false };
  const tba = { userCredentials: false, tokenBased: true };
  const both = { userCredentials: true, tokenBased: true };
  const none = { userCredentials: false, tokenBased: false };
  return {
    what: 'authentication method',
    words: [
      ['user credentials', user],
      ['token-based authentication', tba],
      ['user credentials and token-based authentication', both],
      ['no authentication method', none],
      ['TBA', tba],
      ['token-based', tba],
      ['both methods', both],
      ['token-based authentication and user credentials', both],
    ],
  };
})();

/** Methods compare by value, not identity. */
export function printMethods(m: AuthenticationMethods): string {
  const hit = METHODS.words.find(([, v]) => v.userCredentials === m.userCredentials && v.tokenBased === m.tokenBased);
  if (!hit) throw new Error(`no words for methods ${JSON.stringify(m)}`);
  return hit[0];
}

export const ROLE: Vocabulary<Role> = {
  what: 'role',
  words: [
    ['administrator', 'administrator'],
    ['integration-list', 'integrationList'],
    ['integration-full', 'integrationFull'],
    ['no-integration-access', 'noIntegrationAccess'],
    ['Integration Applications (List)', 'integrationList'],
    ['Integration Application (Full)', 'integrationFull'],
  ],
};

export type Operation = SoapOperation | LoginOperation;
export const OPERATION: Vocabulary<Operation> = {
  what: 'SOAP operation',
  words: [...SOAP_OPERATIONS, ...LOGIN_OPERATIONS].map((op) => [op, op] as const),
};

export function isLoginOperation(op: Operation): op is LoginOperation {
  return (LOGIN_OPERATIONS as readonly string[]).includes(op);
}

export const RESTLET_METHOD: Vocabulary<RestletMethod> = {
  what: 'RESTlet HTTP method',
  words: RESTLET_METHODS.map((m) => [m, m] as const),
};

export const ENDPOINT: Vocabulary<EndpointVersion> = {
  what: 'endpoint version',
  words: ENDPOINT_VERSIONS.map((v) => [v, v] as const),
};

export const ORIGIN: Vocabulary<Origin> = {
  what: 'way of getting a record',
  words: [
    ['creating it', 'created'],
    ['a bundle', 'bundle'],
    ['auto-installation', 'autoInstall'],
    ['the Issue Token endpoint', 'issueToken'],
    ['a sandbox refresh', 'refreshCopy'],
  ],
};

/** Fields edited with a quoted value; State and Authentication have typed steps of their own. */
export type TextField = 'name' | 'description' | 'note' | 'applicationId' | 'consumerKey' | 'consumerSecret';
export const TEXT_FIELD: Vocabulary<TextField> = {
  what: 'record field',
  words: [
    ['Name', 'name'],
    ['Description', 'description'],
    ['Note', 'note'],
    ['Application ID', 'applicationId'],
    ['Consumer Key', 'consumerKey'],
    ['Consumer Secret', 'consumerSecret'],
  ],
};

/** Every field an edit table may name (a superset of TEXT_FIELD). */
export type EditField = TextField | 'state' | 'authentication';
export const EDIT_FIELD: Vocabulary<EditField> = {
  what: 'record field',
  words: [...TEXT_FIELD.words, ['State', 'state'], ['Authentication', 'authentication']],
};
