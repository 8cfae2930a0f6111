import type { Fail } from './read-statement';

/**
 * OFX body → element tree in one linear pass, for 1.x SGML (value elements without end tag) and
 * 2.x XML alike, each element with its line. Replaces ofx-js's parsing, whose SGML conversion
 * backtracks exponentially on a tag missing its '>' and whose recursive, slicing XML reader is
 * quadratic, overflows the stack on deep nesting and merges repeated elements.
 *
 * SGML leaves the end tag of a value element out. The OFX aggregates the reader walks are known
 * (an end tag missing from one of them is an error, not a guess); of other elements, one with a
 * value is a leaf, one never closed anywhere in the file an (empty) leaf, one with an end tag an
 * aggregate.
 */
export interface OfxNode {
  name: string;
  line: number;
  /** A leaf's value ('' when empty); undefined for an aggregate. */
  value?: string;
  children: OfxNode[];
}

interface Token {
  close: boolean;
  name: string;
  line: number;
  /** Text up to the next tag (entities decoded, CDATA taken literally), trimmed. */
  text: string;
  selfClosing: boolean;
}

/** The aggregates of OFX 1.6/2.x banking and credit-card statements (OFX spec, sections 2, 3, 11). */
const AGGREGATES = new Set(
  'OFX SIGNONMSGSRSV1 SONRS STATUS FI BANKMSGSRSV1 STMTTRNRS STMTRS BANKACCTFROM BANKACCTTO CCACCTFROM CCACCTTO BANKTRANLIST STMTTRN LEDGERBAL AVAILBAL BALLIST BAL CURRENCY ORIGCURRENCY PAYEE CREDITCARDMSGSRSV1 CCSTMTTRNRS CCSTMTRS CCSTMTENDRS INVSTMTMSGSRSV1 INVSTMTTRNRS INVSTMTRS MKTGINFO IMAGEDATA'.split(' '),
);

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9_.]*)(?:\s[^<>]*?)?(\/?)>/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

export function parseOfxTree(text: string, maxDepth: number, fail: Fail): { root: OfxNode; counts: Map<string, number> } {
  const start = /<OFX\s*>/i.exec(text);
  if (!start) return fail('file', 'no <OFX> element: the OFX body is missing');
  // Before the body only the header (SGML key:value lines, or XML and OFX declarations) may stand:
  // an element there would be read by nobody, and with it whatever money it names.
  const header = text.slice(0, start.index);
  const stray = /<(?![?!])[^>]*>?/.exec(header);
  if (stray) fail(`line ${header.slice(0, stray.index).split('\n').length}`, `'${stray[0].slice(0, 40)}' stands before the <OFX> body, in the file's header`);
  const tokens = tokenize(text, start.index, fail);
  return { root: buildTree(tokens, lastLine(text), maxDepth, fail), counts: countOpenTags(tokens) };
}

function tokenize(text: string, from: number, fail: Fail): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let scanned = 0;
  const lineAt = (pos: number) => {
    for (; scanned < pos; scanned++) if (text.charCodeAt(scanned) === 10) line++;
    return line;
  };
  let pos = from;
  let pending: Token | undefined;
  let stray = '';
  const addText = (t: string) => {
    if (pending) pending.text += t;
    else stray += t;
  };
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    addText(decodeEntities(text.slice(pos, lt < 0 ? text.length : lt)));
    if (lt < 0) break;
    if (!pending && stray.trim()) fail(`line ${lineAt(lt)}`, `text '${stray.trim().slice(0, 40)}' stands outside any value element`);
    stray = '';
    const section = special(text, lt);
    if (section) {
      const end = text.indexOf(section.end, lt + section.open.length);
      if (end < 0) fail(`line ${lineAt(lt)}`, `${section.what} is never closed ('${section.end}' missing)`);
      if (section.what === 'CDATA section') addText(text.slice(lt + section.open.length, end));
      pos = end + section.end.length;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) {
      const snippet = text.slice(lt, lt + 40).split(/[\r\n]/)[0];
      fail(`line ${lineAt(lt)}`, `malformed tag '${snippet}': expected <NAME> or </NAME> (a '>' missing?)`);
    }
    if (pending) pending.text = pending.text.trim();
    pending = { close: m[1] === '/', name: m[2], line: lineAt(lt), text: '', selfClosing: m[3] === '/' };
    tokens.push(pending);
    if (pending.close) pending = undefined;
    pos = TAG.lastIndex;
  }
  if (pending) pending.text = pending.text.trim();
  if (stray.trim()) fail(`line ${lineAt(text.length)}`, `text '${stray.trim().slice(0, 40)}' stands outside any value element`);
  return tokens;
}

