import type { InpatientReduction, IntakePerson, IntakeRecord, ParsedBillingFile, ParsedRecord } from './types';
import { decodeXml } from './decode';
import type { DeliveryFile } from './billing-delivery';
import { checkOrderFile } from './padnext-order';
import { consentFromInstruction } from './padnext-consent';
import { mapPersonNames, mapAddress, mapRecipient, samePerson } from './padnext-persons';
import { mapPositions, normaliseReduction } from './padnext-positions';
import { RecordErrors, fileError } from './record-errors';
import { parseXsdAmount, parseXsdDate } from './values';
import { child, childText, childrenNamed, parseXmlTree, type XmlNode } from './xml-tree';

/**
 * PADneXt 2.12 billing data file (*_padx.xml, root <rechnungen>, message type ADL) → IntakeRecords.
 *
 * One record per <rechnung>/<abrechnungsfall>, numbered 1.. across the file in document order.
 * externalId is rechnung/@id (the id the practice system gets back in receipts), suffixed "-k"
 * when a rechnung holds several cases. Only <humanmedizin> cases (GOÄ) are accepted.
 * Error fields are normalised IntakeRecord paths (patient.lastName, lines[2].factor, lines 1-based);
 * every reason ends with the XML location, e.g. (at rechnung[3]/abrechnungsfall[1]/humanmedizin/...).
 */
export const PADNEXT_NAMESPACE = 'http://padinfo.de/ns/pad';

/** behandlungsart values under § 6a GOÄ: stationär, stationäre Mitbehandlung, vor-/nachstationär. */
const INPATIENT_KINDS = new Set(['1', '2', '3', '4']);

interface Doctor {
  id: string;
  name: string;
}

export function parsePadnext(padxXml: string | Buffer, fileName: string, order?: DeliveryFile): ParsedBillingFile {
  const result: ParsedBillingFile = { format: 'padnext', fileName, records: [], fileErrors: [] };
  const fail = (field: string, reason: string) => ((result.fileErrors = [fileError(fileName, field, reason)]), result);

  // The order file vouches for the bytes as delivered: checked before they are read at all.
  if (order) {
    const checked = checkOrderFile(order, fileName, typeof padxXml === 'string' ? Buffer.from(padxXml, 'utf8') : padxXml);
    if (checked.errors.length) return (result.fileErrors = checked.errors), result;
    if (checked.notices.length) result.notices = checked.notices;
  }
  let xml: string;
  if (typeof padxXml === 'string') xml = padxXml;
  else {
    const decoded = decodeXml(padxXml);
    if (!decoded.ok) return fail('encoding', decoded.reason);
    xml = decoded.text;
    if (decoded.notice) result.notices = [...(result.notices ?? []), { field: 'encoding', reason: decoded.notice }];
  }

  const tree = parseXmlTree(xml);
  if (!tree.ok) return fail('xml', tree.reason);
  const root = tree.root;
  if (root.name !== 'rechnungen') {
    const hint = root.name === 'auftrag' ? ' (this is the order file *_auf.xml; send the billing data file *_padx.xml)' : '';
    return fail('root', `root element is <${root.name}>, expected <rechnungen> of PADneXt${hint}`);
  }
  if (tree.namespace !== PADNEXT_NAMESPACE) {
    return fail('root', `root element <rechnungen> is in namespace '${tree.namespace ?? '(none)'}', expected '${PADNEXT_NAMESPACE}'`);
  }
  const typ = childText(root, 'nachrichtentyp');
  if (typ !== 'ADL') return fail('nachrichtentyp', `<nachrichtentyp> is '${typ ?? '(missing)'}', expected 'ADL' (Abrechnungsdatenlieferung)`);
  const rechnungen = childrenNamed(root, 'rechnung');
  if (rechnungen.length === 0) return fail('rechnung', 'the file contains no <rechnung>');
  if (root.attrs.anzahl !== String(rechnungen.length)) {
    return fail('rechnungen.anzahl', `<rechnungen anzahl="${root.attrs.anzahl ?? ''}"> does not match the ${rechnungen.length} <rechnung> elements: file incomplete?`);
  }

  const doctors = new Map<string, Doctor>();
  for (const le of childrenNamed(root, 'leistungserbringer')) {
    const name = [childText(le, 'titel'), childText(le, 'vorname'), childText(le, 'name')].filter(Boolean).join(' ');
    // aisid is the practice system's stable doctor reference; @id may be per file.
    if (le.attrs.id) doctors.set(le.attrs.id, { id: le.attrs.aisid || le.attrs.id, name });
  }

  let recordNo = 0;
  rechnungen.forEach((rechnung, ri) => {
    const faelle = childrenNamed(rechnung, 'abrechnungsfall');
    if (faelle.length === 0) {
      recordNo += 1;
      const errs = new RecordErrors(fileName, recordNo);
      errs.add('record', `<rechnung> has no <abrechnungsfall> (at rechnung[${ri + 1}])`);
      result.records.push({ ok: false, recordNo, externalId: rechnung.attrs.id, errors: errs.list });
      return;
    }
    const firstPatient = child(faelle[0].children[0], 'behandelter');
    faelle.forEach((fall, fi) => {
      recordNo += 1;
      const at = `rechnung[${ri + 1}]/abrechnungsfall[${fi + 1}]`;
      const externalId = rechnung.attrs.id && faelle.length > 1 ? `${rechnung.attrs.id}-${fi + 1}` : rechnung.attrs.id;
      result.records.push(parseCase({ fileName, recordNo, rechnung, fall, at, externalId, doctors, firstPatient, invoiceCases: faelle.length, invoiceKey: `rechnung[${ri + 1}]` }));
    });
  });
  return result;
}

