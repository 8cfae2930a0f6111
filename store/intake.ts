import { randomUUID } from 'node:crypto';
import { parseBillingFile } from '../domain/intake/parse-billing-file';
import type { IntakePerson, IntakeRecord, RecordError } from '../domain/intake/types';
import { priceRecord, PricedLine } from '../domain/goae/validate-record';
import { formatInvoiceNumber } from '../domain/invoice-number';
import type { Db } from '../infra/db/prisma';
import type { Prisma } from '../prisma/generated/client';
import { bulkInsert, ColumnType } from '../persistence/bulk-insert';
import { readSubmissionContent } from './submission-content';
import type { IntakeCounts } from '../contracts/intake/billing-file-result';

/** Records are persisted in chunks: one transaction each, so a retry resumes after the last one. */
const CHUNK = 500;

function personRow(p: IntakePerson) {
  return {
    id: randomUUID(),
    salutation: p.salutation ?? null,
    title: p.title ?? null,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate ?? null,
    street: p.address.street,
    postalCode: p.address.postalCode,
    city: p.address.city,
    country: p.address.country,
    email: p.email ?? null,
  };
}

const PERSON_COLUMNS: Record<string, ColumnType> = {
  id: 'text', salutation: 'text', title: 'text', firstName: 'text', lastName: 'text', birthDate: 'text',
  street: 'text', postalCode: 'text', city: 'text', country: 'text', email: 'text',
};
const CLAIM_COLUMNS: Record<string, ColumnType> = {
  id: 'text', clientId: 'text', submissionId: 'text', externalId: 'text', doctorExternalId: 'text', doctorName: 'text',
  patientId: 'text', responsibleId: 'text', treatmentFrom: 'text', treatmentTo: 'text', diagnosis: 'text',
  inpatientReduction: 'text', totalCents: 'int4', updatedAt: 'timestamp',
};
const LINE_COLUMNS: Record<string, ColumnType> = {
  id: 'text', claimId: 'text', lineNo: 'int4', kind: 'text', code: 'text', text: 'text', date: 'text', points: 'int4',
  factor: 'numeric', count: 'int4', justification: 'text', analogDescription: 'text', unitCents: 'int4',
  reductionCents: 'int4', amountCents: 'int4',
};
const RECORD_COLUMNS: Record<string, ColumnType> = {
  id: 'text', submissionId: 'text', recordNo: 'int4', externalId: 'text', outcome: { enum: 'RecordOutcome' },
  errors: 'jsonb', raw: 'jsonb', claimId: 'text',
};

type Outcome =
  | { kind: 'rejected'; recordNo: number; externalId?: string; errors: RecordError[]; raw: unknown }
  /** The case was submitted before: as a claim (claimId) or earlier in this same file. */
  | { kind: 'duplicate'; recordNo: number; externalId: string; claimId?: string; reason: string }
  | { kind: 'accepted'; record: IntakeRecord; lines: PricedLine[]; totalCents: number };

/** A claim as stored by intake: what it takes to start its workflow. */
export interface PersistedClaim {
  id: string;
  clientId: string;
}

/** One chunk committed: how many of the file's records are done, and the claims it created. */
export interface PersistedChunk {
  recordsDone: number;
  claims: PersistedClaim[];
}

async function persistChunk(db: Db, submissionId: string, clientId: string, fileName: string, outcomes: Outcome[]): Promise<PersistedClaim[]> {
  const accepted = outcomes.filter((o): o is Extract<Outcome, { kind: 'accepted' }> => o.kind === 'accepted');
  return db.$transaction(
    async (tx) => {
      const numbers = accepted.length
        ? await tx.$queryRaw<Array<{ n: bigint }>>`SELECT nextval('invoice_number_seq') AS n FROM generate_series(1, ${accepted.length})`
        : [];
      const persons: ReturnType<typeof personRow>[] = [];
      const claims: Prisma.ClaimCreateManyInput[] = [];
      const lines: Prisma.ClaimLineCreateManyInput[] = [];
      const records: Prisma.SubmissionRecordCreateManyInput[] = [];
      accepted.forEach((o, i) => {
        const r = o.record;
        const patient = personRow(r.patient);
        const responsible = r.responsible ? personRow(r.responsible) : patient;
        persons.push(patient);
        if (responsible !== patient) persons.push(responsible);
        const claimId = formatInvoiceNumber(Number(numbers[i].n));
        claims.push({
          id: claimId,
          clientId,
          submissionId,
          externalId: r.externalId,
          doctorExternalId: r.doctor.id,
          doctorName: r.doctor.name,
          patientId: patient.id,
          responsibleId: responsible.id,
          treatmentFrom: r.treatmentFrom,
          treatmentTo: r.treatmentTo,
          diagnosis: r.diagnosis ?? null,
          inpatientReduction: r.inpatientReduction,
          totalCents: o.totalCents,
          updatedAt: new Date(),
        });
        o.lines.forEach((l, n) =>
          lines.push({
            id: randomUUID(),
            claimId,
            lineNo: n + 1,
            kind: l.kind,
            code: l.code ?? null,
            text: l.text,
            date: l.date,
            points: l.points ?? null,
            factor: l.factor ?? null,
            count: l.count,
            justification: l.justification ?? null,
            analogDescription: l.analogDescription ?? null,
            unitCents: l.unitCents ?? null,
            reductionCents: l.reductionCents,
            amountCents: l.amountCents,
          }),
        );
        records.push({ id: randomUUID(), submissionId, recordNo: r.recordNo, externalId: r.externalId, outcome: 'ACCEPTED', claimId });
      });
      for (const o of outcomes) {
        if (o.kind === 'rejected') {
          records.push({ id: randomUUID(), submissionId, recordNo: o.recordNo, externalId: o.externalId ?? null, outcome: 'REJECTED', errors: o.errors as unknown as Prisma.InputJsonValue, raw: (o.raw ?? null) as Prisma.InputJsonValue });
        } else if (o.kind === 'duplicate') {
          records.push({ id: randomUUID(), submissionId, recordNo: o.recordNo, externalId: o.externalId, outcome: 'DUPLICATE', claimId: o.claimId ?? null, errors: [{ file: fileName, record: o.recordNo, field: 'externalId', reason: o.reason }] });
        }
      }
      await bulkInsert(tx, 'Person', PERSON_COLUMNS, persons);
      await bulkInsert(tx, 'Claim', CLAIM_COLUMNS, claims);
      await bulkInsert(tx, 'ClaimLine', LINE_COLUMNS, lines);
      await bulkInsert(tx, 'SubmissionRecord', RECORD_COLUMNS, records);
      return claims.map((c) => ({ id: c.id, clientId }));
    },
    { timeout: 60_000 },
  );
}