function special(text: string, at: number): { open: string; end: string; what: string } | undefined {
  if (text.startsWith('<!--', at)) return { open: '<!--', end: '-->', what: 'comment' };
  if (text.startsWith('<![CDATA[', at)) return { open: '<![CDATA[', end: ']]>', what: 'CDATA section' };
  if (text.startsWith('<?', at)) return { open: '<?', end: '?>', what: 'processing instruction' };
  if (text.startsWith('<!', at)) return { open: '<!', end: '>', what: 'declaration' };
  return undefined;
}

/** XML entities; a bare '&' (common in SGML names such as "AT&T") stays as written. */
function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]{2,4});/g, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? whole;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function buildTree(tokens: Token[], endLine: number, maxDepth: number, fail: Fail): OfxNode {
  const withValue = new Set<string>();
  const closed = new Set<string>();
  for (const t of tokens) {
    if (t.close) closed.add(t.name);
    else if (t.text) withValue.add(t.name);
  }
  const top: OfxNode = { name: '', line: 0, children: [] };
  const stack: OfxNode[] = [top];
  const path = () => stack.slice(1).map((n) => n.name).join('/') || 'the top level';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const parent = stack[stack.length - 1];
    if (t.close) {
      if (parent.name === t.name) {
        stack.pop();
        continue;
      }
      if (stack.some((n) => n.name === t.name)) fail(`line ${parent.line}`, `<${parent.name}> is not closed: </${t.name}> at line ${t.line} closes its parent first`);
      fail(`line ${t.line}`, `</${t.name}> closes no open element (open: ${path()})`);
    }
    const node: OfxNode = { name: t.name, line: t.line, children: [] };
    parent.children.push(node);
    const next = tokens[i + 1];
    const closedRightAway = next?.close === true && next.name === t.name;
    if (t.text !== '' && AGGREGATES.has(t.name)) fail(`line ${t.line}`, `<${t.name}> holds the value '${t.text.slice(0, 40)}' where elements are expected`);
    const isLeaf = t.selfClosing || closedRightAway || (!AGGREGATES.has(t.name) && (t.text !== '' || withValue.has(t.name) || !closed.has(t.name)));
    if (isLeaf) {
      node.value = t.text;
      if (closedRightAway) i++;
      continue;
    }
    if (stack.length > maxDepth) fail(`line ${t.line}`, `elements nested deeper than ${maxDepth} levels (at ${path()}/${t.name})`);
    stack.push(node);
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1];
    fail(`line ${open.line}`, `<${open.name}> is never closed (the file ends at line ${endLine})`);
  }
  if (top.children.length !== 1) fail(`line ${top.children[1].line}`, `<${top.children[1].name}> follows the closed <OFX> element`);
  return top.children[0];
}

function countOpenTags(tokens: Token[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) if (!t.close) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  return counts;
}

function lastLine(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Every element of a name anywhere below `root`, in document order (iterative: depth is bounded, but no recursion anyway). */
export function descendants(root: OfxNode, name: string): OfxNode[] {
  const found: OfxNode[] = [];
  const todo: OfxNode[] = [root];
  while (todo.length) {
    const node = todo.pop()!;
    if (node.name === name && node !== root) found.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i]);
  }
  return found;
}