interface CaseContext {
  fileName: string;
  recordNo: number;
  rechnung: XmlNode;
  fall: XmlNode;
  at: string;
  externalId: string | undefined;
  doctors: Map<string, Doctor>;
  /** How many cases the rechnung holds: with one, its aisendbetrag is the case's total, else the sum of its cases'. */
  invoiceCases: number;
  /** The rechnung's place in the file: groups its cases for the total check. */
  invoiceKey: string;
  /** The spec lets later cases of a rechnung omit <behandelter> when it is the same patient. */
  firstPatient: XmlNode | undefined;
}

function parseCase(ctx: CaseContext): ParsedRecord {
  const { fileName, recordNo, rechnung, at } = ctx;
  const errs = new RecordErrors(fileName, recordNo);
  const failed = (): ParsedRecord => ({ ok: false, recordNo, externalId: ctx.externalId, errors: errs.list });
  if (!ctx.externalId) errs.add('externalId', `<rechnung> has no id attribute (at ${at.split('/')[0]}/@id)`);

  const hm = ctx.fall.children[0];
  if (hm?.name !== 'humanmedizin') {
    errs.add('record', `case type <${hm?.name ?? '(empty)'}> is not supported, only <humanmedizin> (GOÄ) (at ${at})`);
    return failed();
  }
  const hAt = `${at}/humanmedizin`;

  const positionen = child(hm, 'positionen');
  const mapped = positionen ? mapPositions(positionen, errs, `${hAt}/positionen`) : undefined;
  if (!positionen) errs.add('lines', `<positionen> is missing (at ${hAt}/positionen)`);
  else {
    const declared = positionen.attrs.posanzahl;
    if (declared !== String(positionen.children.length)) {
      errs.add('lines', `posanzahl="${declared ?? ''}" but <positionen> holds ${positionen.children.length} positions (at ${hAt}/positionen/@posanzahl)`);
    }
    const billable = positionen.children.filter((p) => p.name !== 'text' && p.attrs.berechnung !== 'K');
    if (billable.length === 0) errs.add('lines', `the case has no billable GOÄ position or expense (at ${hAt}/positionen)`);
  }

  const doctor = resolveDoctor(hm, mapped?.doctorIds ?? [], ctx.doctors, errs, hAt);
  const { patient, responsible } = resolvePeople(ctx, hm, errs, hAt);

  const consent = consentFromInstruction(childText(rechnung, 'abrechnungsanweisung'));
  if (!consent.ok) errs.add('consent', `${consent.reason} (at ${at.split('/')[0]}/abrechnungsanweisung)`);

  const inpatientReduction = resolveReduction(hm, mapped?.reductions ?? [], errs, hAt);

  const zeitraum = child(hm, 'zeitraum');
  const lineDates = (mapped?.lines ?? []).map((l) => l.date).filter(Boolean).sort();
  const treatmentFrom = zeitraumDate(zeitraum, 'startdatum', 'treatmentFrom', errs, hAt) ?? lineDates[0];
  const treatmentTo = zeitraumDate(zeitraum, 'endedatum', 'treatmentTo', errs, hAt) ?? lineDates[lineDates.length - 1];
  if (treatmentFrom && treatmentTo && treatmentTo < treatmentFrom) {
    errs.add('treatmentTo', `treatment ends ${treatmentTo} before it starts ${treatmentFrom} (at ${hAt}/zeitraum)`);
  }

  const diagnosis = childrenNamed(hm, 'diagnose')
    .map((d) => [childText(d, 'code'), childText(d, 'text')].filter(Boolean).join(' '))
    .filter(Boolean)
    .join('; ');

  if (!errs.empty || !mapped || !patient || !treatmentFrom || !treatmentTo) {
    if (errs.empty) errs.add('treatmentFrom', `no treatment period: neither <zeitraum> nor dated positions (at ${hAt})`);
    return failed();
  }
  const record: IntakeRecord = {
    recordNo,
    externalId: ctx.externalId!,
    doctor,
    patient,
    consent: consent.ok && consent.value,
    inpatientReduction,
    treatmentFrom,
    treatmentTo,
    lines: mapped.lines,
  };
  if (responsible) record.responsible = responsible;
  if (diagnosis) record.diagnosis = diagnosis;
  record.stated = { lineCents: mapped.statedLineCents };
  // aisendbetrag is the invoice's total: a case's total only when the invoice has one case, else
  // the sum of its cases' totals, checked once all of them are priced.
  const total = statedInvoiceTotal(rechnung, errs, at.split('/')[0]);
  if (!errs.empty) return failed();
  if (total !== undefined && ctx.invoiceCases === 1) record.stated.totalCents = total;
  else if (total !== undefined) record.stated.invoice = { id: rechnung.attrs.id!, at: ctx.invoiceKey, totalCents: total, cases: ctx.invoiceCases };
  return { ok: true, record };
}

