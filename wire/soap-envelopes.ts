import type { EndpointVersion, FaultCode } from '../model';
import { namespaces, SOAP_ENVELOPE } from './namespaces';
import type { WireAnswer } from './types';

/**
 * SOAP answers as NetSuite shapes them. A refusal is HTTP 500 with faultcode
 * soapenv:Server.userException, the message as faultstring, and a platform fault element in
 * the detail holding code and message. Public fixture this follows (FACT-09, FACT-13), from
 * github.com/NetSweet/netsuite/issues/368:
 *
 *   <soapenv:Fault>
 *     <faultcode>soapenv:Server.userException</faultcode>
 *     <faultstring>Ambiguous authentication</faultstring>
 *     <detail>
 *       <platformFaults:invalidCredentialsFault xmlns:platformFaults="urn:faults_2016_1.platform.webservices.netsuite.com">
 *         <platformFaults:code>USER_ERROR</platformFaults:code>
 *         <platformFaults:message>...</platformFaults:message>
 */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export type PlatformFault = 'invalidCredentialsFault' | 'invalidSessionFault' | 'unexpectedErrorFault';

/**
 * The platform fault and FaultCodeType code for a model fault code. Documented (FACT-13): an
 * invalid login is invalidCredentialsFault USER_ERROR "Invalid login attempt.", and so is
 * Ambiguous authentication; INVALID_LOGIN_CREDENTIALS and SESSION_TIMED_OUT are codes of
 * NetSuite's FaultCodeType. Which refusal gets which of these beyond that is ASM-18.
 */
export function platformFaultOf(code: FaultCode | 'INVALID_REQUEST'): { readonly element: PlatformFault; readonly code: string } {
  switch (code) {
    case 'INVALID_LOGIN_CREDENTIALS':
      return { element: 'invalidCredentialsFault', code: 'INVALID_LOGIN_CREDENTIALS' };
    case 'INVALID_SESSION':
      return { element: 'invalidSessionFault', code: 'SESSION_TIMED_OUT' };
    default:
      return { element: 'invalidCredentialsFault', code: 'USER_ERROR' };
  }
}

function envelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
${body}
 </soapenv:Body>
</soapenv:Envelope>
`;
}

export const SOAP_CONTENT_TYPE = 'text/xml; charset=utf-8';

export function faultAnswer(endpoint: EndpointVersion | undefined, element: PlatformFault, code: string, message: string, faultcode = 'soapenv:Server.userException'): WireAnswer {
  // Without a known endpoint (a malformed path), the faults namespace of the newest version the model knows.
  const ns = namespaces(endpoint ?? '2026.1');
  const text = escapeXml(message);
  const body = `  <soapenv:Fault>
   <faultcode>${faultcode}</faultcode>
   <faultstring>${text}</faultstring>
   <detail>
    <platformFaults:${element} xmlns:platformFaults="${ns.faults}">
     <platformFaults:code>${escapeXml(code)}</platformFaults:code>
     <platformFaults:message>${text}</platformFaults:message>
    </platformFaults:${element}>
   </detail>
  </soapenv:Fault>`;
  return { status: 500, contentType: SOAP_CONTENT_TYPE, body: envelope(body) };
}

export function successAnswer(endpoint: EndpointVersion, operation: string, extra = '', headers?: Readonly<Record<string, string>>): WireAnswer {
  const ns = namespaces(endpoint);
  const body = `  <platformMsgs:${operation}Response xmlns:platformMsgs="${ns.messages}" xmlns:platformCore="${ns.core}">
   <platformCore:status isSuccess="true"/>${extra}
  </platformMsgs:${operation}Response>`;
  return { status: 200, contentType: SOAP_CONTENT_TYPE, body: envelope(body), ...(headers ? { headers } : {}) };
}

/** getDataCenterUrls (children in core's namespace: DataCenterUrls is a core type) names the simulator's own URL as every domain (a client follows it back here). */
export function dataCenterUrls(baseUrl: string): string {
  const url = escapeXml(baseUrl);
  return `
   <platformMsgs:dataCenterUrls><platformCore:restDomain>${url}</platformCore:restDomain><platformCore:webservicesDomain>${url}</platformCore:webservicesDomain><platformCore:systemDomain>${url}</platformCore:systemDomain></platformMsgs:dataCenterUrls>`;
}
