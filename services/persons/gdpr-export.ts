import type { ServiceDeps } from '../service-deps';
import type { GdprExport } from '../../domain/persons/gdpr-export';
import { doesNotExist } from '../../domain/refusal';
import { personData } from '../../domain/persons/person-data';
import { renderGdprExportPdf } from '../../documents/gdpr-export';
import { createDb } from '../../infra/db/prisma';
import { configuredCentre } from '../../infra/centre';
import { audit } from '../../persistence/audit';
import { personRecords, type PersonRecords } from '../../persistence/persons/person-records';

/** Art. 15 GDPR: everything held about a person, as JSON or as a PDF letter; each request is audited as a read. */
export function createGdprExport(deps: Pick<ServiceDeps, 'db' | 'centre'>) {
  const { db } = deps;
  async function gdprExport(personId: string, actor: string, format: 'json' | 'pdf') {
    const records = await personRecords(db, personId);
    if (!records) throw doesNotExist(`person ${personId}`);
    await db.$transaction((tx) => audit(tx, actor, 'gdpr_export', 'person', personId, { format }));
    return gdprExportOf(records, new Date());
  }
  return {
    exportJson: (personId: string, actor: string) => gdprExport(personId, actor, 'json'),
    async exportPdf(personId: string, actor: string) {
      return { pdf: await renderGdprExportPdf(deps.centre, await gdprExport(personId, actor, 'pdf')), fileName: `Auskunft_${personId}.pdf` };
    },
  };
}

export type GdprExportService = ReturnType<typeof createGdprExport>;

/** The export on its own database connection, for the command line; closed after `use`. */
export async function withGdprExport<T>(databaseUrl: string | undefined, use: (exports: GdprExportService) => Promise<T>): Promise<T> {
  const db = createDb(databaseUrl, 2);
  try {
    return await use(createGdprExport({ db, centre: configuredCentre() }));
  } finally {
    await db.$disconnect();
  }
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The person's records as the Art. 15 export shows them. */
export function gdprExportOf(r: PersonRecords, exportedAt: Date): GdprExport {
  const p = r.person;
  return {
    exportedAt: exportedAt.toISOString(),
    person: {
      id: p.id,
      ...personData(p),
      emailConsent: p.emailConsent,
      fax: p.fax,
      restrictedAt: iso(p.restrictedAt),
      restrictionReason: p.restrictionReason,
      anonymisedAt: iso(p.anonymisedAt),
      createdAt: p.createdAt.toISOString(),
    },
    claims: r.claims.map((c) => ({
      id: c.id,
      roles: [...(c.patientId === p.id ? (['patient'] as const) : []), ...(c.responsibleId === p.id ? (['responsible'] as const) : [])],
      client: c.client.name,
      doctorName: c.doctorName,
      treatmentFrom: c.treatmentFrom,
      treatmentTo: c.treatmentTo,
      diagnosis: c.diagnosis,
      totalCents: c.totalCents,
      stage: c.stage,
      outcome: c.outcome,
      invoiceDate: iso(c.invoiceDate),
      dueDate: iso(c.dueDate),
      lines: c.lines.map((l) => ({ lineNo: l.lineNo, date: l.date, code: l.code, text: l.text, count: l.count, amountCents: l.amountCents })),
    })),
    letters: r.letters.map((d) => ({ documentNumber: d.id, kind: d.kind, claimId: d.claimId, channel: d.channel, recipient: d.recipient, subject: d.subject, status: d.status, createdAt: d.createdAt.toISOString(), sentAt: iso(d.sentAt) })),
    payments: r.payments.map((m) => ({ id: m.id, claimId: m.claimId, amountCents: m.amountCents, receivedAt: m.receivedAt.toISOString(), source: m.source, reference: m.reference })),
    auditEntries: r.auditEntries.map((e) => ({ id: e.id.toString(), at: e.at.toISOString(), actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, data: e.data, before: e.before, after: e.after })),
  };
}
