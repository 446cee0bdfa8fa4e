import { createHmac, randomBytes } from 'node:crypto';
import { newNonce, nowSeconds, tokenPassport, type TokenKit } from './world';

/**
 * Requests as an integration sends them, signed with node:crypto from the credentials alone
 * (never with the simulator's own signing code): a token-based SOAP `get`, and OAuth 1.0a and
 * NLAuth Authorization headers for RESTlets. For the bad-input, concurrency and
 * confidentiality tests and the bench.
 */

export const MESSAGES_2021_1 = 'urn:messages_2021_1.platform.webservices.netsuite.com';

/** A SOAP envelope with these header elements and this body element. */
export function soapEnvelope(headers: string, body = `<get xmlns="${MESSAGES_2021_1}"/>`): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header>${headers}</soapenv:Header><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

/** The tokenPassport header element, signed afresh (new nonce, current time) unless told otherwise. */
export function tokenPassportXml(kit: TokenKit, nonce = newNonce(), timestamp = nowSeconds(), secretOverride?: string): string {
  const p = tokenPassport(kit, nonce, timestamp, secretOverride);
  return `<tokenPassport><account>${p.account}</account><consumerKey>${p.consumerKey}</consumerKey><token>${p.token}</token><nonce>${p.nonce}</nonce><timestamp>${p.timestamp}</timestamp><signature algorithm="HMAC-SHA256">${p.signature}</signature></tokenPassport>`;
}

/** A valid token-based SOAP `get` on 2021.1: accepted once (its nonce is fresh). */
export function soapGet(kit: TokenKit): string {
  return soapEnvelope(tokenPassportXml(kit));
}

export const SOAP_2021_1 = '/services/NetSuitePort_2021_1';
export const SOAP_HEADERS = { 'content-type': 'text/xml; charset=utf-8', soapaction: 'get' } as const;

const enc = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The OAuth 1.0a header (HMAC-SHA256, realm = account ID) for `method url`, written from RFC 5849. */
export function oauthHeader(kit: TokenKit, method: string, url: string, secretOverride?: string): string {
  const u = new URL(url);
  const oauth: Record<string, string> = {
    oauth_consumer_key: kit.consumerKey,
    oauth_nonce: randomBytes(12).toString('hex'),
    oauth_signature_method: 'HMAC-SHA256',
    oauth_timestamp: String(nowSeconds()),
    oauth_token: kit.tokenId,
    oauth_version: '1.0',
  };
  const params = [...u.searchParams.entries(), ...Object.entries(oauth)].map(([k, v]) => [enc(k), enc(v)]).sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  const base = [method.toUpperCase(), enc(`${u.protocol}//${u.host}${u.pathname}`), enc(params.map(([k, v]) => `${k}=${v}`).join('&'))].join('&');
  const signature = createHmac('sha256', `${enc(secretOverride ?? kit.consumerSecret)}&${enc(kit.tokenSecret)}`).update(base).digest('base64');
  const fields = { realm: kit.accountId, ...oauth, oauth_signature: signature };
  return `OAuth ${Object.entries(fields).map(([k, v]) => `${k}="${enc(v)}"`).join(', ')}`;
}

/** The NLAuth header: account, e-mail, password (as the "signature"), optionally an Application ID. */
export function nlauthHeader(accountId: string, email: string, password: string, applicationId?: string): string {
  return `NLAuth nlauth_account=${accountId}, nlauth_email=${email}, nlauth_signature=${password}, nlauth_role=3${applicationId ? `, nlauth_application_id=${applicationId}` : ''}`;
}

export const RESTLET_PATH = '/app/site/hosting/restlet.nl?script=7&deploy=1';
