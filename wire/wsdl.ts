import type { EndpointVersion } from '../model';
import { namespaces, offersPassport, operationsOf, servicePath, type WireOperation } from './namespaces';

/**
 * The WSDL this project serves, written here (never copied from Oracle): NetSuite's namespaces,
 * and only the headers and operations the model knows, enough for a WSDL-driven client
 * (node-soap, zeep) to build requests and read answers.
 */

/** The body element each operation takes, in the messages namespace. */
function requestBody(op: WireOperation): string {
  switch (op) {
    case 'login':
    case 'ssoLogin':
      return '<xsd:sequence><xsd:element name="passport" type="platformCore:Passport"/></xsd:sequence>';
    case 'logout':
      return '<xsd:sequence/>';
    case 'getDataCenterUrls':
      return '<xsd:sequence><xsd:element name="account" type="xsd:string"/></xsd:sequence>';
    case 'get':
    case 'delete':
      return '<xsd:sequence><xsd:element name="baseRef" type="platformCore:RecordRef" minOccurs="0"/></xsd:sequence>';
    case 'search':
      return '<xsd:sequence><xsd:element name="searchRecord" type="xsd:string" minOccurs="0"/></xsd:sequence>';
    default:
      return '<xsd:sequence><xsd:element name="record" type="platformCore:RecordRef" minOccurs="0"/></xsd:sequence>';
  }
}

function responseBody(op: WireOperation): string {
  const extra = op === 'getDataCenterUrls' ? '<xsd:element name="dataCenterUrls" type="platformCore:DataCenterUrls" minOccurs="0"/>' : '';
  // status is core's global element, so answers carry <platformCore:status isSuccess="true"/> as NetSuite's do.
  return `<xsd:sequence><xsd:element ref="platformCore:status"/>${extra}</xsd:sequence>`;
}

const FAULTS = ['invalidCredentialsFault', 'invalidSessionFault', 'unexpectedErrorFault'] as const;

