import {
  describeInvalid, redactText, type Auth, type Command, type EndpointVersion, type Outcome, type SoapOperation, type World,
} from '../model';
import { credentials, findAccount, findSession, freshHandle, type FoundAccount } from './directory';
import { sessionCookie } from './headers';
import { operationsOf, type WireOperation } from './namespaces';
import { signatureMatches, tokenPassportSignature } from './signatures';
import { dataCenterUrls, faultAnswer, platformFaultOf, successAnswer } from './soap-envelopes';
import { isRefusal, tokenAuth, wireRefusal } from './tba';
import type { Decoded, WireAnswer, WireContext, WireRefusal } from './types';
import { attribute, child, elementNames, has, parseXml, text, XmlError, type XmlNode } from './xml';

/**
 * The SOAP codec: an envelope into one model command (login, or a request), and the outcome
 * back into NetSuite's envelope. The headers map to the model's Auth: tokenPassport to
 * token-based authentication (with applicationInfo, a passport or a live JSESSIONID alongside,
 * kept so the model can call it ambiguous), passport to user credentials, the cookie alone
 * to the session.
 */

export interface SoapRequest {
  readonly endpoint: EndpointVersion;
  readonly body: string;
  readonly cookie: string | undefined;
  readonly baseUrl: string;
  /** Unix seconds. */
  readonly receivedAt: number;
}

const SESSION_PREFIX = 'ws-';
const CLEAR_SESSION = 'JSESSIONID=; Path=/; Max-Age=0';

export function refusalAnswer(endpoint: EndpointVersion | undefined, refusal: WireRefusal): WireAnswer {
  const f = platformFaultOf(refusal.code === 'INVALID_LOGIN_ATTEMPT' ? 'INVALID_LOGIN_ATTEMPT' : 'USER_ERROR');
  return faultAnswer(endpoint, f.element, f.code, refusal.message);
}

function malformed(endpoint: EndpointVersion, operation: string, baseUrl: string, message: string): Decoded {
  const context: WireContext = { channel: 'soap', endpoint, operation, auth: 'none', baseUrl };
  const refusal: WireRefusal = { rule: 'ASM-18', code: 'USER_ERROR', message };
  return { kind: 'answer', answer: refusalAnswer(endpoint, refusal), context, refusal };
}

function passportOf(node: XmlNode | undefined) {
  return { email: text(child(node, 'email')), password: text(child(node, 'password')), account: text(child(node, 'account')) };
}