function statedInvoiceTotal(rechnung: XmlNode, errs: RecordErrors, at: string): number | undefined {
  const raw = rechnung.attrs.aisendbetrag;
  if (raw === undefined) return undefined;
  const amount = parseXsdAmount(raw);
  return amount.ok ? amount.value : void errs.add('stated.totalCents', `aisendbetrag ${amount.reason} (at ${at}/@aisendbetrag)`);
}

function zeitraumDate(zeitraum: XmlNode | undefined, name: string, field: string, errs: RecordErrors, at: string): string | undefined {
  const raw = childText(zeitraum, name);
  if (raw === undefined) return undefined;
  const d = parseXsdDate(raw);
  if (!d.ok) errs.add(field, `<${name}> ${d.reason} (at ${at}/zeitraum/${name})`);
  return d.ok ? d.value : undefined;
}

/** One treating doctor per case: the case's leistungserbringerid, else the positions' common one, else the file's only one. */
function resolveDoctor(hm: XmlNode, positionIds: { line: number; id: string }[], doctors: Map<string, Doctor>, errs: RecordErrors, at: string): Doctor {
  const distinct = [...new Set(positionIds.map((p) => p.id))];
  const caseId = childText(hm, 'leistungserbringerid') || (distinct.length === 1 ? distinct[0] : undefined) || (doctors.size === 1 ? [...doctors.keys()][0] : undefined);
  if (!caseId) {
    errs.add('doctor.id', `no <leistungserbringerid> on the case and the file lists ${doctors.size} <leistungserbringer> (at ${at}/leistungserbringerid)`);
    return { id: '', name: '' };
  }
  const doctor = doctors.get(caseId);
  if (!doctor) errs.add('doctor.id', `leistungserbringerid '${caseId}' matches no <leistungserbringer id> of the file (at ${at}/leistungserbringerid)`);
  for (const p of positionIds.filter((p) => p.id !== caseId)) {
    errs.add('doctor.id', `line ${p.line} is by leistungserbringer '${p.id}', the case by '${caseId}': one case must have one treating doctor, split it per doctor (at ${at}/positionen)`);
  }
  return doctor ?? { id: caseId, name: '' };
}

