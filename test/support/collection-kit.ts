import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { billingFileWorkflowId, claimWorkflowId } from '../../contracts/workflow-ids';
import { claimStateQuery } from '../../contracts/claims/claim-messages';
import type { LawyerFeedbackResult } from '../../contracts/collection/lawyer-feedback-result';
import { FEEDBACK_COLUMNS } from '../../domain/collection/lawyer-feedback-file';
import { DEFAULT_COLLECTION_POLICY } from '../../domain/claims/collection-policy';
import type { Policy } from '../../domain/policy';
import { connectSftp, type SftpTarget } from '../../infra/sftp';
import type { LawyerRow } from '../../persistence/collection/lawyers';
import { claimBalance } from '../../persistence/ledger';
import { openCents } from '../../domain/ledger/claim-balance';
import type { Tariff } from '../../prisma/generated/client';
import { randomIban } from '../fixtures/bank-import/bank-test-kit';
import { accountBalances, unbalancedEntries } from './ledger-checks';
import type { Harness } from './harness';

/** The collection SFTP server (handoffs and the lawyers' folders): the real OpenSSH server of the test environment. */
export const collectionSftp = () => JSON.parse(process.env.CF_TEST_SFTP!) as SftpTarget;

/** One reminder a second apart, then the lawyer; the collection period is long enough for the lawyer to report. */
export const COLLECTION_TEST_POLICY: Partial<Policy> = {
  paymentTerm: '1s',
  reminderLevels: 1,
  reminderInterval: '1s',
  reminderFeesCents: [250],
  collectionPeriod: '1 hour',
  // The client's answer to the collection request is not waited for: the policy pursues after a second.
  collection: { ...DEFAULT_COLLECTION_POLICY, answerWithin: '1s', defaultAnswer: 'pursue', silencePeriod: '1 hour' },
};

export interface CollectionClaim {
  id: string;
  clientId: string;
  /** What the debtor owes at handoff (principal and the dunning fee), from the ledger. */
  openCents: number;
}

/** `n` claims of a new client of `tariff`, dunned and handed to the lawyer. */
export async function claimsInCollection(h: Harness, tariff: Tariff, n: number, policy: Partial<Policy> = {}): Promise<CollectionClaim[]> {
  const client = await h.client(tariff, { ...COLLECTION_TEST_POLICY, ...policy });
  const file = generatePadnext({ cases: n + 4, seed: Math.floor(Math.random() * 1e6), clientId: client.id });
  const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  const claims = (await h.db.claim.findMany({ where: { submissionId: res.body.submissionId }, orderBy: { id: 'asc' } })).slice(0, n);
  const ids = claims.map((c) => c.id);
  await h.eventually('claims handed to the lawyer', async () => {
    const handedOver = await h.db.document.count({ where: { idempotencyKey: { in: ids.map((id) => `collection:${id}`) }, status: 'SENT' } });
    return handedOver === n ? true : undefined;
  });
  return Promise.all(claims.map(async (c) => ({ id: c.id, clientId: c.clientId, openCents: openCents(await claimBalance(h.db, c.id)) })));
}

/** A lawyer of its own (IBAN and folders) for one test, registered as staff do. */
export async function newLawyer(h: Harness): Promise<LawyerRow> {
  const id = `RA-${randomUUID().slice(0, 8)}`;
  const lawyer = { name: `Kanzlei ${id}`, iban: randomIban(), outboxFolder: `/lawyers/${id}/outbox`, doneFolder: `/lawyers/${id}/done` };
  const res = await h.api('verwaltung').put(`/api/collection/lawyers/${id}`).send(lawyer);
  if (res.status !== 201) throw new Error(`lawyer not registered: ${res.status} ${JSON.stringify(res.body)}`);
  return { id, ...lawyer };
}

/** A feedback file as the lawyer's software exports it (docs/lawyer-exchange.md). */
export function feedbackCsv(lines: string[]): Buffer {
  return Buffer.from([Object.values(FEEDBACK_COLUMNS).join(';'), ...lines, `ENDE;${lines.length}`, ''].join('\r\n'), 'utf8');
}

/** "123,45": cents as the lawyer writes euros. */
export const euro = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

export async function onServer<T>(fn: (sftp: Awaited<ReturnType<typeof connectSftp>>, base: string) => Promise<T>): Promise<T> {
  const target = collectionSftp();
  const sftp = await connectSftp(target);
  try {
    return await fn(sftp, target.baseDir);
  } finally {
    await sftp.end();
  }
}

/** Puts a file into the lawyer's outbox, as the lawyer's software would. */
export function putFeedback(lawyer: LawyerRow, name: string, content: Buffer): Promise<void> {
  return onServer(async (sftp, base) => {
    await sftp.mkdir(path.posix.join(base, lawyer.outboxFolder), true);
    await sftp.put(content, path.posix.join(base, lawyer.outboxFolder, name));
  });
}

/** The names in one of the lawyer's folders. */
export function folderNames(folder: string): Promise<string[]> {
  return onServer(async (sftp, base) => {
    const dir = path.posix.join(base, folder);
    return (await sftp.exists(dir)) ? (await sftp.list(dir)).map((e) => e.name).sort() : [];
  });
}

/** One run of the feedback workflow, as the Schedule starts it, to its result. */
export function readFeedbackNow(h: Harness): Promise<LawyerFeedbackResult[]> {
  return h.temporal.workflow.execute('lawyerFeedbackWorkflow', { workflowId: `lawyer-feedback-test-${randomUUID()}`, taskQueue: h.services.deps.queues.claims, args: [] });
}

export const claimState = (h: Harness, claimId: string) => h.temporal.workflow.getHandle(claimWorkflowId(claimId)).query(claimStateQuery);
export const claimResult = (h: Harness, claimId: string) => h.temporal.workflow.getHandle(claimWorkflowId(claimId)).result();

/** Every entry of the claims balances; returns the claims' account balances to assert on. */
export async function reconciledBalances(h: Harness, claimIds: string[]): Promise<Record<string, number>> {
  expect(await unbalancedEntries(h.db, claimIds)).toBe(0);
  const balances = await accountBalances(h.db, claimIds);
  expect(Object.values(balances).reduce((s, v) => s + v, 0)).toBe(0);
  return balances;
}