export function decodeSoap(world: World, req: SoapRequest): Decoded {
  let doc: XmlNode;
  try {
    doc = parseXml(req.body);
  } catch (e) {
    if (e instanceof XmlError) return malformed(req.endpoint, 'unknown', req.baseUrl, `Malformed request: ${e.message}.`);
    throw e;
  }
  const envelope = child(doc, 'Envelope');
  const header = child(envelope, 'Header');
  const body = child(envelope, 'Body');
  const operation = elementNames(body)[0];
  if (!operation || !(operationsOf(req.endpoint) as readonly string[]).includes(operation)) {
    return malformed(req.endpoint, operation ?? 'none', req.baseUrl, `Unknown operation ${operation ?? '(empty body)'} on endpoint ${req.endpoint}.`);
  }
  const op = operation as WireOperation;
  const opBody = child(body, op);
  const tp = child(header, 'tokenPassport');
  const headerPassport = has(header, 'passport') ? passportOf(child(header, 'passport')) : undefined;
  const loginPassport = op === 'login' || op === 'ssoLogin' ? passportOf(child(opBody, 'passport')) : undefined;
  const applicationId = text(child(child(header, 'applicationInfo'), 'applicationId'));
  const session = findSession(world, sessionCookie(req.cookie));
  const sessionAccount = session !== undefined ? world.accounts[world.sessions[session].account] : undefined;

  const accountId = tp !== undefined ? text(child(tp, 'account'))
    : headerPassport?.account ?? loginPassport?.account ?? (op === 'getDataCenterUrls' ? text(child(opBody, 'account')) : undefined);
  const found: FoundAccount | undefined = accountId !== undefined ? findAccount(world, accountId) : sessionAccount ? { account: sessionAccount, exact: true } : undefined;
  const authKind: WireContext['auth'] = tp !== undefined ? 'tba' : headerPassport || loginPassport ? 'passport' : session ? 'session' : 'none';
  // Contexts are built whole, not spread from one another: a spread of objects of varying
  // shape takes V8's slow path, and this runs once per request.
  const base: WireContext = { channel: 'soap', endpoint: req.endpoint, operation: op, auth: authKind, baseUrl: req.baseUrl, accountId: accountId ?? sessionAccount?.accountId };
  if (!found) {
    const refusal = wireRefusal(accountId === undefined ? 'no account named' : 'unknown account');
    return { kind: 'answer', answer: refusalAnswer(req.endpoint, refusal), context: base, refusal };
  }
  const account = found.account;
  const context: WireContext = { channel: 'soap', endpoint: req.endpoint, operation: op, auth: authKind, baseUrl: req.baseUrl, accountId: base.accountId ?? account.accountId, account: account.name };
  const appId = applicationId !== undefined ? { applicationId: { literal: applicationId } } : {};

  let auth: Auth;
  if (tp !== undefined) {
    const fields = { consumerKey: text(child(tp, 'consumerKey')), token: text(child(tp, 'token')), nonce: text(child(tp, 'nonce')), timestamp: text(child(tp, 'timestamp')) };
    const signatureNode = child(tp, 'signature');
    const sent = text(signatureNode) ?? '';
    const tba = tokenAuth(world, found, fields, (record, token) =>
      attribute(signatureNode, 'algorithm') === 'HMAC-SHA256'
      && signatureMatches(tokenPassportSignature({ account: account.accountId, consumerKey: fields.consumerKey ?? '', token: fields.token ?? '', nonce: fields.nonce ?? '', timestamp: fields.timestamp ?? '' }, record.consumerSecret, token.tokenSecret), sent));
    if (isRefusal(tba)) return { kind: 'answer', answer: refusalAnswer(req.endpoint, tba), context, refusal: tba };
    // The usual request carries nothing beside its tokenPassport, and its auth is tokenAuth's as it is.
    auth = applicationId === undefined && headerPassport === undefined && session === undefined ? tba : {
      ...tba,
      ...appId,
      ...(headerPassport ? { alsoPassport: credentials(account, headerPassport.email, headerPassport.password) } : {}),
      ...(session !== undefined ? { alsoSession: session } : {}),
    };
  } else if (headerPassport || loginPassport) {
    const p = loginPassport ?? headerPassport;
    auth = { kind: 'passport', ...credentials(account, p?.email, p?.password), ...appId };
  } else if (session !== undefined) {
    auth = { kind: 'session', session };
  } else {
    auth = { kind: 'none' };
  }

  if (op === 'logout') {
    // Sent in a session, it is the model's logout (ASM-19); without one there is nothing to close and the answer is NetSuite's success (ASM-18).
    if (session === undefined) return { kind: 'answer', answer: successAnswer(req.endpoint, 'logout', '', { 'set-cookie': CLEAR_SESSION }), context };
    return { kind: 'command', command: { type: 'logout', account: account.name, endpoint: req.endpoint, session }, context: { ...context, auth: 'session' } };
  }
  if (op === 'login' || op === 'ssoLogin') {
    const handle = freshHandle(world.sessions, SESSION_PREFIX);
    const command: Command = { type: 'login', account: account.name, endpoint: req.endpoint, operation: op, auth, session: handle };
    return { kind: 'command', command, context: { ...context, session: handle } };
  }
  const command: Command = { type: 'request', request: { channel: 'soap', account: account.name, endpoint: req.endpoint, operation: op as SoapOperation, auth, receivedAt: req.receivedAt } };
  return { kind: 'command', command, context };
}

export function encodeSoap(outcome: Outcome, context: WireContext): WireAnswer {
  const endpoint = context.endpoint;
  if (!endpoint) throw new Error('a SOAP answer needs its endpoint');
  if (outcome.kind === 'accepted') {
    const extra = context.operation === 'getDataCenterUrls' ? dataCenterUrls(context.baseUrl) : '';
    const headers = context.session !== undefined ? { 'set-cookie': `JSESSIONID=${context.session}; Path=/; HttpOnly` } : context.operation === 'logout' ? { 'set-cookie': CLEAR_SESSION } : undefined;
    return successAnswer(endpoint, context.operation, extra, headers);
  }
  if (outcome.kind === 'refused') {
    const f = platformFaultOf(outcome.fault.code);
    return faultAnswer(endpoint, f.element, f.code, outcome.fault.message);
  }
  // Malformed for the model (an Application ID that is not 32 hex digits...): said as a user error.
  return faultAnswer(endpoint, 'invalidCredentialsFault', 'USER_ERROR', redactText(describeInvalid(outcome)));
}
