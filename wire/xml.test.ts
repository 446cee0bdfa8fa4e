import { describe, expect, it } from 'vitest';
import { attribute, child, elementNames, has, parseXml, text, XmlError } from './xml';

/** The XML reader the SOAP codec stands on: what it keeps of a document, and what it refuses. */

const envelope = (header: string, body = '<get xmlns="urn:messages_2021_1.platform.webservices.netsuite.com"/>') =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header>${header}</soapenv:Header><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

describe('parseXml', () => {
  it('reads elements by local name, attributes by local name, text trimmed and decoded once', () => {
    const doc = parseXml(envelope('<ns:tokenPassport xmlns:ns="urn:x"><ns:account> 123 </ns:account><ns:signature ns:algorithm="HMAC-SHA256">a&amp;lt;b&#x41;<![CDATA[<c>]]></ns:signature></ns:tokenPassport>'));
    const tp = child(child(child(doc, 'Envelope'), 'Header'), 'tokenPassport');
    expect(text(child(tp, 'account'))).toBe('123');
    // &amp;lt; is the text "&lt;", not "<": entities are decoded by the parser and never again.
    expect(text(child(tp, 'signature'))).toBe('a&lt;bA<c>');
    expect(attribute(child(tp, 'signature'), 'algorithm')).toBe('HMAC-SHA256');
    expect(elementNames(child(child(doc, 'Envelope'), 'Body'))).toEqual(['get']);
  });

  it('an empty element is there and reads as empty text; a missing one is not there', () => {
    const header = child(child(parseXml(envelope('<tokenPassport><nonce></nonce><token/></tokenPassport>')), 'Envelope'), 'Header');
    const tp = child(header, 'tokenPassport');
    expect([has(tp, 'nonce'), text(child(tp, 'nonce')), has(tp, 'token'), text(child(tp, 'token'))]).toEqual([true, '', true, '']);
    expect([has(tp, 'timestamp'), text(child(tp, 'timestamp'))]).toEqual([false, undefined]);
  });

  it('keeps the first of repeated elements, in document order, and takes __proto__ as a name like any other', () => {
    const doc = parseXml('<r><b>1</b><a>2</a><b>3</b><__proto__>4</__proto__></r>');
    const r = child(doc, 'r');
    expect(elementNames(r)).toEqual(['b', 'a', '__proto__']);
    expect(text(child(r, 'b'))).toBe('1');
    expect(text(child(r, '__proto__'))).toBe('4');
    // Inherited names are no elements.
    for (const inherited of ['constructor', 'toString', 'hasOwnProperty']) {
      expect([child(r, inherited), has(r, inherited)], inherited).toEqual([undefined, false]);
    }
  });

  it.each([
    ['a DOCTYPE, before anything is parsed', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', /^a DOCTYPE is not allowed$/],
    ['tags that do not match', '<a><b></a></b>', /^malformed XML at 1:10: unexpected close tag$/],
    ['text that is not XML', 'hello', /^malformed XML at 1:5: text data outside of root node$/],
    ['an empty body', '', /^malformed XML at 1:0: document must contain a root element$/],
    ['an entity no one declared', '<a>&x;</a>', /^malformed XML at 1:6: undefined entity$/],
    ['a reference to no character', '<a>&#x110000;</a>', /^malformed XML at 1:13: malformed character entity$/],
    ['a second line', '<a>\n<b></a>', /^malformed XML at 2:\d+: unexpected close tag$/],
    ['nesting past 100 elements', `${'<a>'.repeat(101)}${'</a>'.repeat(101)}`, /^malformed XML at 1:\d+: nested deeper than 100 elements$/],
  ])('refuses %s, naming where', (_what, body, message) => {
    expect(() => parseXml(body)).toThrow(XmlError);
    expect(() => parseXml(body)).toThrow(message);
  });

  it('reads 100 levels of nesting', () => {
    expect(() => parseXml(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`)).not.toThrow();
  });
});
