import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import * as soap from 'soap';
import { endpointEra, type Account, type Auth, type Command, type CommandOf, type EndpointVersion, type IntegrationRecord, type Outcome, type TbaAuth, type World } from '../../model';
import { ADMIN_PREFIX, servicePath, wsdlPath } from '../../wire';

/**
 * A client of the simulator that sends model commands the way an integration and its
 * administrator would: set-up commands through the administration API, requests and logins
 * through node-soap (from the WSDL the simulator serves) or, for RESTlets, oauth-1.0a and an
 * NLAuth header with fetch, Issue Token calls with fetch. It decodes each answer (HTTP status,
 * SOAP fault, the audit trail's entry) into a `WireAnswer` to compare with the model's outcome.
 *
 * Credentials come from the local copy of the world the command is sent in (equal to the
 * simulator's while the two agree); signatures are computed here with node:crypto, never with
 * the simulator's code.
 *
 *   const client = new WireClient(sim.url, () => 1_767_225_600);
 *   await client.reset(42, []);
 *   const answer = await client.send(world, { type: 'addAccount', account: 'Acme', kind: 'production' });
 */

/** What came back for one command, as far as the wire shows it. */
export interface WireAnswer {
  readonly via: 'admin' | 'soap' | 'restlet' | 'issueToken';
  readonly kind: Outcome['kind'];
  /** The refusing rule, from the audit trail (or the administration API's outcome). */
  readonly rule?: string;
  /** The model's fault code as the audit trail shows it. */
  readonly code?: string;
  /** The Login Audit Trail detail. */
  readonly detail?: string;
  /** The record that tracked an accepted request: its handle, "default" or "none". */
  readonly trackedBy?: string;
  readonly status: number;
  /** What the client itself read: the SOAP platform fault's code, or the RESTlet error body's code. */
  readonly wireCode?: string;
  /** The SOAP faultstring or the RESTlet error message. */
  readonly message?: string;
  /** For the administration API: the outcome as it answered it (redacted). */
  readonly outcome?: unknown;
  /** An Issue Token call's new token ID (kept for comparison, never printed). */
  readonly issuedTokenId?: string;
}

/** A command the wire has no way to say (the reason is printed in reports). */
export interface Unsayable {
  readonly via: 'none';
  readonly reason: string;
}

interface AuditEntry {
  readonly seq: number;
  readonly verdict: Outcome['kind'];
  readonly rule?: string;
  readonly fault?: { readonly code: string; readonly message: string; readonly detail?: string };
  readonly trackedBy?: string;
}

interface HttpResult {
  readonly status: number;
  readonly body: string;
  readonly setCookie?: string;
}

/** Why the wire cannot say a command at all, or undefined when it can. */
export function unsayable(world: World, command: Command): string | undefined {
  // A cookie names its session's own account, never another.
  const elsewhere = (session: string, account: string) => world.sessions[session] !== undefined && world.sessions[session].account !== account;
  if (command.type === 'logout' && elsewhere(command.session, command.account)) {
    return 'a logout names its account only through its session: the cookie names the session\'s own account';
  }
  if (command.type === 'request') {
    const r = command.request;
    const auth = r.auth;
    if (auth.kind === 'session' && elsewhere(auth.session, r.account)) {
      return 'a SOAP request names its account only through its credentials: a session alone names the session\'s own account';
    }
    if (r.channel === 'restlet' && auth.kind === 'tba' && auth.applicationId !== undefined) return 'an OAuth Authorization header has no Application ID field';
    if (r.channel === 'restlet' && auth.kind === 'tba' && auth.alsoPassport !== undefined) return 'a RESTlet call has one Authorization header: OAuth or NLAuth, not both';
  }
  return undefined;
}

/**
 * Why the wire answers a command itself, without a model command (ASM-18), or undefined. The
 * answer is then an invalid login or an unknown operation by ASM-18, and the model's refusal
 * (which changes nothing) stays the scenario's.
 */
