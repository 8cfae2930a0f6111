import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { isOrderFile, pairDeliveryFiles, readBillingDelivery, deliverySha256, type DeliveryFile } from '../../domain/intake/billing-delivery';
import { fileNotices } from '../../domain/intake/file-notices';
import { parseBillingFile } from '../../domain/intake/parse-billing-file';
import { sha256Hex } from '../../domain/sha256';
import { DEFAULT_INTAKE_POLICY } from '../../domain/intake/intake-policy';
import { checkBillingDelivery } from '../../services/intake/check-billing-file';
import { zipArchive } from '../support/zip-archive';

/** A PADneXt delivery as a practice system writes it: the billing file and its order file. */
const g = generatePadnext({ cases: 4, seed: 31, clientId: 'K2201' });
const PADX = Buffer.from(g.padx, 'utf8');
const billing: DeliveryFile = { name: g.padxName, content: PADX };
const orderOf = (xml: string): DeliveryFile => ({ name: g.aufName, content: Buffer.from(xml, 'utf8') });
const ORDER = orderOf(g.auf);
const LIMITS = DEFAULT_INTAKE_POLICY.deliveryZip;
const parsePair = (b: DeliveryFile, o: DeliveryFile) => parseBillingFile(b.content, b.name, o);
const reasons = (errors: Array<{ field: string; reason: string }>) => errors.map((e) => `${e.field}: ${e.reason}`);

describe('telling the files of a delivery apart', () => {
  it('knows an order file by its root element, whatever its name, prefix or BOM', () => {
    expect(isOrderFile(ORDER.content)).toBe(true);
    expect(isOrderFile(PADX)).toBe(false);
    const prefixed = `\uFEFF<?xml version="1.0"?>\n<!-- PAD Comfort 3.1 -->\n<pad:auftrag xmlns:pad="http://padinfo.de/ns/pad" transfernr="1">`;
    expect(isOrderFile(Buffer.from(prefixed))).toBe(true);
    expect(isOrderFile(Buffer.from('fall_id;arzt_id\nauftrag;1\n'))).toBe(false);
  });

  it('pairs one billing file with its order file in either sequence, and refuses anything else naming the files', () => {
    for (const files of [[billing, ORDER], [ORDER, billing]]) {
      const r = pairDeliveryFiles(files, 'upload');
      expect(r).toEqual({ ok: true, delivery: { billing, order: ORDER } });
    }
    expect(pairDeliveryFiles([billing], 'upload')).toEqual({ ok: true, delivery: { billing, order: undefined } });
    const second = { name: 'zweite_padx.xml', content: PADX };
    expect(pairDeliveryFiles([billing, second, ORDER], 'ZIP d.zip')).toEqual({
      ok: false,
      location: 'ZIP d.zip',
      reason: `holds 2 billing files (${g.padxName}, zweite_padx.xml): a delivery is one billing file with at most one order file (*_auf.xml)`,
    });
    expect(pairDeliveryFiles([ORDER], 'upload')).toMatchObject({ ok: false, reason: expect.stringMatching(/^holds only the order file .*_auf\.xml and no billing file/) });
    expect(pairDeliveryFiles([billing, ORDER, { ...ORDER, name: 'b_auf.xml' }], 'upload')).toMatchObject({ ok: false, reason: expect.stringMatching(/^holds 2 order files/) });
  });

  it('a repeated delivery has the same identity; a single file keeps its plain SHA-256', () => {
    expect(deliverySha256({ billing })).toBe(sha256Hex(PADX));
    expect(deliverySha256({ billing, order: ORDER })).toBe(deliverySha256({ billing: { ...billing }, order: { ...ORDER } }));
    expect(deliverySha256({ billing, order: ORDER })).not.toBe(sha256Hex(PADX));
  });
});

