import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { generatePadnext } from '../../bench/gen/padnext-generator';
import { billingFileWorkflowId } from '../../contracts/workflow-ids';
import type { FactorRunResult } from '../../contracts/factoring/factor-run';
import { ANSWER_COLUMNS } from '../../domain/factoring/factor-answer-file';
import { DEFAULT_REFINANCING_POLICY } from '../../domain/factoring/refinancing-policy';
import type { FactorRow } from '../../persistence/factoring/factors';
import type { Tariff } from '../../prisma/generated/client';
import { onServer } from './collection-kit';
import type { Harness } from './harness';

/** A factor of its own (folders) for one test, registered as staff do. */
export async function newFactor(h: Harness): Promise<FactorRow> {
  const id = `F-${randomUUID().slice(0, 8)}`;
  const factor = { name: `Refinanz ${id} GmbH`, inboxFolder: `/factors/${id}/inbox`, outboxFolder: `/factors/${id}/outbox`, doneFolder: `/factors/${id}/done`, active: true };
  const res = await h.api('verwaltung').put(`/api/factoring/factors/${id}`).send(factor);
  if (res.status !== 201) throw new Error(`factor not registered: ${res.status} ${JSON.stringify(res.body)}`);
  return { id, ...factor };
}

/**
 * At least `n` claims of a new client of `tariff` whose contract lets the centre sell them on, once
 * purchased and invoiced: every claim of the billing file (the generator makes a few cases the
 * intake rejects, so it is asked for more).
 */
export async function purchasedClaims(h: Harness, n: number, tariff: Tariff = 'SOFORTFACTORING') {
  const client = await h.client(tariff, { paymentTerm: '1 hour', refinancing: { ...DEFAULT_REFINANCING_POLICY, sell: true } });
  const file = generatePadnext({ cases: n + 4, seed: Math.floor(Math.random() * 1e6), clientId: client.id });
  const res = await h.api().post(`/api/clients/${client.id}/billing-files`).query({ fileName: file.padxName }).set('Content-Type', 'application/xml').send(file.padx);
  await h.temporal.workflow.getHandle(billingFileWorkflowId(res.body.submissionId)).result();
  const where = { submissionId: res.body.submissionId };
  const all = await h.db.claim.count({ where });
  if (all < n) throw new Error(`the billing file made ${all} claims, not ${n}`);
  await h.eventually('claims purchased and invoiced', async () => ((await h.db.claim.count({ where: { ...where, purchased: true, dueDate: { not: null } } })) === all ? true : undefined));
  return h.db.claim.findMany({ where, orderBy: { id: 'asc' }, include: { responsible: true } });
}

/** A run for one factor started through REST, to its result. */
export async function runFor(h: Harness, factorId: string, key: string): Promise<FactorRunResult> {
  const res = await h.api('verwaltung').post('/api/factoring/runs').set('Idempotency-Key', key).send({ factorId });
  if (res.status !== 202) throw new Error(`run not started: ${res.status} ${JSON.stringify(res.body)}`);
  return h.temporal.workflow.getHandle(res.body.workflowId).result();
}

/** An answer file as the factor's software exports it (docs/refinancing-factor.md). */
export function answerCsv(lines: string[]): Buffer {
  return Buffer.from([Object.values(ANSWER_COLUMNS).join(';'), ...lines, `ENDE;${lines.length}`, ''].join('\r\n'), 'utf8');
}

/** Puts a file into a folder on the partners' server, as the factor's software would. */
export function putFile(folder: string, name: string, content: Buffer): Promise<void> {
  return onServer(async (sftp, base) => {
    await sftp.mkdir(path.posix.join(base, folder), true);
    await sftp.put(content, path.posix.join(base, folder, name));
  });
}

/** A file's content on the partners' server. */
export function readFile(folder: string, name: string): Promise<string> {
  return onServer(async (sftp, base) => ((await sftp.get(path.posix.join(base, folder, name))) as Buffer).toString('utf8'));
}
