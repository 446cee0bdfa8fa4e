import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * Reading XML safely and strictly, with saxes (a conformance-checking XML 1.0 parser): no
 * DOCTYPE at all (so no entity can be declared, expanded or fetched), any document that is not
 * well-formed refused with its line and column, and nesting bounded. saxes decodes the five
 * predefined entities and character references itself, so the values read here are final.
 *
 * The tree keeps what the codecs read: element local names (namespace prefixes dropped),
 * attributes by local name under `@_`, text trimmed. An element with neither attributes nor
 * child elements is its text ('' when empty); others are objects holding `#text` when they
 * have text. Of repeated elements the first is kept.
 */

export type XmlNode = string | { readonly [key: string]: XmlNode | undefined };

export class XmlError extends Error {}

/** Far deeper than any SOAP request the model knows (about ten levels), far shallower than a stack. */
const MAX_DEPTH = 100;

interface Open {
  readonly node: Record<string, XmlNode | undefined>;
  readonly name: string;
  text: string;
  hasChildren: boolean;
  readonly hasAttributes: boolean;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Plain objects (a null prototype makes V8 keep them as dictionaries, a quarter slower to
 * read here): a key is set as an own property even when it is __proto__, and read only when own.
 */
function put(node: Record<string, XmlNode | undefined>, key: string, value: XmlNode): void {
  if (key === '__proto__') Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  else node[key] = value;
}

function own(node: { readonly [key: string]: XmlNode | undefined }, key: string): XmlNode | undefined {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

/** The element as the tree holds it once closed: its text alone, or an object. */
function closed(open: Open): XmlNode {
  const text = open.text.trim();
  if (!open.hasChildren && !open.hasAttributes) return text;
  if (text !== '') open.node['#text'] = text;
  return open.node;
}

/**
 * The document, or an XmlError saying what is wrong with it (with its line and column). Any
 * error on strange input becomes an XmlError, so a codec answers it as a malformed request and
 * never as a crash.
 */
export function parseXml(text: string): XmlNode {
  if (/<!DOCTYPE/i.test(text)) throw new XmlError('a DOCTYPE is not allowed');
  const root: Record<string, XmlNode | undefined> = {};
  const stack: Open[] = [{ node: root, name: '', text: '', hasChildren: false, hasAttributes: false }];
  const parser = new SaxesParser({ xmlns: false });
  // Thrown from a handler, an error stops the parse there: nothing more of the text is read.
  parser.on('error', (e) => {
    throw new XmlError(`malformed XML at ${e.message.replace(/\.$/, '')}`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (stack.length > MAX_DEPTH) throw new XmlError(`malformed XML at ${parser.line}:${parser.column}: nested deeper than ${MAX_DEPTH} elements`);
    const node: Record<string, XmlNode | undefined> = {};
    let hasAttributes = false;
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      put(node, `@_${localName(name)}`, value);
      hasAttributes = true;
    }
    stack[stack.length - 1].hasChildren = true;
    stack.push({ node, name: localName(tag.name), text: '', hasChildren: false, hasAttributes });
  });
  const addText = (t: string) => {
    stack[stack.length - 1].text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const open = stack.pop() as Open;
    const parent = stack[stack.length - 1].node;
    if (own(parent, open.name) === undefined) put(parent, open.name, closed(open));
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof XmlError) throw e;
    throw new XmlError(`unreadable XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  return root;
}

/** A child element by local name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  return own(node, name);
}

/** Whether the element is there at all (an empty element reads as ''). */
export function has(node: XmlNode | undefined, name: string): boolean {
  return node !== undefined && typeof node !== 'string' && own(node, name) !== undefined;
}

export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  const t = own(node, '#text');
  return typeof t === 'string' ? t : undefined;
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const v = own(node, `@_${name}`);
  return typeof v === 'string' ? v : undefined;
}

/** Names of the child elements, attributes and text left out. */
export function elementNames(node: XmlNode | undefined): string[] {
  if (node === undefined || typeof node === 'string') return [];
  return Object.keys(node).filter((k) => !k.startsWith('@_') && k !== '#text');
}