/** § 6a: an explicit minderungssatz wins (case, else the fee positions' common one); else behandlungsart decides. */
function resolveReduction(hm: XmlNode, positionValues: { line: number; value: string }[], errs: RecordErrors, at: string): InpatientReduction {
  const art = childText(hm, 'behandlungsart');
  if (art !== undefined && !/^[0-5]$/.test(art)) errs.add('inpatientReduction', `<behandlungsart> '${art}' is not 0–5 (at ${at}/behandlungsart)`);
  const caseRaw = childText(hm, 'minderungssatz');
  let value: string | undefined;
  if (caseRaw !== undefined) {
    value = normaliseReduction(caseRaw);
    if (!value) errs.add('inpatientReduction', `<minderungssatz> '${caseRaw}' is not 0, 15 or 25 (at ${at}/minderungssatz)`);
  } else {
    const distinct = [...new Set(positionValues.map((p) => p.value))];
    if (distinct.length > 1) errs.add('inpatientReduction', `positions carry different minderungssatz (${distinct.join(', ')} %): one case has one § 6a reduction (at ${at}/positionen)`);
    value = distinct[0] ?? (art !== undefined && INPATIENT_KINDS.has(art) ? '25' : '0');
  }
  return value === '25' ? '25' : value === '15' ? '15' : 'none';
}

/**
 * Patient = <behandelter> (inherited from the rechnung's first case when omitted). It has no
 * address in PADneXt: it gets the Rechnungsempfänger's when that is the patient, else the
 * <versicherter>'s when that is the patient and has one, else the Rechnungsempfänger's (a child
 * living with the parent who pays). responsible is set only when the recipient is someone else.
 */
function resolvePeople(ctx: CaseContext, hm: XmlNode, errs: RecordErrors, at: string): { patient?: IntakePerson; responsible?: IntakePerson } {
  const rAt = at.split('/')[0];
  const recipient = mapRecipient(child(ctx.rechnung, 'rechnungsempfaenger'), errs, rAt);
  const behandelter = child(hm, 'behandelter') ?? ctx.firstPatient;
  if (!behandelter) {
    errs.add('patient', `<behandelter> is missing (at ${at}/behandelter)`);
    return {};
  }
  const names = mapPersonNames(behandelter, errs, 'patient', `${at}/behandelter`);
  if (recipient && recipient.firstName && samePerson(names, recipient)) {
    return { patient: { ...names, email: names.email ?? recipient.email, address: recipient.address } };
  }
  const versicherter = child(hm, 'versicherter');
  const vAnschrift = child(versicherter, 'anschrift');
  if (versicherter && vAnschrift && samePerson(names, mapPersonNames(versicherter, new RecordErrors('', 0), '', ''))) {
    return { patient: { ...names, address: mapAddress(vAnschrift, errs, 'patient.address', `${at}/versicherter`) }, responsible: recipient };
  }
  return { patient: recipient ? { ...names, address: recipient.address } : undefined, responsible: recipient };
}

