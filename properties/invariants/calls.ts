import { ENDPOINT_VERSIONS, type Auth, type Command, type EndpointVersion, type World } from '../../model';
import { eraOf as eraOfVersion, type Era } from '../eras';

/** A request or login as the rules see it. */
export interface Call {
  readonly login: boolean;
  readonly account: string;
  readonly channel: 'soap' | 'restlet';
  readonly endpoint?: EndpointVersion;
  readonly era?: Era;
  readonly operation: string;
  readonly auth: Auth;
}

// Eras from the rule texts (properties/eras.ts), not the model's; undefined for an endpoint that does not exist.
const ERAS = new Map<string, Era>(ENDPOINT_VERSIONS.map((v) => [v, eraOfVersion(v)]));
const eraOf = (endpoint: EndpointVersion): Era | undefined => ERAS.get(endpoint);

/** The request or login a command is; undefined for any other command. Read through `Step.call`, decoded once per step. */
export function decodeCall(command: Command): Call | undefined {
  if (command.type === 'login') {
    return { login: true, account: command.account, channel: 'soap', endpoint: command.endpoint, era: eraOf(command.endpoint), operation: command.operation, auth: command.auth };
  }
  if (command.type !== 'request') return undefined;
  const r = command.request;
  return r.channel === 'soap'
    ? { login: false, account: r.account, channel: 'soap', endpoint: r.endpoint, era: eraOf(r.endpoint), operation: r.operation, auth: r.auth }
    : { login: false, account: r.account, channel: 'restlet', operation: r.method, auth: r.auth };
}

export function describeCall(c: Call): string {
  const where = c.channel === 'soap' ? `${c.login ? '' : 'SOAP '}${c.operation} on ${c.endpoint}` : `RESTlet ${c.operation}`;
  const auth = c.auth.kind === 'tba' ? `token-based${c.auth.applicationId ? ' with an Application ID' : ''}`
    : c.auth.kind === 'passport' ? `user credentials${c.auth.applicationId ? ' with an Application ID' : ''}`
      : c.auth.kind === 'session' ? 'a session' : 'no authentication';
  return `${where} in "${c.account}" with ${auth}`;
}

/**
 * Which rule makes a token-based call ambiguous, if any: an Application ID (AUTH-03), a Passport
 * (FACT-09), or a session open in the same account (FACT-10), in that order.
 */
export function ambiguity(world: World, c: Call): 'AUTH-03' | 'FACT-09' | 'FACT-10' | undefined {
  const auth = c.auth;
  if (auth.kind !== 'tba') return undefined;
  if (auth.applicationId !== undefined) return 'AUTH-03';
  if (auth.alsoPassport !== undefined) return 'FACT-09';
  if (auth.alsoSession !== undefined) {
    const s = world.sessions[auth.alsoSession];
    if (s?.active && s.account === c.account) return 'FACT-10';
  }
  return undefined;
}
export const isDataCenterUrls = (c: Call): boolean => c.channel === 'soap' && !c.login && c.operation === 'getDataCenterUrls';

/** Which record a request names (consumer key, Application ID, session), if any. */
export function namedRecord(world: World, c: Call): string | null | undefined {
  const auth = c.auth;
  if (auth.kind === 'tba') return auth.consumerKey.of;
  if (auth.kind === 'passport') {
    if (!auth.applicationId) return null;
    if ('of' in auth.applicationId) return auth.applicationId.of;
    const bare = auth.applicationId.literal.replace(/-/g, '').toUpperCase();
    for (const r of Object.values(world.records)) if (r.applicationId.replace(/-/g, '') === bare) return r.ref;
    return undefined;
  }
  if (auth.kind === 'session') return world.sessions[auth.session]?.record ?? null;
  return undefined;
}