describe('checking the billing file against its order file', () => {
  it('accepts a pair whose length and SHA-1 agree', () => {
    const parsed = parsePair(billing, ORDER);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.notices).toBeUndefined();
    expect(parsed.records.filter((r) => r.ok).length).toBe(g.cases.filter((c) => c.consent).length);
  });

  it('refuses a truncated billing file naming the order file, the field and both values', () => {
    const cut = PADX.subarray(0, PADX.length - 200);
    const parsed = parsePair({ ...billing, content: cut }, ORDER);
    const sha1 = createHash('sha1').update(cut).digest('hex');
    const stated = createHash('sha1').update(PADX).digest('hex');
    expect(parsed.records).toEqual([]);
    expect(reasons(parsed.fileErrors)).toEqual([
      `order.datei.dateilaenge.laenge: order file ${g.aufName}: states laenge="${PADX.length}" bytes, the billing file has ${cut.length} bytes: transfer incomplete or altered`,
      `order.datei.dateilaenge.pruefsumme: order file ${g.aufName}: states SHA-1 pruefsumme="${stated}", the billing file's SHA-1 is ${sha1}: transfer incomplete or altered`,
    ]);
    expect(parsed.fileErrors.every((e) => e.file === g.padxName && e.record === 0)).toBe(true);
  });

  it('refuses an altered billing file of the same length by its SHA-1 alone', () => {
    const altered = Buffer.from(g.padx.replace(g.cases[0].patient.lastName, g.cases[0].patient.lastName.split('').reverse().join('')), 'utf8');
    expect(altered.length).toBe(PADX.length);
    expect(parsePair({ ...billing, content: altered }, ORDER).fileErrors.map((e) => e.field)).toEqual(['order.datei.dateilaenge.pruefsumme']);
  });

  it('accepts a billing file decrypted after transport although the order records PKCS#7, and says so', () => {
    const encrypted = orderOf(g.auf.replace('verfahren="0" idcert="keine"', 'verfahren="1" idcert="PVS-2025-0042"'));
    const parsed = parsePair(billing, encrypted);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.notices).toEqual([{ field: 'order.verschluesselung', reason: expect.stringMatching(/records PKCS#7 encryption \(verfahren="1"\); the billing file arrived decrypted and matches/) }]);
    expect(fileNotices(parsed, 0, 0)).toEqual([expect.objectContaining({ file: g.padxName, record: 0, field: 'order.verschluesselung' })]);
    // Still encrypted: a DER-encoded PKCS#7 envelope, not XML.
    const der = Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x10, 0x06, 0x09]), Buffer.alloc(300, 0xa7)]);
    expect(reasons(parsePair({ ...billing, content: der }, encrypted).fileErrors)).toEqual([
      `order.verschluesselung: order file ${g.aufName}: records PKCS#7 encryption (verfahren="1") and the billing file is not XML: it is still encrypted, decrypt it before the upload`,
    ]);
  });

  it('refuses a damaged order file: replacement characters, an encoding its bytes contradict, malformed XML', () => {
    const withName = g.auf.replace('<produkt>claimflow-bench</produkt>', '<produkt>Praxis Müller Abrechnung</produkt>');
    const lossy = parsePair(billing, orderOf(withName.replace('ü', '\uFFFD')));
    expect(reasons(lossy.fileErrors)).toEqual([expect.stringMatching(/^order\.encoding: order file .*_auf\.xml: damaged: a U\+FFFD replacement character at line 2, column \d+ \(characters were lost/)]);

    const declaredLatin = orderOf(withName.replace('encoding="UTF-8"', 'encoding="ISO-8859-15"'));
    expect(reasons(parsePair(billing, declaredLatin).fileErrors)).toEqual([`order.encoding: order file ${g.aufName}: damaged: the file declares ISO-8859-15, but its bytes are UTF-8: read as UTF-8`]);

    const latinBytes = { name: g.aufName, content: iconv.encode(withName, 'latin1') };
    expect(reasons(parsePair(billing, latinBytes).fileErrors)).toEqual([`order.encoding: order file ${g.aufName}: damaged: the bytes are not valid UTF-8`]);

    const malformed = orderOf(g.auf.replace('</datei>', '</dat>'));
    expect(reasons(parsePair(billing, malformed).fileErrors)).toEqual([expect.stringMatching(/^order\.xml: order file .*: not well-formed XML at line 2, column \d+/)]);
  });

  it('refuses an order file that lists another billing file, or states no checksum', () => {
    const other = g.auf.replace('</auftrag>', `<datei id="2" erstellungsdatum="2025-01-15T10:00:00"><dokumententyp>PADneXt</dokumententyp><name>zweite_padx.xml</name><dateilaenge laenge="1" pruefsumme="${'0'.repeat(40)}"/></datei></auftrag>`);
    const renamed = { ...billing, name: 'umbenannt_padx.xml' };
    expect(reasons(parsePair(renamed, orderOf(other)).fileErrors)).toEqual([`order.datei: order file ${g.aufName}: lists 2 PADneXt files ('${g.padxName}', 'zweite_padx.xml'), none named 'umbenannt_padx.xml'`]);
    // With one listed file the name may differ (practices rename files); the bytes must match.
    expect(parsePair(renamed, ORDER).fileErrors).toEqual([]);
    const noSum = orderOf(g.auf.replace(/ pruefsumme="[0-9a-f]+"/, ''));
    expect(reasons(parsePair(billing, noSum).fileErrors)).toEqual([`order.datei.dateilaenge: order file ${g.aufName}: <dateilaenge> must state laenge and pruefsumme (SHA-1); it states laenge="${PADX.length}" and no pruefsumme`]);
  });

  it('refuses an order file beside a CSV billing file', () => {
    const csv = { name: 'abrechnung.csv', content: Buffer.from('fall_id;arzt_id\n1;A\n') };
    expect(reasons(parsePair(csv, ORDER).fileErrors)).toEqual([`order: the order file ${g.aufName} accompanies a CSV file: order files belong to PADneXt billing files only`]);
  });
});

