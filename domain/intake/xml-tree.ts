import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A minimal ordered element tree over fast-xml-parser's preserveOrder output. Order matters in
 * PADneXt (positionen is a mixed sequence of goziffer/auslagen/text) and element indexes make
 * precise error locations, so the plain object mode (which groups same-named siblings) is not used.
 */
export interface XmlNode {
  /** Local name, namespace prefix stripped. */
  name: string;
  prefix?: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Concatenated, trimmed character data of this element (not of its descendants). */
  text: string;
}

export type XmlParseResult = { ok: true; root: XmlNode; namespace?: string } | { ok: false; reason: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type OrderedEntry = Record<string, unknown> & { ':@'?: Record<string, string> };

function toNode(qualified: string, entry: OrderedEntry): XmlNode {
  const colon = qualified.indexOf(':');
  const node: XmlNode = {
    name: colon >= 0 ? qualified.slice(colon + 1) : qualified,
    prefix: colon >= 0 ? qualified.slice(0, colon) : undefined,
    attrs: {},
    children: [],
    text: '',
  };
  for (const [k, v] of Object.entries(entry[':@'] ?? {})) {
    // Attribute prefixes are dropped too (PADneXt attributes are unqualified), xmlns kept as is.
    const local = k.startsWith('xmlns') ? k : k.slice(k.indexOf(':') + 1);
    node.attrs[local] = String(v);
  }
  const texts: string[] = [];
  for (const child of (entry[qualified] as OrderedEntry[]) ?? []) {
    const key = Object.keys(child).find((k) => k !== ':@');
    if (key === undefined || key === '#comment') continue;
    if (key === '#text') texts.push(String(child['#text']));
    else node.children.push(toNode(key, child));
  }
  node.text = texts.join('').trim();
  return node;
}

export function parseXmlTree(xml: string): XmlParseResult {
  const start = xml.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) {
    return { ok: false, reason: `not XML: the content starts with '${start.slice(0, 20)}' instead of '<'` };
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { ok: false, reason: `not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  }
  let ordered: OrderedEntry[];
  try {
    ordered = parser.parse(xml) as OrderedEntry[];
  } catch (e) {
    return { ok: false, reason: `not well-formed XML: ${(e as Error).message}` };
  }
  const roots = ordered
    .map((entry) => ({ entry, key: Object.keys(entry).find((k) => k !== ':@') ?? '' }))
    .filter(({ key }) => key !== '' && !key.startsWith('#') && !key.startsWith('?'));
  if (roots.length !== 1) return { ok: false, reason: `not well-formed XML: expected one root element, found ${roots.length}` };
  const root = toNode(roots[0].key, roots[0].entry);
  const namespace = root.attrs[root.prefix ? `xmlns:${root.prefix}` : 'xmlns'];
  return { ok: true, root, namespace };
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Trimmed text of a named child; undefined when the element is absent, '' when empty. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  return child(node, name)?.text;
}
