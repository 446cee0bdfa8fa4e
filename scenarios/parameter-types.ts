import { ASSUMPTION_IDS, FACT_IDS, RULE_IDS, type FaultCode, type Reason } from '../model';
import { AUTH_FORMS, parseAuth } from './auth-phrase';
import {
  ACCOUNT_KIND, canonicalWords, ENDPOINT, METHODS, OPERATION, ORIGIN, parseWord, RESTLET_METHOD, ROLE, STATE, StepValueError, TEXT_FIELD,
  type Vocabulary,
} from './vocabulary';

/**
 * The parameter types of the step library, as data (registered with cucumber in parameters.ts,
 * listed in the catalogue). Each regexp is deliberately broader than the allowed words, and the
 * transformer checks the word: a wrong value then fails its step with the allowed values
 * instead of leaving the step undefined.
 */

export interface ParameterDef {
  readonly name: string;
  readonly regexp: RegExp;
  readonly parse: (text: string) => unknown;
  /** The allowed values, or a description of them, for the catalogue. */
  readonly allowed: string;
}

const QUOTED = String.raw`"(?:[^"\\]|\\.)*"`;

function unquote(raw: string): string {
  return raw.slice(1, -1).replace(/\\"/g, '"');
}

function words<T>(name: string, regexp: RegExp, v: Vocabulary<T>, parse: (text: string) => unknown = (t) => parseWord(v, t)): ParameterDef {
  return { name, regexp, parse, allowed: canonicalWords(v).join(', ') };
}

/** The account a step acts in, and optionally the user acting: `"Acme"` or `"Lee" in "Acme"`. */
export interface Actor {
  readonly account: string;
  readonly user?: string;
}

export function parseActor(text: string): Actor {
  const names = parseNames(text);
  return names.length === 2 ? { user: names[0], account: names[1] } : { account: names[0] };
}

/** The actor as a command's `account` and optional `user` fields (no user: the administrator). */
export function actorFields(actor: Actor): { account: string; user?: string } {
  return actor.user ? { account: actor.account, user: actor.user } : { account: actor.account };
}

/** `"A"`, `"A" and "B"`, `"A", "B" and "C"`. */
export function parseNames(text: string): string[] {
  return [...text.matchAll(new RegExp(QUOTED, 'g'))].map((m) => unquote(m[0]));
}

const REASONS: readonly string[] = [...RULE_IDS, ...ASSUMPTION_IDS, ...FACT_IDS];
const range = (ids: readonly string[]) => `${ids[0]} ... ${ids[ids.length - 1]}`;

function parseReason(text: string): Reason {
  if (REASONS.includes(text)) return text as Reason;
  throw new StepValueError(`Invalid rule "${text}": should be a rule ID (${range(RULE_IDS)}), an assumption (${range(ASSUMPTION_IDS)}) or a fact (${range(FACT_IDS)}); see model/rules.ts and model/assumptions.ts`);
}

/** Every FaultCode once: the Record type makes the compiler catch a code added to the model but not here. */
const FAULT_CODE_SET: Readonly<Record<FaultCode, true>> = {
  USER_ERROR: true, INVALID_LOGIN_ATTEMPT: true, INVALID_LOGIN_CREDENTIALS: true, INVALID_APP_ID: true, INSUFFICIENT_PERMISSION: true,
  FIELD_NOT_EDITABLE: true, INVALID_FLD_VALUE: true, RCRD_DSNT_EXIST: true, INVALID_SESSION: true, FEATURE_DISABLED: true, INVALID_REQUEST: true,
};
const FAULT_CODES = Object.keys(FAULT_CODE_SET) as FaultCode[];

function parseFaultCode(text: string): FaultCode {
  const hit = FAULT_CODES.find((c) => c === text);
  if (hit) return hit;
  throw new StepValueError(`Invalid error code "${text}": should be one of ${FAULT_CODES.join(', ')}`);
}

export const PARAMETER_TYPES: readonly ParameterDef[] = [
  words('accountKind', /[\w-]+/, ACCOUNT_KIND, (t) => {
    if (t.toLowerCase() === 'sandbox') throw new StepValueError('Invalid account kind "sandbox": a sandbox belongs to a production account; write: a sandbox "NAME" of "PRODUCTION"');
    return parseWord(ACCOUNT_KIND, t);
  }),
  { ...words('state', /\w+(?: for \w+)?/, STATE), allowed: 'Enabled, Blocked, Waiting for Approval (the State field); Removed (taken away by an uninstall or a refresh), Absent (never held) when checking' },
  words('methods', /[A-Za-z][\w -]*\w/, METHODS),
  { ...words('role', /[\w() -]+/, ROLE), allowed: 'administrator, integration-list (has the Integration Applications (List) permission), integration-full (has the Integration Application (Full) permission), no-integration-access' },
  { ...words('endpoint', /[\w.]+/, ENDPOINT), allowed: `${ENDPOINT.words[0][0]} through ${ENDPOINT.words[ENDPOINT.words.length - 1][0]} (eras: 2015.1 and earlier; 2015.2 to 2020.1; 2020.2 and later)` },
  words('operation', /\w+/, OPERATION),
  words('httpMethod', /\w+/, RESTLET_METHOD),
  words('origin', /[\w -]+/, ORIGIN),
  words('field', /[A-Za-z][\w ]*/, TEXT_FIELD),
  { name: 'auth', regexp: /.+/, parse: parseAuth, allowed: AUTH_FORMS.join('; ') },
  { name: 'actor', regexp: new RegExp(`${QUOTED}(?: in ${QUOTED})?`), parse: parseActor, allowed: '"ACCOUNT" (its administrator) or "USER" in "ACCOUNT"' },
  { name: 'names', regexp: new RegExp(`${QUOTED}(?:(?:, | and )${QUOTED})*`), parse: parseNames, allowed: '"A", or "A" and "B", or "A", "B" and "C"' },
  { name: 'rule', regexp: /[A-Z]+-\d+/, parse: parseReason, allowed: `a rule ID (${RULE_IDS[0]} ...), ${range(ASSUMPTION_IDS)} or ${range(FACT_IDS)}` },
  { name: 'rules', regexp: /[A-Z]+-\d+(?:(?:, | and )[A-Z]+-\d+)*/, parse: (t) => t.split(/, | and /).map(parseReason), allowed: 'rule IDs as "REC-01", "REC-01 and REC-02" or "REC-01, REC-02 and REC-03"' },
  { name: 'code', regexp: /[A-Z][A-Z_]+/, parse: parseFaultCode, allowed: FAULT_CODES.join(', ') },
];
