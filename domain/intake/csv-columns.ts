/**
 * The documented CSV intake format (docs/csv-format.md): one row per billed item, rows of one
 * case share fall_id. Column names are matched case-insensitively; order is free; unknown
 * columns are ignored so practices can keep their own notes.
 */
export const CSV_COLUMNS = [
  'fall_id', 'arzt_id', 'arzt_name',
  'patient_anrede', 'patient_titel', 'patient_vorname', 'patient_nachname', 'patient_geburtsdatum',
  'patient_strasse', 'patient_plz', 'patient_ort', 'patient_land', 'patient_email',
  'zahler_anrede', 'zahler_titel', 'zahler_vorname', 'zahler_nachname', 'zahler_geburtsdatum',
  'zahler_strasse', 'zahler_plz', 'zahler_ort', 'zahler_land', 'zahler_email',
  'einwilligung', 'minderung', 'behandlung_von', 'behandlung_bis', 'diagnose',
  'art', 'ziffer', 'datum', 'anzahl', 'faktor', 'begruendung', 'analog_beschreibung', 'text', 'betrag',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Without these a file cannot produce a single valid record. */
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = [
  'fall_id', 'arzt_id', 'patient_vorname', 'patient_nachname', 'patient_strasse', 'patient_plz',
  'patient_ort', 'einwilligung', 'art', 'datum',
];

/** Per-case columns: repeated on every row of a case (or left empty after the first row). */
export const CASE_COLUMNS: readonly CsvColumn[] = CSV_COLUMNS.slice(1, CSV_COLUMNS.indexOf('art'));

/** Normalised IntakeRecord path for each column, used as the error field. */
export const FIELD_OF: Record<CsvColumn, string> = {
  fall_id: 'externalId', arzt_id: 'doctor.id', arzt_name: 'doctor.name',
  patient_anrede: 'patient.salutation', patient_titel: 'patient.title', patient_vorname: 'patient.firstName',
  patient_nachname: 'patient.lastName', patient_geburtsdatum: 'patient.birthDate', patient_strasse: 'patient.address.street',
  patient_plz: 'patient.address.postalCode', patient_ort: 'patient.address.city', patient_land: 'patient.address.country',
  patient_email: 'patient.email',
  zahler_anrede: 'responsible.salutation', zahler_titel: 'responsible.title', zahler_vorname: 'responsible.firstName',
  zahler_nachname: 'responsible.lastName', zahler_geburtsdatum: 'responsible.birthDate', zahler_strasse: 'responsible.address.street',
  zahler_plz: 'responsible.address.postalCode', zahler_ort: 'responsible.address.city', zahler_land: 'responsible.address.country',
  zahler_email: 'responsible.email',
  einwilligung: 'consent', minderung: 'inpatientReduction', behandlung_von: 'treatmentFrom', behandlung_bis: 'treatmentTo',
  diagnose: 'diagnosis',
  art: 'kind', ziffer: 'code', datum: 'date', anzahl: 'count', faktor: 'factor', begruendung: 'justification',
  analog_beschreibung: 'analogDescription', text: 'text', betrag: 'amountCents',
};
