import { SaxesParser } from 'saxes';

/**
 * Reading XML safely and strictly, with saxes (a conformance-checking XML 1.0 parser): no
 * DOCTYPE at all (so no entity can be declared, expanded or fetched), any document that is not
 * well-formed refused with its line and column, and nesting bounded. saxes decodes the five
 * predefined entities and character references itself, so the values read here are final.
 *
 * The tree keeps what the codecs read: element local names (namespace prefixes dropped),
 * attributes by local name, text trimmed. An element with neither attributes nor child
 * elements is its text ('' when empty); others are XmlElements. Of repeated elements the first
 * is kept.
 */

/**
 * An element with attributes or child elements. Children and attributes are Maps, so a name
 * such as `__proto__` or `constructor` is an element like any other and nothing is inherited.
 */
export class XmlElement {
  readonly children = new Map<string, XmlNode>();
  readonly attributes = new Map<string, string>();
  text = '';
}

export type XmlNode = string | XmlElement;

export class XmlError extends Error {}

/** Far deeper than any SOAP request the model knows (about ten levels), far shallower than a stack. */
const MAX_DEPTH = 100;

interface Open {
  readonly element: XmlElement;
  readonly name: string;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** The element as the tree holds it once closed: its text alone, or the element. */
function closed(element: XmlElement): XmlNode {
  element.text = element.text.trim();
  return element.children.size === 0 && element.attributes.size === 0 ? element.text : element;
}

/**
 * The document, or an XmlError saying what is wrong with it (with its line and column). Any
 * error on strange input becomes an XmlError, so a codec answers it as a malformed request and
 * never as a crash.
 */
export function parseXml(text: string): XmlNode {
  if (/<!DOCTYPE/i.test(text)) throw new XmlError('a DOCTYPE is not allowed');
  const root = new XmlElement();
  const stack: Open[] = [{ element: root, name: '' }];
  const parser = new SaxesParser({ xmlns: false });
  // Thrown from a handler, an error stops the parse there: nothing more of the text is read.
  parser.on('error', (e) => {
    throw new XmlError(`malformed XML at ${e.message.replace(/\.$/, '')}`);
  });
  // An element is made and stacked when its tag opens, and takes its attributes one by one as
  // they are read: no loop over saxes's attribute object (saxes refuses a repeated attribute
  // before the tag is complete).
  let opening = root;
  parser.on('opentagstart', (tag) => {
    if (stack.length > MAX_DEPTH) throw new XmlError(`malformed XML at ${parser.line}:${parser.column}: nested deeper than ${MAX_DEPTH} elements`);
    opening = new XmlElement();
    stack.push({ element: opening, name: localName(tag.name) });
  });
  parser.on('attribute', ({ name, value }) => {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) opening.attributes.set(localName(name), value);
  });
  const addText = (t: string) => {
    stack[stack.length - 1].element.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const open = stack.pop() as Open;
    const parent = stack[stack.length - 1].element;
    if (!parent.children.has(open.name)) parent.children.set(open.name, closed(open.element));
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
  return node instanceof XmlElement ? node.children.get(name) : undefined;
}

/** Whether the element is there at all (an empty element reads as ''). */
export function has(node: XmlNode | undefined, name: string): boolean {
  return node instanceof XmlElement && node.children.has(name);
}

export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  return node.text !== '' ? node.text : undefined;
}

export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  return node instanceof XmlElement ? node.attributes.get(name) : undefined;
}

/** Names of the child elements, in document order. */
export function elementNames(node: XmlNode | undefined): string[] {
  return node instanceof XmlElement ? [...node.children.keys()] : [];
}
