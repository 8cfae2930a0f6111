/**
 * The columns of DATEV's Buchungsstapel (data category 21, format version 9 of EXTF 700), in
 * DATEV's order and with DATEV's names, as its example file has them
 * (shared testdata ledermann-datev/EXTF_Buchungsstapel.csv). `text` columns are written quoted
 * (an empty one as ""), the others (amounts, numbers, dates, flags) bare.
 */
export interface Column {
  name: string;
  text: boolean;
}

const t = (name: string): Column => ({ name, text: true });
const n = (name: string): Column => ({ name, text: false });
const pairs = (art: string, count: number): Column[] => Array.from({ length: count }, (_, i) => [t(`${art} – Art ${i + 1}`), t(`${art} – Inhalt ${i + 1}`)]).flat();

export const BUCHUNGSSTAPEL_COLUMNS: readonly Column[] = [
  n('Umsatz (ohne Soll/Haben-Kz)'), t('Soll/Haben-Kennzeichen'), t('WKZ Umsatz'), n('Kurs'), n('Basisumsatz'), t('WKZ Basisumsatz'),
  n('Konto'), n('Gegenkonto (ohne BU-Schlüssel)'), t('BU-Schlüssel'), n('Belegdatum'), t('Belegfeld 1'), t('Belegfeld 2'), n('Skonto'),
  t('Buchungstext'), n('Postensperre'), t('Diverse Adressnummer'), n('Geschäftspartnerbank'), n('Sachverhalt'), n('Zinssperre'), t('Beleglink'),
  ...pairs('Beleginfo', 8),
  t('KOST1 – Kostenstelle'), t('KOST2 – Kostenstelle'), n('Kost Menge'), t('EU-Land u. USt-IdNr.'), n('EU-Steuersatz'), t('Abw. Versteuerungsart'),
  n('Sachverhalt L+L'), n('Funktionsergänzung L+L'), n('BU 49 Hauptfunktionstyp'), n('BU 49 Hauptfunktionsnummer'), n('BU 49 Funktionsergänzung'),
  ...pairs('Zusatzinformation', 20),
  n('Stück'), n('Gewicht'), n('Zahlweise'), t('Forderungsart'), n('Veranlagungsjahr'), n('Zugeordnete Fälligkeit'), n('Skontotyp'), t('Auftragsnummer'),
  t('Buchungstyp'), n('USt-Schlüssel (Anzahlungen)'), t('EU-Mitgliedstaat (Anzahlungen)'), n('Sachverhalt L+L (Anzahlungen)'), n('EU-Steuersatz (Anzahlungen)'),
  n('Erlöskonto (Anzahlungen)'), t('Herkunft-Kz'), t('Leerfeld'), n('KOST-Datum'), t('SEPA-Mandatsreferenz'), n('Skontosperre'), t('Gesellschaftername'),
  n('Beteiligtennummer'), t('Identifikationsnummer'), t('Zeichnernummer'), n('Postensperre bis'), t('Bezeichnung'), n('Kennzeichen'), n('Festschreibung'),
  n('Leistungsdatum'), n('Datum Zuord.'), n('Fälligkeit'), t('Generalumkehr'), n('Steuersatz'), t('Land'),
];
