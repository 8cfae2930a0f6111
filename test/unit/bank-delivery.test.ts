import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BankFileError } from '../../domain/bank/bank-line';
import { DEFAULT_BANK_FILE_LIMITS, type BankFileLimits } from '../../domain/bank/bank-import-policy';
import { parseBankFile } from '../../domain/bank/parse-bank-file';
import { readBankDelivery } from '../../domain/bank/read-bank-delivery';
import { parseWithinDeadline } from '../../services/bank/parse-within-deadline';
import { zipArchive } from '../support/zip-archive';

/** Deliveries as a whole: CAMT files in a ZIP, and the parse bounded in time on a thread of its own. */
const FIXTURES = path.resolve(__dirname, '../fixtures/bank');
const CAMT = readFileSync(path.join(FIXTURES, 'camt053-cases.xml'));
const MT940 = readFileSync(path.join(FIXTURES, 'mt940-sparkasse-latin1.sta'));
const OFX = readFileSync(path.join(FIXTURES, 'ofx1-sgml-cp1252.ofx'));

async function rejection(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    if (e instanceof BankFileError) return `${e.fileName}: ${e.location}: ${e.reason}`;
    throw e;
  }
  throw new Error('the delivery was accepted');
}

const limits = (over: Partial<BankFileLimits> = {}) => ({ ...DEFAULT_BANK_FILE_LIMITS, ...over });

describe('a ZIP of CAMT files', () => {
  it('gives the statements of every entry, each line naming its entry', async () => {
    const single = parseBankFile('a.xml', CAMT);
    const zip = zipArchive([
      { name: '2026-11-19.xml', content: CAMT },
      { name: 'folder/', content: Buffer.alloc(0) },
      { name: 'folder/2026-11-20.xml', content: CAMT },
    ]);
    const delivery = await readBankDelivery('camt.zip', zip, limits());
    expect(delivery.format).toBe('camt.053');
    expect(delivery.statements).toHaveLength(2 * single.statements.length);
    expect(delivery.statements[0].lines.map((l) => l.source)).toEqual(single.statements[0].lines.map((l) => `2026-11-19.xml: ${l.source}`));
    expect(delivery.statements[2].lines.map(({ source, ...l }) => [l, source.startsWith('folder/2026-11-20.xml: ')])).toEqual(
      single.statements[0].lines.map(({ source: _, ...l }) => [l, true]),
    );
  });

  it('rejects the whole delivery naming the entry that cannot be read, or that is no CAMT', async () => {
    const broken = Buffer.from(CAMT.toString('utf8').replace('<Amt Ccy="EUR">5.90</Amt>', '<Amt Ccy="USD">5.90</Amt>'));
    expect(await rejection(readBankDelivery('camt.zip', zipArchive([{ name: 'a.xml', content: CAMT }, { name: 'b.xml', content: broken }]), limits()))).toBe(
      'camt.zip: ZIP entry b.xml: Stmt[1]/Ntry[4]/Amt: entry is in USD, the account in EUR',
    );
    expect(await rejection(readBankDelivery('camt.zip', zipArchive([{ name: 'a.xml', content: CAMT }, { name: 'b.sta', content: MT940 }]), limits()))).toBe(
      'camt.zip: ZIP entry b.sta: a ZIP delivery holds CAMT files only, this entry is mt940',
    );
    expect(await rejection(readBankDelivery('camt.zip', zipArchive([]), limits()))).toBe('camt.zip: ZIP: the archive holds no file');
    expect(await rejection(readBankDelivery('camt.zip', zipArchive([{ name: 'a.xml', content: CAMT }]).subarray(0, 200), limits()))).toMatch(/^camt\.zip: ZIP: not a readable ZIP archive: /);
  });

  it('is bounded against zip bombs: entries, unpacked bytes and false declared sizes', async () => {
    const three = zipArchive(['a', 'b', 'c'].map((n) => ({ name: `${n}.xml`, content: CAMT })));
    expect(await rejection(readBankDelivery('camt.zip', three, limits({ zipMaxEntries: 2 })))).toBe('camt.zip: ZIP: 3 entries, more than the 2 a delivery may hold');
    const zeros = zipArchive([{ name: 'a.xml', content: CAMT }, { name: 'bomb.xml', content: Buffer.alloc(CAMT.length * 4) }]);
    expect(await rejection(readBankDelivery('camt.zip', zeros, limits({ zipMaxUncompressedBytes: CAMT.length * 3 })))).toBe(
      `camt.zip: ZIP entry bomb.xml: the archive unpacks to more than ${CAMT.length * 3} bytes`,
    );
    const lying = zipArchive([{ name: 'bomb.xml', content: Buffer.alloc(1_000_000), declaredSize: 1000 }]);
    expect(await rejection(readBankDelivery('camt.zip', lying, limits()))).toMatch(/^camt\.zip: ZIP entry bomb\.xml: cannot be unpacked: .*(too many|size)/i);
  });
});

describe('the parse on a thread with a deadline', () => {
  it('reads a file and a ZIP, and answers a broken file with its BankFileError', async () => {
    expect(await parseWithinDeadline('umsaetze.ofx', OFX, limits())).toEqual(parseBankFile('umsaetze.ofx', OFX));
    expect((await parseWithinDeadline('camt.zip', zipArchive([{ name: 'a.xml', content: CAMT }]), limits())).statements).toHaveLength(2);
    const broken = Buffer.from(OFX.toString('latin1').replace('</SONRS>', ''), 'latin1');
    expect(await rejection(parseWithinDeadline('umsaetze.ofx', broken, limits()))).toBe('umsaetze.ofx: line 12: <SONRS> is not closed: </SIGNONMSGSRSV1> at line 12 closes its parent first');
  });

  it('rejects a file not read by the deadline', async () => {
    expect(await rejection(parseWithinDeadline('umsaetze.ofx', OFX, limits({ parseDeadlineMs: 1 })))).toBe(
      "umsaetze.ofx: file: not read within 0.001 s (the bank import's parse deadline): too large or malformed for the parser",
    );
  });
});