export function answeredByWire(command: Command): string | undefined {
  const era = command.type === 'login' || command.type === 'logout' ? endpointEra(command.endpoint) : undefined;
  if (era === 'tokenOnly') return `${command.type === 'login' ? command.operation : 'logout'} is not an operation of the ${command.type === 'login' || command.type === 'logout' ? command.endpoint : ''} WSDL (ASM-18)`;
  const auth = command.type === 'login' ? command.auth : command.type === 'request' ? command.request.auth : undefined;
  if (auth?.kind === 'none' && !(command.type === 'request' && command.request.channel === 'soap' && command.request.operation === 'getDataCenterUrls')) {
    return 'a request without credentials names no account (ASM-18)';
  }
  return undefined;
}

const WRONG_PASSWORD = 'not-the-password';
const WRONG_SECRET = 'not-the-secret';
/** A token ID no account issued. */
const FORGED_TOKEN_ID = 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unxml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

const ns = (endpoint: EndpointVersion) => {
  const tag = endpoint.replace('.', '_');
  return { messages: `urn:messages_${tag}.platform.webservices.netsuite.com`, core: `urn:core_${tag}.platform.webservices.netsuite.com` };
};

export class WireClient {
  private readonly soapClients = new Map<EndpointVersion, Promise<soap.Client>>();
  /** The wire's JSESSIONID for each session the scenario or property named. */
  readonly sessions = new Map<string, string>();
  /** Token IDs and secrets seen in any world so far: a client keeps its token after a refresh deleted it. */
  private readonly tokens = new Map<string, { readonly tokenId: string; readonly tokenSecret: string }>();
  private nonces = 0;
  private auditSeq = 0;

  constructor(readonly url: string, private readonly now: () => number) {}

