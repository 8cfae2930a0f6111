import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Fail } from './read-statement';

/**
 * CAMT XML → plain objects (fast-xml-parser), and the few accessors the CAMT reader needs.
 * Namespace prefixes are dropped (versions 001.02–001.08+ share element names), values stay
 * strings (an amount must never pass through a float, an id never lose its leading zeros), and
 * the elements that repeat are always arrays so one and many read alike.
 */
export type XmlNode = Record<string, unknown>;

const REPEATED = new Set(['Stmt', 'Rpt', 'Ntfctn', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'RfrdDocInf', 'AddtlRmtInf']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

export function parseXml(text: string, fail: Fail): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) fail(`line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML: ${validatorMessage(valid.err.msg)}`);
  return parser.parse(text) as XmlNode;
}

/** The validator reports unclosed elements as a JSON list; say what it means (a truncated file). */
function validatorMessage(msg: string): string {
  const unclosed = /^Invalid '\[([\s\S]*)\]' found\.$/.exec(msg);
  if (!unclosed) return msg;
  const names = unclosed[1].split(',').map((n) => n.trim().replace(/^"|"$/g, ''));
  return `the file ends before ${names.map((n) => `<${n}>`).join(', ')} ${names.length > 1 ? 'are' : 'is'} closed (truncated?)`;
}

const isNode = (v: unknown): v is XmlNode => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first element along a path of child names (arrays are entered at their first item). */
export function child(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const name of path) {
    if (Array.isArray(current)) current = current[0];
    if (!isNode(current)) return undefined;
    current = current[name];
  }
  return Array.isArray(current) ? current[0] : current;
}

/** Trimmed text of an element (with or without attributes); undefined when absent or empty. */
export function text(node: unknown, ...path: string[]): string | undefined {
  const v = path.length ? child(node, ...path) : node;
  const s = isNode(v) ? v['#text'] : v;
  return typeof s === 'string' && s !== '' ? s : undefined;
}

export function attribute(node: unknown, name: string): string | undefined {
  return isNode(node) && typeof node[`@${name}`] === 'string' ? (node[`@${name}`] as string) : undefined;
}

/** All occurrences of a repeated child element. */
export function children(node: unknown, name: string): unknown[] {
  const v = isNode(node) ? node[name] : undefined;
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function elementNames(node: unknown): string[] {
  return isNode(node) ? Object.keys(node).filter((k) => !k.startsWith('@') && k !== '#text' && !k.startsWith('?')) : [];
}
