import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { main } from '../../cli/claimflow';
import { zipArchive } from '../support/zip-archive';

/** `claimflow check`: the dry run of an upload, on billing files and bank statements, storing nothing. */

const TESTDATA = path.resolve(__dirname, '../../../shared/testdata');
const BANK_FIXTURE = path.resolve(__dirname, '../fixtures/bank/camt053-cases.xml');
const BANK_MT940 = path.resolve(__dirname, '../fixtures/bank/mt940-sparkasse-latin1.sta');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimflow-check-'));

async function run(...args: string[]): Promise<{ exit: number; out: string[] }> {
  const out: string[] = [];
  const exit = await main(args, (l) => out.push(l));
  return { exit, out };
}

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

test('a billing file is priced record by record, as the upload would, with each line of each record', async () => {
  const g = generatePadnext({ cases: 6, seed: 5 });
  const file = writeFile(g.padxName, g.padx);
  const { exit, out } = await run('check', '--json', file);
  const check = JSON.parse(out[0]);
  expect(check.kind).toBe('billing-file');
  expect(check.fileErrors).toEqual([]);
  expect(check.records).toHaveLength(6);
  const accepted = check.records.filter((r: { ok: boolean }) => r.ok);
  // The generator leaves out consent for some patients: those records are rejected, the rest priced.
  expect(accepted.length).toBe(g.cases.filter((c) => c.consent).length);
  expect(exit).toBe(accepted.length === 6 ? 0 : 1);
  for (const r of accepted) {
    expect(r.lines.length).toBeGreaterThan(0);
    expect(r.totalCents).toBe(r.lines.reduce((s: number, l: { amountCents: number }) => s + l.amountCents, 0));
    // The generator states line totals only, not the invoice's aisendbetrag.
    expect(r.claimedTotalCents).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  }
});

test('the total a PADneXt invoice states is reported beside claimflow’s; a cent off is a warning, more rejects the record', async () => {
  const g = generatePadnext({ cases: 1, seed: 5 });
  const priced = JSON.parse((await run('check', '--json', writeFile('plain.padx.xml', g.padx))).out[0]).records[0];
  expect(priced.ok).toBe(true);
  const stating = (cents: number) => g.padx.replace(/<rechnung /, `<rechnung aisendbetrag="${(cents / 100).toFixed(2)}" `);
  const exact = JSON.parse((await run('check', '--json', writeFile('exact.padx.xml', stating(priced.totalCents)))).out[0]).records[0];
  expect(exact).toMatchObject({ ok: true, claimedTotalCents: priced.totalCents, totalCents: priced.totalCents, warnings: [] });
  const centOff = JSON.parse((await run('check', '--json', writeFile('cent.padx.xml', stating(priced.totalCents + 1)))).out[0]).records[0];
  expect(centOff).toMatchObject({ ok: true, claimedTotalCents: priced.totalCents + 1 });
  expect(centOff.warnings).toHaveLength(1);
  const euroOff = await run('check', '--json', writeFile('euro.padx.xml', stating(priced.totalCents + 100)));
  expect(JSON.parse(euroOff.out[0]).records[0]).toMatchObject({ ok: false, claimedTotalCents: priced.totalCents + 100 });
  expect(euroOff.exit).toBe(1);
});

test('a record that cannot be priced is named with its field and reason; the others stay accepted', async () => {
  const g = generatePadnext({ cases: 3, seed: 8 });
  // One GOÄ code no catalogue knows.
  const broken = g.padx.replace(/(<goziffer [^>]*ziffer=")[^"]+"/, '$19999x"');
  expect(broken).not.toBe(g.padx);
  const { exit, out } = await run('check', '--json', writeFile('broken.padx.xml', broken));
  const check = JSON.parse(out[0]);
  const rejected = check.records.filter((r: { ok: boolean }) => !r.ok);
  expect(rejected.length).toBeGreaterThanOrEqual(1);
  expect(rejected.every((r: { errors: unknown[] }) => r.errors.length > 0)).toBe(true);
  expect(exit).toBe(1);
  const readable = (await run('check', writeFile('broken2.padx.xml', broken))).out.join('\n');
  expect(readable).toMatch(/record \d+ \(case [^)]+\): \S+: /);
});

test('a file that is no billing file is rejected whole with exit 2', async () => {
  const { exit, out } = await run('check', '--json', writeFile('notes.txt', 'Liebe Praxis,\nanbei die Abrechnung.\n'));
  expect(JSON.parse(out[0]).fileErrors.length).toBeGreaterThan(0);
  expect(exit).toBe(2);
});

test('a bank statement is read into its statements with their sums and balances', async () => {
  const { exit, out } = await run('check', '--json', BANK_FIXTURE);
  const check = JSON.parse(out[0]);
  expect(check).toMatchObject({ kind: 'bank-file', format: 'camt.053' });
  expect(check.statements.length).toBeGreaterThan(0);
  expect(check.statements[0].lines).toBeGreaterThan(0);
  for (const s of check.statements) expect(s.openingCents + s.sumCents).toBe(s.closingCents);
  expect(exit).toBe(0);
});

