import { collectionFile } from '../../documents/collection-file';
import { collectionManifest } from '../../documents/collection-manifest';
import { personData } from '../../domain/persons/person-data';
import { renderDocument } from '../../documents/render-document';
import { isoDayOf } from '../../domain/interest/calendar-day';
import { sha256Hex } from '../../domain/sha256';
import { uploadOnce } from '../../infra/sftp';
import { claimPapers, handoffParties } from '../../persistence/claims/handoff-data';
import { loadStatementOfAccount } from '../../persistence/claims/statement-of-account';
import { loadStatementOfClaim } from '../../persistence/documents/claim-document-data';
import type { DocumentsService } from '../documents/documents-service';
import type { ServiceDeps } from '../service-deps';
import type { ClaimInterestService } from './claim-interest';


/**
 * Hands the claim to the lawyer (docs/lawyer-handoff.md): in the claim's folder of the lawyer's
 * SFTP inbox, the papers sent so far and the statement of claim as PDFs, the statement of account
 * as CSV, and `claim.json` last (debtor, creditor, statement of account with interest to today,
 * the documents with their SHA-256). Once per claim: every file is uploaded once by name, and the
 * manifest is archived under the claim's key and marked sent when all of it is there.
 */
export function collectionHandoff(deps: Pick<ServiceDeps, 'db' | 'centre' | 'collectionSftp'>, documents: DocumentsService, interest: ClaimInterestService) {
  const { db, centre, collectionSftp } = deps;
  return async (claimId: string): Promise<void> => {
    const key = `collection:${claimId}`;
    if (await documents.sentUnder(key)) return;
    await interest.accrue(claimId, `handoff:${claimId}`);
    const today = isoDayOf(new Date());
    const c = await handoffParties(db, claimId);
    const account = await loadStatementOfAccount(db, claimId, today);
    const folder = `collection/${c.client.number}/${claimId}`;
    const put = (name: string, content: Buffer) => uploadOnce(collectionSftp, `${folder}/${name}`, content);

    const listed = [];
    for (const [i, paper] of (await claimPapers(db, claimId)).entries()) {
      const file = `${String(i + 1).padStart(2, '0')}_${paper.fileName ?? `${paper.kind}.pdf`}`;
      await put(file, await documents.content(paper));
      listed.push({ file, kind: paper.kind, date: paper.createdAt.toISOString(), sha256: paper.sha256 });
    }
    const statement = await renderDocument(await loadStatementOfClaim(db, claimId, centre));
    await put('Forderungsaufstellung.pdf', statement.pdf);
    listed.push({ file: 'Forderungsaufstellung.pdf', kind: 'STATEMENT_OF_CLAIM', date: today, sha256: sha256Hex(statement.pdf) });
    const debtorName = `${c.responsible.firstName} ${c.responsible.lastName}`;
    const dates = { invoiceDate: c.invoiceDate?.toISOString() ?? null, dueDate: c.dueDate?.toISOString() ?? null };
    await put(`${claimId}.csv`, collectionFile({ claim: { invoiceNumber: c.id, patientName: `${c.patient.firstName} ${c.patient.lastName}`, invoiceDate: dates.invoiceDate ?? today, dueDate: dates.dueDate ?? today }, debtorName, dunningLevel: c.dunningLevel, open: account.open }));

    const manifest = collectionManifest({
      handedOverAt: today,
      claim: { invoiceNumber: c.id, ...dates, defaultSince: c.defaultSince ? isoDayOf(c.defaultSince) : null, treatmentFrom: c.treatmentFrom, treatmentTo: c.treatmentTo, doctorName: c.doctorName, dunningLevel: c.dunningLevel, totalCents: c.totalCents },
      creditor: { kind: c.purchased ? 'centre' : 'client', clientNumber: c.client.number, clientName: c.client.name },
      debtor: personData(c.responsible),
      patient: { firstName: c.patient.firstName, lastName: c.patient.lastName, birthDate: c.patient.birthDate },
      statementOfAccount: account,
      documents: listed,
    });
    await put('claim.json', manifest);
    await documents.archive(
      { idempotencyKey: key, kind: 'COLLECTION_HANDOFF', claimId, clientId: c.clientId },
      { channel: 'sftp', recipient: `${collectionSftp.host}:${folder}/` },
      { subject: `Abgabe an den Rechtsanwalt ${claimId}`, mimeType: 'application/json', fileName: 'claim.json', content: manifest },
    );
    await documents.markSent(key);
  };
}
