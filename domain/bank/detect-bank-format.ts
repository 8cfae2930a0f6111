/** Which reader a file needs, told from its content (file names and extensions lie). */
export type BankFileFamily = 'camt' | 'mt940' | 'ofx';

export type Detection = { ok: true; family: BankFileFamily } | { ok: false; reason: string };

export function detectBankFormat(text: string): Detection {
  const head = text.slice(0, 4096);
  if (/^\s*OFXHEADER:/.test(head) || /<\?OFX[\s?]|<OFX>/i.test(head)) return { ok: true, family: 'ofx' };
  if (/^\s*</.test(head)) {
    if (/urn:iso:std:iso:20022:tech:xsd:camt\.05[234]\.|<(\w+:)?BkToCstmr(Stmt|AcctRpt|DbtCdtNtfctn)[\s>]/.test(head)) return { ok: true, family: 'camt' };
    const root = /<([\w:.-]+)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''))?.[1];
    return { ok: false, reason: `XML, but neither an ISO 20022 camt.052/053/054 message nor OFX (root element <${root ?? '?'}>)` };
  }
  // SWIFT: an optional {1:...} header block, then tags such as :20: at the start of a line.
  if (/^[\s\x01]*\{1:/.test(head) || /(^|\n)[\x01]?:(20|25|28C?|60[FM]|61|86|NS):/.test(head)) return { ok: true, family: 'mt940' };
  const start = head.trimStart().slice(0, 30).replace(/\r?\n/g, '⏎');
  return { ok: false, reason: `not a bank statement: neither CAMT XML, MT940 nor OFX (the file starts with '${start}')` };
}
