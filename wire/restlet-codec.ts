import { describeInvalid, redactText, RESTLET_METHODS, type Auth, type Outcome, type RestletMethod, type World } from '../model';
import { credentials, findAccount, findSession } from './directory';
import { parseAuthorization, sessionCookie } from './headers';
import { oauthSignature, signatureMatches } from './signatures';
import { isRefusal, tokenAuth, wireRefusal } from './tba';
import type { Decoded, WireAnswer, WireContext, WireRefusal } from './types';

/**
 * The RESTlet codec: `/app/site/hosting/restlet.nl?script=N&deploy=M` with an OAuth 1.0a
 * (HMAC-SHA256, realm = account ID) or NLAuth Authorization header into a model request;
 * the outcome into 200 JSON or NetSuite's error body. The body NetSuite answers an invalid
 * login with, as public integration logs quote it (FACT-13):
 *
 *   HTTP 401  {"error":{"code":"INVALID_LOGIN_ATTEMPT","message":"Invalid login attempt."}}
 */

export interface RestletRequest {
  readonly method: string;
  /** The URL as the client signed it: scheme, host as sent, path and query. */
  readonly url: URL;
  readonly authorization: string | undefined;
  readonly cookie: string | undefined;
  readonly baseUrl: string;
  readonly receivedAt: number;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function errorAnswer(status: number, code: string, message: string): WireAnswer {
  return { status, contentType: JSON_TYPE, body: JSON.stringify({ error: { code, message } }) };
}

export function restletRefusalAnswer(refusal: WireRefusal): WireAnswer {
  return errorAnswer(401, refusal.code, refusal.message);
}

/** OAuth's base string URL: scheme and host lower case, the default port left out, no query (RFC 5849 §3.4.1.2). */
function signedBaseUrl(url: URL): string {
  return `${url.protocol.toLowerCase()}//${url.host.toLowerCase()}${url.pathname}`;
}

export function decodeRestlet(world: World, req: RestletRequest): Decoded {
  const method = req.method.toUpperCase();
  const header = parseAuthorization(req.authorization);
  const authKind: WireContext['auth'] = header.kind === 'oauth' ? 'oauth' : header.kind === 'nlauth' ? 'nlauth' : 'none';
  const accountId = header.kind === 'oauth' ? header.params.get('realm') : header.kind === 'nlauth' ? header.account : undefined;
  const base: WireContext = { channel: 'restlet', operation: method, auth: authKind, baseUrl: req.baseUrl, ...(accountId !== undefined ? { accountId } : {}) };
  const refuse = (refusal: WireRefusal, context: WireContext = base): Decoded => ({ kind: 'answer', answer: restletRefusalAnswer(refusal), context, refusal });
  if (!(RESTLET_METHODS as readonly string[]).includes(method)) {
    return { kind: 'answer', answer: errorAnswer(405, 'INVALID_REQUEST', `RESTlets answer GET, POST, PUT and DELETE, not ${method}.`), context: base };
  }
  const script = req.url.searchParams.get('script');
  const deploy = req.url.searchParams.get('deploy');
  if (!script || !/^\d+$/.test(script) || !deploy || !/^\d+$/.test(deploy)) {
    return { kind: 'answer', answer: errorAnswer(400, 'INVALID_REQUEST', 'A RESTlet URL names its script and deploy: restlet.nl?script=N&deploy=M.'), context: base };
  }
  const found = findAccount(world, accountId);
  if (!found) return refuse(wireRefusal(accountId === undefined ? 'no account named' : 'unknown account'));
  const account = found.account;
  const context: WireContext = { ...base, account: account.name };

  let auth: Auth;
  if (header.kind === 'oauth') {
    const p = header.params;
    const params = [...req.url.searchParams.entries(), ...[...p.entries()].filter(([k]) => k !== 'realm' && k !== 'oauth_signature')];
    const tba = tokenAuth(world, found, { consumerKey: p.get('oauth_consumer_key'), token: p.get('oauth_token'), nonce: p.get('oauth_nonce'), timestamp: p.get('oauth_timestamp') }, (record, token) =>
      p.get('oauth_signature_method') === 'HMAC-SHA256'
      && signatureMatches(oauthSignature(method, signedBaseUrl(req.url), params, record.consumerSecret, token.tokenSecret), p.get('oauth_signature') ?? ''));
    if (isRefusal(tba)) return refuse(tba, context);
    const session = findSession(world, sessionCookie(req.cookie));
    // A live JSESSIONID beside the token is ambiguous here as on SOAP (FACT-10; for RESTlets ASM-18).
    auth = { ...tba, ...(session !== undefined ? { alsoSession: session } : {}) };
  } else if (header.kind === 'nlauth') {
    auth = {
      kind: 'passport',
      ...credentials(account, header.email, header.password),
      ...(header.applicationId !== undefined ? { applicationId: { literal: header.applicationId } } : {}),
    };
  } else {
    auth = { kind: 'none' };
  }
  return {
    kind: 'command',
    command: { type: 'request', request: { channel: 'restlet', account: account.name, method: method as RestletMethod, auth, receivedAt: req.receivedAt } },
    context: { ...context, operation: `${method} script=${script} deploy=${deploy}` },
  };
}

/**
 * GET /rest/datacenterurls?account=ID: NetSuite's REST lookup of an account's domains, which
 * RESTlet clients (nsrestlet) call before anything else. The simulator names itself for every
 * domain. No authentication, like SOAP's getDataCenterUrls (AUTH-06); no model command.
 */
export function dataCenterUrlsAnswer(world: World, url: URL, baseUrl: string): Extract<Decoded, { kind: 'answer' }> {
  const accountId = url.searchParams.get('account') ?? undefined;
  const found = findAccount(world, accountId);
  const context: WireContext = { channel: 'restlet', operation: 'datacenterurls', auth: 'none', baseUrl, ...(accountId !== undefined ? { accountId } : {}), ...(found ? { account: found.account.name } : {}) };
  if (!found) {
    const refusal: WireRefusal = { rule: 'ASM-18', code: 'INVALID_ACCT', message: `No account ${accountId ?? '(none named)'} here.` };
    return { kind: 'answer', answer: errorAnswer(400, refusal.code, refusal.message), context, refusal };
  }
  return { kind: 'answer', answer: { status: 200, contentType: JSON_TYPE, body: JSON.stringify({ webservicesDomain: baseUrl, restDomain: baseUrl, systemDomain: baseUrl }) }, context };
}

export function encodeRestlet(outcome: Outcome, context: WireContext): WireAnswer {
  if (outcome.kind === 'accepted') return { status: 200, contentType: JSON_TYPE, body: JSON.stringify({ success: true, request: context.operation }) };
  // Every refusal is a 401 with the model's code and message; only the invalid login's form is documented (FACT-13, ASM-18).
  if (outcome.kind === 'refused') return errorAnswer(401, outcome.fault.code, outcome.fault.message);
  return errorAnswer(400, 'INVALID_REQUEST', redactText(describeInvalid(outcome)));
}
