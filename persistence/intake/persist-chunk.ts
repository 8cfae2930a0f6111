import { randomUUID } from 'node:crypto';
import type { IntakePerson } from '../../domain/intake/types';
import type { RecordOutcome } from '../../domain/intake/record-outcome';
import { formatInvoiceNumber } from '../../domain/invoice-number';
import type { Db } from '../../infra/db/prisma';
import type { Prisma } from '../../prisma/generated/client';
import { bulkInsert, ColumnType } from '../bulk-insert';

/** A claim as stored by intake: what it takes to start its workflow. */
export interface PersistedClaim {
  id: string;
  clientId: string;
}

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
    business: p.business ?? false,
  };
}

const PERSON_COLUMNS: Record<string, ColumnType> = {
  id: 'text', salutation: 'text', title: 'text', firstName: 'text', lastName: 'text', birthDate: 'text',
  street: 'text', postalCode: 'text', city: 'text', country: 'text', email: 'text', business: 'bool',
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

/**
 * Stores one chunk of a billing file's records in one transaction: the accepted ones as claims
 * (with invoice numbers, persons and priced lines), every one as a submission record with its
 * outcome. Returns the claims it created.
 */
export async function persistChunk(db: Db, submissionId: string, clientId: string, fileName: string, outcomes: RecordOutcome[]): Promise<PersistedClaim[]> {
  const accepted = outcomes.filter((o): o is Extract<RecordOutcome, { kind: 'accepted' }> => o.kind === 'accepted');
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
        // An accepted record's errors column holds its warnings (shown on the receipt, not blocking).
        const warnings = o.warnings.length ? { errors: o.warnings as unknown as Prisma.InputJsonValue } : {};
        records.push({ id: randomUUID(), submissionId, recordNo: r.recordNo, externalId: r.externalId, outcome: 'ACCEPTED', claimId, ...warnings });
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
