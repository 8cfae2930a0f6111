import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The ISO 20022 schema the payout runs' files must satisfy (../shared/testdata). */
export const PAIN_001_001_09_XSD = path.resolve(__dirname, '../../../shared/testdata/sepa-schema/pain.001.001.09.xsd');

/** Validates a pain.001.001.09 document with xmllint against the XSD; `output` names what is wrong. */
export function validatePain001(xml: string | Buffer): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pain001-'));
  try {
    const file = path.join(dir, 'file.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', PAIN_001_001_09_XSD, file], { encoding: 'utf8' });
    if (r.error) throw r.error;
    return { ok: r.status === 0, output: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures a test checks in a file: counts and control sums of both levels, the transfers. */
export function pain001Figures(xml: string) {
  const all = (tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
  return {
    msgId: all('MsgId')[0],
    nbOfTxs: all('NbOfTxs'),
    ctrlSum: all('CtrlSum'),
    endToEndIds: all('EndToEndId'),
    amounts: all('InstdAmt'),
    ibans: all('IBAN'),
  };
}