describe('a ZIP delivery', () => {
  it('is unpacked and paired, folders and a Mac’s resource forks left aside', async () => {
    const zip = zipArchive([
      { name: 'lieferung/', content: Buffer.alloc(0) },
      { name: `lieferung/${g.aufName}`, content: ORDER.content },
      { name: `lieferung/${g.padxName}`, content: PADX },
      { name: `__MACOSX/lieferung/._${g.padxName}`, content: Buffer.from([0, 5, 22, 7]) },
    ]);
    const reading = await readBillingDelivery([{ name: 'lieferung.zip', content: zip }], LIMITS);
    expect(reading).toEqual({ ok: true, delivery: { billing, order: ORDER } });
    const check = await checkBillingDelivery([{ name: 'lieferung.zip', content: zip }], LIMITS);
    expect(check.fileErrors).toEqual([]);
    expect(check.records).toHaveLength(4);
  });

  it('refuses a zip bomb, too many entries, a path leaving the archive and an unreadable archive, by place and reason', async () => {
    const read = (content: Buffer, limits = LIMITS) => readBillingDelivery([{ name: 'd.zip', content }], limits);
    const bomb = zipArchive([{ name: g.padxName, content: Buffer.alloc(4096) }, { name: 'bomb.xml', content: Buffer.alloc(4096) }]);
    expect(await read(bomb, { maxEntries: 10, maxUncompressedBytes: 6000 })).toEqual({ ok: false, location: 'd.zip: ZIP entry bomb.xml', reason: 'the archive unpacks to more than 6000 bytes' });
    const lying = zipArchive([{ name: g.padxName, content: Buffer.alloc(100_000), declaredSize: 1000 }]);
    expect(await read(lying)).toMatchObject({ ok: false, location: `d.zip: ZIP entry ${g.padxName}`, reason: expect.stringMatching(/^cannot be unpacked: /) });
    const many = zipArchive(Array.from({ length: 11 }, (_, i) => ({ name: `${i}.xml`, content: PADX })));
    expect(await read(many)).toEqual({ ok: false, location: 'd.zip: ZIP', reason: '11 entries, more than the 10 a delivery may hold' });
    const escaping = zipArchive([{ name: `../../${g.padxName}`, content: PADX }, { name: g.aufName, content: ORDER.content }]);
    expect(await read(escaping)).toMatchObject({ ok: false, location: 'd.zip: ZIP', reason: expect.stringMatching(/invalid relative path/) });
    expect(await read(zipArchive([{ name: g.padxName, content: PADX }]).subarray(0, 100))).toMatchObject({ ok: false, reason: expect.stringMatching(/^not a readable ZIP archive/) });
    expect(await read(zipArchive([{ name: 'a_auf.xml', content: ORDER.content }]))).toMatchObject({ ok: false, location: 'ZIP d.zip', reason: expect.stringMatching(/^holds only the order file a_auf\.xml/) });
  });

  it('a mismatch inside a ZIP is refused as in a plain upload', async () => {
    const cut = PADX.subarray(0, 1000);
    const check = await checkBillingDelivery([{ name: 'd.zip', content: zipArchive([{ name: g.padxName, content: cut }, { name: g.aufName, content: ORDER.content }]) }], LIMITS);
    expect(check.fileErrors.map((e) => e.field)).toEqual(['order.datei.dateilaenge.laenge', 'order.datei.dateilaenge.pruefsumme']);
    expect(check.records).toEqual([]);
  });
});