  /** A fresh world of this seed and these deliberate faults on the simulator. */
  async reset(seed: number, faults: readonly string[]): Promise<void> {
    const res = await fetch(`${this.url}${ADMIN_PREFIX}/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed, faults }) });
    if (!res.ok) throw new Error(`reset: HTTP ${res.status} ${await res.text()}`);
    this.sessions.clear();
    this.tokens.clear();
    this.auditSeq = 0;
  }

  /** The simulator's world, as its administration API shows it (redacted). */
  async world(): Promise<unknown> {
    const res = await fetch(`${this.url}${ADMIN_PREFIX}/world`);
    if (!res.ok) throw new Error(`world: HTTP ${res.status}`);
    return res.json();
  }

  /** Sends one command, in the world it is sent in (the local copy before it). */
  async send(world: World, command: Command): Promise<WireAnswer | Unsayable> {
    for (const t of Object.values(world.tokens)) this.tokens.set(t.handle, { tokenId: t.tokenId, tokenSecret: t.tokenSecret });
    const reason = unsayable(world, command);
    if (reason) return { via: 'none', reason };
    switch (command.type) {
      case 'login': return this.login(world, command);
      case 'logout': return this.logout(command);
      case 'request': return command.request.channel === 'soap' ? this.soapRequest(world, command) : this.restlet(world, command);
      case 'issueToken': return this.issueToken(world, command);
      default: return this.admin(command);
    }
  }

  // -------------------------------------------------------------------------------------
  // The administration API

  private async admin(command: Command): Promise<WireAnswer> {
    const res = await fetch(`${this.url}${ADMIN_PREFIX}/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ commands: [command] }) });
    const body = (await res.json()) as { outcomes?: Outcome[]; error?: string };
    if (res.status === 400) return { via: 'admin', kind: 'invalid', status: 400, message: body.error };
    const outcome = body.outcomes?.[0];
    if (!res.ok || !outcome) throw new Error(`administration API: HTTP ${res.status} ${JSON.stringify(body)}`);
    return {
      via: 'admin', kind: outcome.kind, status: res.status, outcome,
      ...(outcome.kind === 'refused' ? { rule: outcome.rule, code: outcome.fault.code, ...(outcome.fault.detail ? { detail: outcome.fault.detail } : {}) } : {}),
      ...(outcome.kind === 'accepted' && outcome.trackedBy ? { trackedBy: outcome.trackedBy.by === 'record' ? outcome.trackedBy.record : outcome.trackedBy.by } : {}),
    };
  }

  /** The audit trail's entry for the request just answered: exactly one per request. */
  private async audit(via: WireAnswer['via'], http: HttpResult, wire: { wireCode?: string; message?: string }): Promise<WireAnswer> {
    const res = await fetch(`${this.url}${ADMIN_PREFIX}/audit`);
    const { entries } = (await res.json()) as { entries: AuditEntry[] };
    const entry = entries[entries.length - 1];
    if (!entry || entry.seq !== this.auditSeq + 1) throw new Error(`the audit trail's last entry is #${entry?.seq ?? 'none'}, expected #${this.auditSeq + 1}: one entry per request`);
    this.auditSeq = entry.seq;
    return {
      via, kind: entry.verdict, status: http.status,
      ...(entry.rule !== undefined ? { rule: entry.rule } : {}),
      ...(entry.fault ? { code: entry.fault.code, ...(entry.fault.detail !== undefined ? { detail: entry.fault.detail } : {}) } : {}),
      ...(entry.trackedBy !== undefined ? { trackedBy: entry.trackedBy } : {}),
      ...wire,
    };
  }

  // -------------------------------------------------------------------------------------
  // SOAP through node-soap

  private soapClient(endpoint: EndpointVersion): Promise<soap.Client> {
    let client = this.soapClients.get(endpoint);
    if (!client) {
      client = soap.createClientAsync(`${this.url}${wsdlPath(endpoint)}`);
      this.soapClients.set(endpoint, client);
    }
    return client;
  }

  /**
   * One SOAP call: node-soap when the WSDL offers the operation; otherwise (login on 2020.2,
   * say) the envelope a client would hand-write, posted with fetch.
   */
  private async soapCall(endpoint: EndpointVersion, operation: string, headers: readonly string[], args: Record<string, unknown>, cookie: string | undefined): Promise<HttpResult> {
    const extra: Record<string, string> = cookie !== undefined ? { Cookie: `JSESSIONID=${cookie}` } : {};
    const client = await this.soapClient(endpoint);
    const fn = (client as unknown as Record<string, unknown>)[`${operation}Async`];
    if (typeof fn !== 'function') {
      const { messages } = ns(endpoint);
      const body = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:platformMsgs="${messages}"><soapenv:Header>${headers.join('')}</soapenv:Header><soapenv:Body><platformMsgs:${operation}/></soapenv:Body></soapenv:Envelope>`;
      const res = await fetch(`${this.url}${servicePath(endpoint)}`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: operation, ...extra }, body });
      return { status: res.status, body: await res.text(), setCookie: res.headers.get('set-cookie') ?? undefined };
    }
    client.clearSoapHeaders();
    for (const h of headers) client.addSoapHeader(h);
    try {
      await (fn as (a: object, o: object, h: object) => Promise<unknown>).call(client, args, {}, extra);
      const setCookie = (client.lastResponseHeaders as Record<string, string | string[]> | undefined)?.['set-cookie'];
      return { status: 200, body: String(client.lastResponse ?? ''), setCookie: Array.isArray(setCookie) ? setCookie.join('; ') : setCookie };
    } catch (e) {
      const err = e as { response?: { status: number }; body?: string };
      if (!err.response) throw e;
      return { status: err.response.status, body: String(err.body ?? client.lastResponse ?? '') };
    }
  }

  private soapWire(http: HttpResult): { wireCode?: string; message?: string } {
    if (http.status === 200) return {};
    const code = /<(?:\w+:)?code>([^<]*)<\/(?:\w+:)?code>/.exec(http.body)?.[1];
    const message = /<faultstring>([^<]*)<\/faultstring>/.exec(http.body)?.[1];
    return { ...(code !== undefined ? { wireCode: code } : {}), ...(message !== undefined ? { message: unxml(message) } : {}) };
  }

  private account(world: World, name: string): Account {
    const account = world.accounts[name];
    if (!account) throw new Error(`wire client: no account "${name}" in the world`);
    return account;
  }

  /** The e-mail a user signs in with: a user of this account, else (a real mistake) of another. */
  private email(world: World, account: Account, user: string): string {
    const u = account.users[user] ?? Object.values(world.accounts).map((a) => a.users[user]).find((x) => x !== undefined);
    if (!u) throw new Error(`wire client: no user "${user}" in any account`);
    return u.email;
  }

  private password(world: World, account: Account, user: string, password: 'valid' | 'invalid'): string {
    if (password === 'invalid') return WRONG_PASSWORD;
    return account.users[user]?.password ?? Object.values(world.accounts).map((a) => a.users[user]).find((x) => x !== undefined)?.password ?? WRONG_PASSWORD;
  }

  private applicationId(world: World, ref: NonNullable<Extract<Auth, { kind: 'passport' }>['applicationId']>): string {
    if ('literal' in ref) return ref.literal;
    const record = world.records[ref.of];
    if (!record) throw new Error(`wire client: no record "${ref.of}"`);
    return record.applicationId;
  }

  private passportXml(endpoint: EndpointVersion, world: World, account: Account, user: string, password: 'valid' | 'invalid', element = 'platformMsgs:passport'): string {
    const { messages, core } = ns(endpoint);
    return `<${element} xmlns:platformMsgs="${messages}" xmlns:platformCore="${core}"><platformCore:email>${xml(this.email(world, account, user))}</platformCore:email><platformCore:password>${xml(this.password(world, account, user, password))}</platformCore:password><platformCore:account>${xml(account.accountId)}</platformCore:account></${element}>`;
  }

  private appInfoXml(endpoint: EndpointVersion, id: string): string {
    return `<platformMsgs:applicationInfo xmlns:platformMsgs="${ns(endpoint).messages}"><platformMsgs:applicationId>${xml(id)}</platformMsgs:applicationId></platformMsgs:applicationInfo>`;
  }

  /** The token a TBA auth names: its ID and secret, or a forged ID. */
  private token(auth: TbaAuth): { tokenId: string; tokenSecret: string } {
    if ('forged' in auth.token) return { tokenId: FORGED_TOKEN_ID, tokenSecret: WRONG_SECRET };
    const t = this.tokens.get(auth.token.handle);
    if (!t) throw new Error(`wire client: no token "${auth.token.handle}" was ever issued`);
    return t;
  }

  private consumer(world: World, auth: TbaAuth): { record: IntegrationRecord; key: string } {
    const record = world.records[auth.consumerKey.of];
    if (!record) throw new Error(`wire client: no record "${auth.consumerKey.of}"`);
    const key = auth.consumerKey.stale ? record.previousConsumerKey : record.consumerKey;
    if (key === undefined) throw new Error(`wire client: "${record.ref}" has no old consumer key`);
    return { record, key };
  }

  /** Nonce and timestamp: the command's when it names them, else fresh ones at the simulator's time. */
  private timing(auth: TbaAuth): { nonce: string; timestamp: number } {
    return { nonce: auth.nonce ?? `wire-nonce-${++this.nonces}`, timestamp: auth.timestamp ?? this.now() };
  }

  private tokenPassportXml(endpoint: EndpointVersion, world: World, account: Account, auth: TbaAuth): string {
    const { record, key } = this.consumer(world, auth);
    const token = this.token(auth);
    const { nonce, timestamp } = this.timing(auth);
    const secret = auth.signature === 'valid' ? record.consumerSecret : WRONG_SECRET;
    const base = `${account.accountId}&${key}&${token.tokenId}&${nonce}&${timestamp}`;
    const signature = createHmac('sha256', `${secret}&${token.tokenSecret}`).update(base).digest('base64');
    const { messages, core } = ns(endpoint);
    return `<platformMsgs:tokenPassport xmlns:platformMsgs="${messages}" xmlns:platformCore="${core}"><platformCore:account>${xml(account.accountId)}</platformCore:account><platformCore:consumerKey>${xml(key)}</platformCore:consumerKey><platformCore:token>${xml(token.tokenId)}</platformCore:token><platformCore:nonce>${xml(nonce)}</platformCore:nonce><platformCore:timestamp>${timestamp}</platformCore:timestamp><platformCore:signature algorithm="HMAC-SHA256">${xml(signature)}</platformCore:signature></platformMsgs:tokenPassport>`;
  }

  /** The SOAP headers and cookie for an Auth (the login's passport goes in its body instead). */
  private soapAuth(endpoint: EndpointVersion, world: World, account: Account, auth: Auth, login: boolean): { headers: string[]; cookie?: string } {
    switch (auth.kind) {
      case 'none':
        return { headers: [] };
      case 'session':
        return { headers: [], cookie: this.sessionCookie(auth.session) };
      case 'passport':
        return { headers: [...(login ? [] : [this.passportXml(endpoint, world, account, auth.user, auth.password)]), ...(auth.applicationId ? [this.appInfoXml(endpoint, this.applicationId(world, auth.applicationId))] : [])] };
      case 'tba':
        return {
          headers: [
            this.tokenPassportXml(endpoint, world, account, auth),
            ...(auth.applicationId ? [this.appInfoXml(endpoint, this.applicationId(world, auth.applicationId))] : []),
            ...(auth.alsoPassport ? [this.passportXml(endpoint, world, account, auth.alsoPassport.user, auth.alsoPassport.password)] : []),
          ],
          ...(auth.alsoSession !== undefined ? { cookie: this.sessionCookie(auth.alsoSession) } : {}),
        };
    }
  }

  /** The wire's JSESSIONID for a session; one the wire never opened is sent as its own name, which the simulator does not know. */
  private sessionCookie(session: string): string {
    return this.sessions.get(session) ?? `never-opened-${encodeURIComponent(session)}`;
  }

  private async login(world: World, command: CommandOf<'login'>): Promise<WireAnswer> {
    const account = this.account(world, command.account);
    const { headers, cookie } = this.soapAuth(command.endpoint, world, account, command.auth, true);
    const passport = command.auth.kind === 'passport'
      ? { passport: { email: this.email(world, account, command.auth.user), password: this.password(world, account, command.auth.user, command.auth.password), account: account.accountId } }
      : {};
    const http = await this.soapCall(command.endpoint, command.operation, headers, passport, cookie);
    const opened = /JSESSIONID=([^;]+)/.exec(http.setCookie ?? '')?.[1];
    if (http.status === 200 && opened) this.sessions.set(command.session, opened);
    return this.audit('soap', http, this.soapWire(http));
  }

  private async logout(command: CommandOf<'logout'>): Promise<WireAnswer> {
    const http = await this.soapCall(command.endpoint, 'logout', [], {}, this.sessionCookie(command.session));
    return this.audit('soap', http, this.soapWire(http));
  }

  private async soapRequest(world: World, command: CommandOf<'request'>): Promise<WireAnswer> {
    const r = command.request;
    if (r.channel !== 'soap') throw new Error('not a SOAP request');
    const account = this.account(world, r.account);
    const { headers, cookie } = this.soapAuth(r.endpoint, world, account, r.auth, false);
    const args: Record<string, unknown> = r.operation === 'getDataCenterUrls'
      ? { account: account.accountId }
      : r.operation === 'search' ? {} : r.operation === 'get' ? { baseRef: { attributes: { internalId: '1', type: 'customer' } } } : {};
    const http = await this.soapCall(r.endpoint, r.operation, headers, args, cookie);
    return this.audit('soap', http, this.soapWire(http));
  }

  // -------------------------------------------------------------------------------------
  // RESTlets: oauth-1.0a or NLAuth, with fetch

  private async restlet(world: World, command: CommandOf<'request'>): Promise<WireAnswer> {
    const r = command.request;
    if (r.channel !== 'restlet') throw new Error('not a RESTlet call');
    const account = this.account(world, r.account);
    const url = `${this.url}/app/site/hosting/restlet.nl?script=42&deploy=1`;
    const headers: Record<string, string> = {};
    const auth = r.auth;
    if (auth.kind === 'tba') {
      const { record, key } = this.consumer(world, auth);
      const token = this.token(auth);
      const { nonce, timestamp } = this.timing(auth);
      const oauth = new OAuth({
        consumer: { key, secret: auth.signature === 'valid' ? record.consumerSecret : WRONG_SECRET },
        signature_method: 'HMAC-SHA256',
        hash_function: (base: string, k: string) => createHmac('sha256', k).update(base).digest('base64'),
        realm: account.accountId,
      });
      oauth.getNonce = () => nonce;
      oauth.getTimeStamp = () => timestamp;
      headers.Authorization = oauth.toHeader(oauth.authorize({ url, method: r.method }, { key: token.tokenId, secret: token.tokenSecret })).Authorization;
      if (auth.alsoSession !== undefined) headers.Cookie = `JSESSIONID=${this.sessionCookie(auth.alsoSession)}`;
    } else if (auth.kind === 'passport') {
      const appId = auth.applicationId ? `, nlauth_application_id=${this.applicationId(world, auth.applicationId)}` : '';
      headers.Authorization = `NLAuth nlauth_account=${account.accountId}, nlauth_email=${this.email(world, account, auth.user)}, nlauth_signature=${this.password(world, account, auth.user, auth.password)}${appId}`;
    }
    const res = await fetch(url, { method: r.method, headers: { ...headers, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { 'content-type': 'application/json' }) }, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { body: '{}' }) });
    const body = await res.text();
    return this.audit('restlet', { status: res.status, body }, restletWire(res.status, body));
  }

  // -------------------------------------------------------------------------------------
  // Issue Token: GET /rest/issuetoken?consumerKey=... with NLAuth

  private async issueToken(world: World, command: CommandOf<'issueToken'>): Promise<WireAnswer> {
    const account = this.account(world, command.account);
    const record = world.records[command.record];
    if (!record) throw new Error(`wire client: no record "${command.record}"`);
    const user = command.user ?? 'administrator';
    const authorization = `NLAuth nlauth_account=${account.accountId}, nlauth_email=${this.email(world, account, user)}, nlauth_signature=${this.password(world, account, user, command.password ?? 'valid')}`;
    const res = await fetch(`${this.url}/rest/issuetoken?consumerKey=${encodeURIComponent(record.consumerKey)}`, { headers: { Authorization: authorization } });
    const body = await res.text();
    const issued = res.status === 200 ? (JSON.parse(body) as { token?: string }).token : undefined;
    return this.audit('issueToken', { status: res.status, body }, { ...restletWire(res.status, body), ...(issued !== undefined ? { issuedTokenId: issued } : {}) });
  }
}

function restletWire(status: number, body: string): { wireCode?: string; message?: string } {
  if (status === 200) return {};
  try {
    const parsed = JSON.parse(body) as { error?: { code?: string; message?: string } };
    return { ...(parsed.error?.code !== undefined ? { wireCode: parsed.error.code } : {}), ...(parsed.error?.message !== undefined ? { message: parsed.error.message } : {}) };
  } catch {
    return { message: body.slice(0, 200) };
  }
}
