import fc from 'fast-check';
import iconv from 'iconv-lite';

/**
 * The damage a file suffers on its way from a practice or bank: cut off, bytes flipped, parts
 * doubled, lost or moved, re-encoded, nested without end, values blown up, and entity tricks that
 * try to pull content from outside the file. Positions are fractions of the file's length, so one
 * mutation applies to any seed file.
 */
export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; byte: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'drop'; at: number; length: number }
  | { op: 'move'; at: number; length: number; to: number }
  | { op: 'reencode'; as: 'latin1' | 'utf16le' | 'utf8-twice' }
  | { op: 'nest'; at: number; depth: number; tag: string }
  | { op: 'huge'; at: number; length: number }
  | { op: 'entity'; marker: 'system' | 'billion' };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });

export const mutationArb: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('truncate' as const), at: fraction }),
    fc.record({ op: fc.constant('flip' as const), at: fraction, byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('duplicate' as const), at: fraction, length: fraction }),
    fc.record({ op: fc.constant('drop' as const), at: fraction, length: fraction }),
    fc.record({ op: fc.constant('move' as const), at: fraction, length: fraction, to: fraction }),
    fc.record({ op: fc.constant('reencode' as const), as: fc.constantFrom('latin1' as const, 'utf16le' as const, 'utf8-twice' as const) }),
    fc.record({ op: fc.constant('nest' as const), at: fraction, depth: fc.integer({ min: 10, max: 20_000 }), tag: fc.constantFrom('OFX', 'STMTTRN', 'Ntry', 'rechnung', 'a', ':61:') }),
    fc.record({ op: fc.constant('huge' as const), at: fraction, length: fc.integer({ min: 1_000, max: 2_000_000 }) }),
    fc.record({ op: fc.constant('entity' as const), marker: fc.constantFrom('system' as const, 'billion' as const) }),
  ),
  { minLength: 1, maxLength: 3 },
);

/** Written into a file the entity tricks point at: it must never turn up in anything parsed. */
export const OUTSIDE_MARKER = 'CLAIMFLOW-OUTSIDE-FILE-7f3a91';

function span(b: Buffer, at: number, length: number): [number, number] {
  const start = Math.floor(at * b.length);
  return [start, Math.min(b.length, start + Math.max(1, Math.floor(length * (b.length - start) * 0.5)))];
}

function apply(b: Buffer, m: Mutation, outsideFile: string): Buffer {
  switch (m.op) {
    case 'truncate':
      return b.subarray(0, Math.floor(m.at * b.length));
    case 'flip': {
      const c = Buffer.from(b);
      if (c.length > 0) c[Math.min(c.length - 1, Math.floor(m.at * c.length))] = m.byte;
      return c;
    }
    case 'duplicate': {
      const [s, e] = span(b, m.at, m.length);
      return Buffer.concat([b.subarray(0, e), b.subarray(s, e), b.subarray(e)]);
    }
    case 'drop': {
      const [s, e] = span(b, m.at, m.length);
      return Buffer.concat([b.subarray(0, s), b.subarray(e)]);
    }
    case 'move': {
      const [s, e] = span(b, m.at, m.length);
      const rest = Buffer.concat([b.subarray(0, s), b.subarray(e)]);
      const to = Math.floor(m.to * rest.length);
      return Buffer.concat([rest.subarray(0, to), b.subarray(s, e), rest.subarray(to)]);
    }
    case 'reencode': {
      const text = b.toString('utf8');
      if (m.as === 'utf8-twice') return Buffer.from(Buffer.from(text, 'utf8').toString('latin1'), 'utf8');
      return iconv.encode(text, m.as);
    }
    case 'nest': {
      const at = Math.floor(m.at * b.length);
      const open = m.tag.startsWith(':') ? `${m.tag}\n`.repeat(m.depth) : `<${m.tag}>`.repeat(m.depth);
      return Buffer.concat([b.subarray(0, at), Buffer.from(open), b.subarray(at)]);
    }
    case 'huge': {
      const at = Math.floor(m.at * b.length);
      return Buffer.concat([b.subarray(0, at), Buffer.alloc(m.length, '9'), b.subarray(at)]);
    }
    case 'entity': {
      const text = b.toString('utf8');
      const decl = m.marker === 'system'
        ? `<!DOCTYPE x [<!ENTITY ext SYSTEM "file://${outsideFile}">]>`
        : `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>`;
      const ref = m.marker === 'system' ? '&ext;' : '&d;';
      // After the XML declaration (if any), and the reference in the first text content.
      const withDecl = /^\s*<\?xml[^>]*\?>/.test(text) ? text.replace(/^(\s*<\?xml[^>]*\?>)/, `$1${decl}`) : decl + text;
      return Buffer.from(withDecl.replace(/>([^<\s])/, `>${ref}$1`), 'utf8');
    }
  }
}

/** The seed with its mutations applied in order. */
export function mutate(seed: Buffer, mutations: Mutation[], outsideFile: string): Buffer {
  return mutations.reduce((b, m) => apply(b, m, outsideFile), seed);
}
