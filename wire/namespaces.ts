import { endpointEra, ENDPOINT_VERSIONS, type EndpointVersion, type SoapOperation } from '../model';

/** NetSuite's SOAP namespaces and paths for one endpoint version (2021.1 -> 2021_1). */

export const SOAP_ENVELOPE = 'http://schemas.xmlsoap.org/soap/envelope/';

export function versionTag(endpoint: EndpointVersion): string {
  return endpoint.replace('.', '_');
}

export function namespaces(endpoint: EndpointVersion) {
  const tag = versionTag(endpoint);
  return {
    messages: `urn:messages_${tag}.platform.webservices.netsuite.com`,
    core: `urn:core_${tag}.platform.webservices.netsuite.com`,
    faults: `urn:faults_${tag}.platform.webservices.netsuite.com`,
    platform: `urn:platform_${tag}.webservices.netsuite.com`,
  };
}

export const servicePath = (endpoint: EndpointVersion) => `/services/NetSuitePort_${versionTag(endpoint)}`;
export const wsdlPath = (endpoint: EndpointVersion) => `/wsdl/v${versionTag(endpoint)}_0/netsuite.wsdl`;

/** The endpoint a path's `2021_1` names, if the model knows it. */
export function endpointFromTag(tag: string): EndpointVersion | undefined {
  return ENDPOINT_VERSIONS.find((v) => versionTag(v) === tag);
}

export type SessionOperation = 'login' | 'ssoLogin' | 'logout';
export type WireOperation = SoapOperation | SessionOperation;

export const RECORD_OPERATIONS = ['get', 'search', 'add', 'update', 'delete', 'upsert'] as const;

/** What the endpoint offers: from 2020.2 on no login, ssoLogin, logout or Passport, as in NetSuite's own WSDL (AUTH-07). */
export function operationsOf(endpoint: EndpointVersion): readonly WireOperation[] {
  const common: WireOperation[] = [...RECORD_OPERATIONS, 'getDataCenterUrls'];
  return endpointEra(endpoint) === 'tokenOnly' ? common : ['login', 'ssoLogin', 'logout', ...common];
}

export function offersPassport(endpoint: EndpointVersion): boolean {
  return endpointEra(endpoint) !== 'tokenOnly';
}
