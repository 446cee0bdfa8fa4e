import { endpointEra, ENDPOINT_VERSIONS, type EndpointVersion, type SoapOperation } from '../model';

/** NetSuite's SOAP namespaces and paths for one endpoint version (2021.1 -> 2021_1). */

export const SOAP_ENVELOPE = 'http://schemas.xmlsoap.org/soap/envelope/';

export function versionTag(endpoint: EndpointVersion): string {
  return endpoint.replace('.', '_');
}

export interface Namespaces {
  readonly messages: string;
  readonly core: string;
  readonly faults: string;
  readonly platform: string;
}

// Every answer names its endpoint's namespaces: made once per version, not per request.
const NAMESPACES = new Map<EndpointVersion, Namespaces>(ENDPOINT_VERSIONS.map((endpoint) => {
  const tag = versionTag(endpoint);
  return [endpoint, {
    messages: `urn:messages_${tag}.platform.webservices.netsuite.com`,
    core: `urn:core_${tag}.platform.webservices.netsuite.com`,
    faults: `urn:faults_${tag}.platform.webservices.netsuite.com`,
    platform: `urn:platform_${tag}.webservices.netsuite.com`,
  }];
}));

export function namespaces(endpoint: EndpointVersion): Namespaces {
  const found = NAMESPACES.get(endpoint);
  if (!found) throw new Error(`no endpoint version ${endpoint}`);
  return found;
}

export const servicePath = (endpoint: EndpointVersion) => `/services/NetSuitePort_${versionTag(endpoint)}`;
export const wsdlPath = (endpoint: EndpointVersion) => `/wsdl/v${versionTag(endpoint)}_0/netsuite.wsdl`;

const BY_TAG = new Map<string, EndpointVersion>(ENDPOINT_VERSIONS.map((v) => [versionTag(v), v]));

/** The endpoint a path's `2021_1` names, if the model knows it. */
export function endpointFromTag(tag: string): EndpointVersion | undefined {
  return BY_TAG.get(tag);
}

export type SessionOperation = 'login' | 'ssoLogin' | 'logout';
export type WireOperation = SoapOperation | SessionOperation;

export const RECORD_OPERATIONS = ['get', 'search', 'add', 'update', 'delete', 'upsert'] as const;

const TOKEN_ONLY_OPERATIONS: readonly WireOperation[] = [...RECORD_OPERATIONS, 'getDataCenterUrls'];
const ALL_OPERATIONS: readonly WireOperation[] = ['login', 'ssoLogin', 'logout', ...TOKEN_ONLY_OPERATIONS];

/** What the endpoint offers: from 2020.2 on no login, ssoLogin, logout or Passport, as in NetSuite's own WSDL (AUTH-07). */
export function operationsOf(endpoint: EndpointVersion): readonly WireOperation[] {
  return endpointEra(endpoint) === 'tokenOnly' ? TOKEN_ONLY_OPERATIONS : ALL_OPERATIONS;
}

export function offersPassport(endpoint: EndpointVersion): boolean {
  return endpointEra(endpoint) !== 'tokenOnly';
}