test('a damaged bank statement answers where and why, with exit 2', async () => {
  const damaged = fs.readFileSync(BANK_FIXTURE, 'utf8').replace(/<\/Stmt>[\s\S]*$/, '');
  const { exit, out } = await run('check', '--json', writeFile('damaged.xml', damaged));
  const check = JSON.parse(out[0]);
  expect(check.kind).toBe('bank-file');
  expect(check.error.location).toBeTruthy();
  expect(check.error.reason).toBeTruthy();
  expect(exit).toBe(2);
});

test('a ZIP of CAMT files is read as the bank import reads it: every entry’s statements, or the entry that spoils the delivery', async () => {
  const camt = (name: string) => ({ name, content: fs.readFileSync(path.join(TESTDATA, 'camt/genkgo-camt/test-data', name)) });
  const single = await run('check', '--json', path.join(TESTDATA, 'camt/genkgo-camt/test-data/camt053.v2.with-account-name.xml'));
  const multi = await run('check', '--json', path.join(TESTDATA, 'camt/genkgo-camt/test-data/camt053.v2.multi.statement.xml'));
  const both = await run('check', '--json', writeFile('tagesauszuege.zip', zipArchive([camt('camt053.v2.with-account-name.xml'), camt('camt053.v2.multi.statement.xml')])));
  const zipped = JSON.parse(both.out[0]);
  expect(zipped).toMatchObject({ kind: 'bank-file', format: 'camt.053' });
  expect(zipped.statements).toEqual([...JSON.parse(single.out[0]).statements, ...JSON.parse(multi.out[0]).statements]);
  expect(both.exit).toBe(0);

  const mt940 = fs.readFileSync(BANK_MT940);
  const mixed = await run('check', '--json', writeFile('gemischt.zip', zipArchive([camt('camt053.v2.with-account-name.xml'), { name: 'konto.sta', content: mt940 }])));
  expect(JSON.parse(mixed.out[0])).toEqual({ file: path.join(dir, 'gemischt.zip'), kind: 'bank-file', error: { location: 'ZIP entry konto.sta', reason: expect.stringMatching(/CAMT files only/) } });
  expect(mixed.exit).toBe(2);
});

test('every third-party file of the shared test data gets a JSON verdict, never a crash', async () => {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.(xsd|md|tsv)$/.test(e.name)) files.push(p);
    }
  };
  walk(TESTDATA);
  expect(files.length).toBeGreaterThan(50);
  const { out } = await run('check', '--json', ...files);
  const checks = JSON.parse(out[0]) as Array<{ file: string; kind: string }>;
  expect(checks.map((c) => c.file)).toEqual(files);
  expect(checks.every((c) => c.kind === 'billing-file' || c.kind === 'bank-file')).toBe(true);
});

test('without a command or files it prints the usage and exits 2', async () => {
  expect((await run()).exit).toBe(2);
  expect((await run('check')).out.join('\n')).toContain('usage: claimflow check');
});

test('a billing file with its order file is checked as one delivery, in either sequence, and a ZIP of both the same', async () => {
  const g = generatePadnext({ cases: 3, seed: 12 });
  const padx = writeFile(g.padxName, g.padx);
  const auf = writeFile(g.aufName, g.auf);
  for (const args of [[padx, auf], [auf, padx]]) {
    const { exit, out } = await run('check', '--json', ...args);
    const check = JSON.parse(out[0]);
    expect(check).toMatchObject({ kind: 'billing-file', file: padx, orderFile: auf, fileErrors: [] });
    expect(check.records).toHaveLength(3);
    expect(exit).toBeLessThan(2);
  }
  const zip = writeFile('lieferung.zip', zipArchive([{ name: g.padxName, content: Buffer.from(g.padx) }, { name: g.aufName, content: Buffer.from(g.auf) }]));
  expect(JSON.parse((await run('check', '--json', zip)).out[0])).toMatchObject({ file: zip, fileErrors: [], records: [{}, {}, {}] });
});

test('a billing file that does not match its order file is rejected whole, naming the order file’s field and both values', async () => {
  const g = generatePadnext({ cases: 2, seed: 13 });
  const cut = writeFile(`cut_${g.padxName}`, g.padx.slice(0, -40));
  const { exit, out } = await run('check', cut, writeFile(g.aufName, g.auf));
  expect(exit).toBe(2);
  expect(out[0]).toMatch(/cut_.*_padx\.xml \(with order file .*_auf\.xml\): rejected whole/);
  expect(out[1]).toMatch(new RegExp(`order\\.datei\\.dateilaenge\\.laenge: order file .*: states laenge="${Buffer.byteLength(g.padx)}" bytes, the billing file has ${Buffer.byteLength(g.padx) - 40} bytes`));
  // An order file alone is no delivery.
  expect(JSON.parse((await run('check', '--json', writeFile('allein_auf.xml', g.auf))).out[0]).fileErrors[0].reason).toMatch(/^holds only the order file allein_auf\.xml and no billing file/);
});
