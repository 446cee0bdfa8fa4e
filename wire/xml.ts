import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reading XML safely: no DOCTYPE at all (so no entity can be declared, expanded or fetched),
 * entity processing off in the parser, and only the five predefined entities and character
 * references decoded by hand in the text values the codec reads.
 */

export type XmlNode = string | { readonly [key: string]: XmlNode | undefined };

export class XmlError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/**
 * The document, or an XmlError saying what is wrong with it. Any error the validator or the
 * parser throws on strange input (nesting deeper than the parser allows, say) becomes an
 * XmlError too, so a codec answers it as a malformed request and never as a crash.
 */
export function parseXml(text: string): XmlNode {
  if (/<!DOCTYPE/i.test(text)) throw new XmlError('a DOCTYPE is not allowed');
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new XmlError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
    return parser.parse(text) as XmlNode;
  } catch (e) {
    if (e instanceof XmlError) throw e;
    throw new XmlError(`unreadable XML: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, e: string) => {
    if (e.startsWith('#')) {
      const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // A reference to no character (past U+10FFFF) stays as written rather than throwing.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[e] ?? whole;
  });
}

/** A child element by local name (the first, if repeated). */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node[name];
  return Array.isArray(value) ? (value[0] as XmlNode | undefined) : value;
}

/** Whether the element is there at all (an empty element parses as ''). */
export function has(node: XmlNode | undefined, name: string): boolean {
  return node !== undefined && typeof node !== 'string' && node[name] !== undefined;
}

export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return unescape(node);
  const t = node['#text'];
  return typeof t === 'string' ? unescape(t) : undefined;
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const v = node[`@_${name}`];
  return typeof v === 'string' ? unescape(v) : undefined;
}

/** Names of the child elements, attributes and text left out. */
export function elementNames(node: XmlNode | undefined): string[] {
  if (node === undefined || typeof node === 'string') return [];
  return Object.keys(node).filter((k) => !k.startsWith('@_') && k !== '#text');
}