export function wsdlFor(endpoint: EndpointVersion, baseUrl: string): string {
  const ns = namespaces(endpoint);
  const ops = operationsOf(endpoint);
  const passport = offersPassport(endpoint);
  const headers = ['tokenPassport', 'applicationInfo', ...(passport ? ['passport'] : [])];
  const core = `
  <xsd:schema targetNamespace="${ns.core}" elementFormDefault="qualified" attributeFormDefault="unqualified">
   <xsd:complexType name="TokenPassportSignature">
    <xsd:simpleContent><xsd:extension base="xsd:string"><xsd:attribute name="algorithm" type="xsd:string" use="required"/></xsd:extension></xsd:simpleContent>
   </xsd:complexType>
   <xsd:complexType name="TokenPassport">
    <xsd:sequence>
     <xsd:element name="account" type="xsd:string"/>
     <xsd:element name="consumerKey" type="xsd:string"/>
     <xsd:element name="token" type="xsd:string"/>
     <xsd:element name="nonce" type="xsd:string"/>
     <xsd:element name="timestamp" type="xsd:long"/>
     <xsd:element name="signature" type="platformCore:TokenPassportSignature"/>
    </xsd:sequence>
   </xsd:complexType>${passport ? `
   <xsd:complexType name="Passport">
    <xsd:sequence>
     <xsd:element name="email" type="xsd:string"/>
     <xsd:element name="password" type="xsd:string"/>
     <xsd:element name="account" type="xsd:string"/>
     <xsd:element name="role" type="platformCore:RecordRef" minOccurs="0"/>
    </xsd:sequence>
   </xsd:complexType>` : ''}
   <xsd:complexType name="RecordRef">
    <xsd:attribute name="internalId" type="xsd:string"/>
    <xsd:attribute name="type" type="xsd:string"/>
   </xsd:complexType>
   <xsd:complexType name="Status">
    <xsd:attribute name="isSuccess" type="xsd:boolean" use="required"/>
   </xsd:complexType>
   <xsd:element name="status" type="platformCore:Status"/>
   <xsd:complexType name="DataCenterUrls">
    <xsd:sequence>
     <xsd:element name="restDomain" type="xsd:string"/>
     <xsd:element name="webservicesDomain" type="xsd:string"/>
     <xsd:element name="systemDomain" type="xsd:string"/>
    </xsd:sequence>
   </xsd:complexType>
  </xsd:schema>`;
  const faults = `
  <xsd:schema targetNamespace="${ns.faults}" elementFormDefault="qualified">
   <xsd:complexType name="NSSoapFault">
    <xsd:sequence><xsd:element name="code" type="xsd:string"/><xsd:element name="message" type="xsd:string"/></xsd:sequence>
   </xsd:complexType>
${FAULTS.map((f) => `   <xsd:element name="${f}" type="platformFaults:NSSoapFault"/>`).join('\n')}
  </xsd:schema>`;
  const messagesSchema = `
  <xsd:schema targetNamespace="${ns.messages}" elementFormDefault="qualified">
   <xsd:import namespace="${ns.core}"/>
   <xsd:complexType name="ApplicationInfo"><xsd:sequence><xsd:element name="applicationId" type="xsd:string"/></xsd:sequence></xsd:complexType>
   <xsd:element name="tokenPassport" type="platformCore:TokenPassport"/>
   <xsd:element name="applicationInfo" type="platformMsgs:ApplicationInfo"/>${passport ? '\n   <xsd:element name="passport" type="platformCore:Passport"/>' : ''}
${ops.map((op) => `   <xsd:element name="${op}"><xsd:complexType>${requestBody(op)}</xsd:complexType></xsd:element>
   <xsd:element name="${op}Response"><xsd:complexType>${responseBody(op)}</xsd:complexType></xsd:element>`).join('\n')}
  </xsd:schema>`;
  const messages = [
    ...ops.flatMap((op) => [
      `<message name="${op}Request"><part name="parameters" element="platformMsgs:${op}"/></message>`,
      `<message name="${op}Response"><part name="parameters" element="platformMsgs:${op}Response"/></message>`,
    ]),
        // Parts named after their element: WSDL-driven clients (zeep) name header arguments by part.
    ...headers.map((h) => `<message name="${h}Header"><part name="${h}" element="platformMsgs:${h}"/></message>`),
    ...FAULTS.map((f) => `<message name="${f}"><part name="fault" element="platformFaults:${f}"/></message>`),
  ];
  const portOps = ops.map((op) => `  <operation name="${op}">
   <input message="tns:${op}Request"/><output message="tns:${op}Response"/>
${FAULTS.map((f) => `   <fault name="${f}" message="tns:${f}"/>`).join('\n')}
  </operation>`);
  const bindingOps = ops.map((op) => `  <operation name="${op}">
   <soap:operation soapAction="${op}"/>
   <input>
    <soap:body use="literal"/>
${headers.map((h) => `    <soap:header message="tns:${h}Header" part="${h}" use="literal"/>`).join('\n')}
   </input>
   <output><soap:body use="literal"/></output>
${FAULTS.map((f) => `   <fault name="${f}"><soap:fault name="${f}" use="literal"/></fault>`).join('\n')}
  </operation>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by the integration record harness for its NetSuite-compatible simulator (endpoint ${endpoint}). -->
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
 xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${ns.platform}"
 xmlns:platformMsgs="${ns.messages}" xmlns:platformCore="${ns.core}" xmlns:platformFaults="${ns.faults}"
 targetNamespace="${ns.platform}">
 <types>${core}${faults}${messagesSchema}
 </types>
 ${messages.join('\n ')}
 <portType name="NetSuitePortType">
${portOps.join('\n')}
 </portType>
 <binding name="NetSuiteBinding" type="tns:NetSuitePortType">
  <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
${bindingOps.join('\n')}
 </binding>
 <service name="NetSuiteService">
  <port name="NetSuitePort" binding="tns:NetSuiteBinding"><soap:address location="${baseUrl}${servicePath(endpoint)}"/></port>
 </service>
</definitions>
`;
}