/**
 * Parses, validates, prices and persists a billing file record by record; every record's outcome
 * is stored. Resumable: records already stored (an earlier attempt) are skipped. onChunk hears of
 * each committed chunk, so its claims can be started while the next chunk is persisted.
 */
export async function ingestSubmission(db: Db, submissionId: string, onChunk: (chunk: PersistedChunk) => void = () => undefined, chunkSize = CHUNK): Promise<IntakeCounts> {
  const sub = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
  if (sub.status === 'RECEIVED') {
    const parsed = parseBillingFile(await readSubmissionContent(db, submissionId), sub.fileName);
    if (parsed.fileErrors.length > 0) {
      await db.submission.update({ where: { id: submissionId }, data: { status: 'REJECTED', fileErrors: parsed.fileErrors as unknown as Prisma.InputJsonValue, processedAt: new Date() } });
    } else {
      const done = new Set((await db.submissionRecord.findMany({ where: { submissionId }, select: { recordNo: true } })).map((r) => r.recordNo));
      const todo = parsed.records.filter((r) => !done.has(r.ok ? r.record.recordNo : r.recordNo));
      const seenInFile = new Map<string, number>();
      // One chunk is written while the next is priced: PostgreSQL and Node work at the same time.
      let writing: Promise<void> = Promise.resolve();
      for (let i = 0; i < todo.length; i += chunkSize) {
        const chunk = todo.slice(i, i + chunkSize);
        const ids = chunk.flatMap((r) => (r.ok ? [r.record.externalId] : []));
        const existing = new Map(
          (await db.claim.findMany({ where: { clientId: sub.clientId, externalId: { in: ids } }, select: { id: true, externalId: true } })).map((c) => [c.externalId, c.id]),
        );
        const outcomes: Outcome[] = chunk.map((r) => {
          if (!r.ok) return { kind: 'rejected', recordNo: r.recordNo, externalId: r.externalId, errors: r.errors, raw: null };
          const rec = r.record;
          const earlierClaim = existing.get(rec.externalId);
          if (earlierClaim) return { kind: 'duplicate', recordNo: rec.recordNo, externalId: rec.externalId, claimId: earlierClaim, reason: `case ${rec.externalId} was already submitted as claim ${earlierClaim}` };
          const earlierRecord = seenInFile.get(rec.externalId);
          if (earlierRecord) return { kind: 'duplicate', recordNo: rec.recordNo, externalId: rec.externalId, reason: `case ${rec.externalId} appears already as record ${earlierRecord} of this file` };
          const priced = priceRecord(rec, sub.fileName);
          if (!priced.ok) return { kind: 'rejected', recordNo: rec.recordNo, externalId: rec.externalId, errors: priced.errors, raw: rec };
          seenInFile.set(rec.externalId, rec.recordNo);
          return { kind: 'accepted', record: rec, lines: priced.lines, totalCents: priced.totalCents };
        });
        await writing;
        writing = persistChunk(db, submissionId, sub.clientId, sub.fileName, outcomes).then((claims) => onChunk({ recordsDone: i + chunk.length, claims }));
        // Awaited at the next chunk or below; until then a failure must not count as unhandled.
        writing.catch(() => undefined);
      }
      await writing;
      const counts = await db.submissionRecord.groupBy({ by: ['outcome'], where: { submissionId }, _count: true });
      const count = (o: string) => counts.find((c) => c.outcome === o)?._count ?? 0;
      await db.submission.update({
        where: { id: submissionId },
        data: { status: 'PROCESSED', acceptedCount: count('ACCEPTED'), rejectedCount: count('REJECTED'), duplicateCount: count('DUPLICATE'), processedAt: new Date() },
      });
    }
  }
  const final = await db.submission.findUniqueOrThrow({ where: { id: submissionId } });
  return { accepted: final.acceptedCount, rejected: final.rejectedCount, duplicates: final.duplicateCount };
}
