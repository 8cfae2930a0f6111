import path from 'node:path';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { onSftpServer, testBankSftp } from '../support/sftp-session';
import { DEFAULT_BANK_IMPORT_POLICY } from '../../domain/bank/bank-import-policy';
import { sha256Hex } from '../../domain/sha256';
import { BANK_IMPORT_SCHEDULE_ID, ensureBankImportSchedule } from '../../services/scheduling/bank-import-schedule';
import { useHarness } from '../support/harness';
import { randomIban, ref, statement, waitingClaims, workflowResult } from '../fixtures/bank-import/bank-test-kit';

jest.setTimeout(180_000);

const h = useHarness();
const bank = testBankSftp();
const { inboxFolder, archiveFolder } = DEFAULT_BANK_IMPORT_POLICY;

const onServer = <T>(fn: Parameters<typeof onSftpServer<T>>[1]) => onSftpServer(bank, fn);
const folder = (f: string) => path.posix.join(bank.baseDir, f);
const put = (name: string, content: Buffer) =>
  onServer(async (sftp) => {
    await sftp.mkdir(folder(inboxFolder), true);
    await sftp.put(content, `${folder(inboxFolder)}/${name}`);
  });
const names = (f: string) => onServer(async (sftp) => ((await sftp.exists(folder(f))) ? (await sftp.list(folder(f))).map((e) => e.name) : []));

test('the daily schedule imports each new inbox file once, archives it (quarantined ones too), and a file seen again books nothing', async () => {
  const [claim] = await waitingClaims(h, 1, { paymentTerm: '1 hour' });
  const good = statement([{ amountCents: claim.totalCents, ref: ref(), name: claim.payer, iban: randomIban(), remittance: `Rechnung ${claim.id}` }]);
  const broken = Buffer.from('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>X</MsgId></GrpHdr></BkToCstmrStmt></Document>');
  const goodName = `auszug-${ref()}.xml`;
  const brokenName = `auszug-${ref()}-leer.xml`;
  await put(goodName, good);
  await put(brokenName, broken);

  await ensureBankImportSchedule(h.temporal, h.db, h.services.deps.queues.intake);
  // Registering again at the next start updates the one schedule instead of failing.
  await ensureBankImportSchedule(h.temporal, h.db, h.services.deps.queues.intake);
  const schedule = h.temporal.schedule.getHandle(BANK_IMPORT_SCHEDULE_ID);
  const described = await schedule.describe();
  expect(described.action).toMatchObject({ workflowType: 'sftpBankImportWorkflow', taskQueue: h.services.deps.queues.intake });
  await schedule.trigger();

  await h.eventually('both files archived', async () => ((await names(archiveFolder)).includes(goodName) && (await names(archiveFolder)).includes(brokenName) ? true : undefined));
  expect(await names(inboxFolder)).not.toEqual(expect.arrayContaining([goodName]));
  expect(await workflowResult(h, claim.id)).toBe('PAID');
  const imported = await h.db.bankStatementFile.findUniqueOrThrow({ where: { sha256: sha256Hex(good) } });
  expect(imported).toMatchObject({ status: 'IMPORTED', source: `sftp:${inboxFolder}/${goodName}`, lineCount: 1 });
  const quarantined = await h.db.bankStatementFile.findUniqueOrThrow({ where: { sha256: sha256Hex(broken) } });
  expect(quarantined.status).toBe('QUARANTINED');
  expect((quarantined.error as { reason: string }).reason).toMatch(/statement/i);
  const archivedEvents = await h.db.auditEvent.findMany({ where: { entityType: 'bank-file', action: 'archive', entityId: { in: [imported.id, quarantined.id] } } });
  expect(archivedEvents.map((e) => (e.data as { status: string }).status).sort()).toEqual(['IMPORTED', 'QUARANTINED']);

  // As after a crash between import and move: the same file is in the inbox again.
  await put(goodName, good);
  await schedule.trigger(ScheduleOverlapPolicy.BUFFER_ONE);
  await h.eventually('the repeated file archived beside the first', async () => ((await names(archiveFolder)).includes(`${goodName}.${imported.id}`) ? true : undefined));
  expect(await h.db.payment.count({ where: { claimId: claim.id } })).toBe(1);
  expect(await h.db.bankLine.count({ where: { fileId: imported.id } })).toBe(1);
  expect(await h.db.bankStatementFile.count({ where: { sha256: sha256Hex(good) } })).toBe(1);
});
