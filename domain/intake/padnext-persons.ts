import type { IntakeAddress, IntakePerson } from './types';
import type { RecordErrors } from './record-errors';
import { isoCountryFromPadnext } from './padnext-countries';
import { parseXsdDate } from './values';
import { child, childText, childrenNamed, type XmlNode } from './xml-tree';

/**
 * People and addresses of a PADneXt case. Field names in errors are the normalised IntakeRecord
 * paths (patient.lastName, responsible.address.city); the reason names the XML location.
 */

function required(node: XmlNode | undefined, name: string, errs: RecordErrors, field: string, at: string): string {
  const value = childText(node, name);
  if (!value) errs.add(field, `<${name}> is ${value === undefined ? 'missing' : 'empty'} (at ${at}/${name})`);
  return value ?? '';
}

function country(land: string | undefined, errs: RecordErrors, field: string, at: string): string {
  if (land === undefined || land === '') return 'DE';
  const iso = isoCountryFromPadnext(land);
  if (!iso) errs.add(field, `<land> '${land}' is not a known PADneXt country code (at ${at}/land)`);
  return iso ?? '';
}

/** Anschrift.Typ is a choice; every variant is flattened into street / postalCode / city / country. */
export function mapAddress(anschrift: XmlNode | undefined, errs: RecordErrors, field: string, at: string): IntakeAddress {
  const variant = anschrift?.children[0];
  const address: IntakeAddress = { street: '', postalCode: '', city: '', country: 'DE' };
  if (!anschrift || !variant) {
    errs.add(field, `<anschrift> is missing (at ${at}/anschrift)`);
    return address;
  }
  const vAt = `${at}/anschrift/${variant.name}`;
  const plz = (optional: boolean) =>
    optional ? (childText(variant, 'plz') ?? '') : required(variant, 'plz', errs, `${field}.postalCode`, vAt);
  switch (variant.name) {
    case 'hausadresse': {
      const street = required(variant, 'strasse', errs, `${field}.street`, vAt);
      const nr = childText(variant, 'hausnr');
      address.street = nr ? `${street} ${nr}` : street;
      address.postalCode = plz(false);
      address.city = required(variant, 'ort', errs, `${field}.city`, vAt);
      address.country = country(childText(variant, 'land'), errs, `${field}.country`, vAt);
      break;
    }
    case 'postfach':
      address.street = `Postfach ${required(variant, 'postfachnr', errs, `${field}.street`, vAt)}`;
      address.postalCode = plz(false);
      address.city = required(variant, 'ort', errs, `${field}.city`, vAt);
      break;
    case 'packstation':
      address.street = `Packstation ${required(variant, 'packstationnr', errs, `${field}.street`, vAt)}, Postnummer ${required(variant, 'postnr', errs, `${field}.street`, vAt)}`;
      address.postalCode = plz(false);
      address.city = required(variant, 'ort', errs, `${field}.city`, vAt);
      break;
    case 'grossempfaenger':
      address.postalCode = plz(false);
      address.city = required(variant, 'ort', errs, `${field}.city`, vAt);
      break;
    case 'auslandsadresse':
      address.street = required(variant, 'strasse', errs, `${field}.street`, vAt);
      address.postalCode = plz(true);
      address.city = required(variant, 'ort', errs, `${field}.city`, vAt);
      address.country = country(required(variant, 'land', errs, `${field}.country`, vAt), errs, `${field}.country`, vAt);
      break;
    default:
      errs.add(field, `unknown address variant <${variant.name}> (at ${vAt})`);
  }
  return address;
}

function email(node: XmlNode): string | undefined {
  return childrenNamed(node, 'kontakt').find((k) => k.attrs.art === 'email')?.text || undefined;
}

/** Name, salutation, title and birth date of a Person.Typ derivative (behandelter, person, versicherter). */
export function mapPersonNames(node: XmlNode, errs: RecordErrors, field: string, at: string): Omit<IntakePerson, 'address'> {
  const person: Omit<IntakePerson, 'address'> = {
    firstName: required(node, 'vorname', errs, `${field}.firstName`, at),
    lastName: required(node, 'name', errs, `${field}.lastName`, at),
  };
  const anrede = childText(node, 'anrede');
  if (anrede && anrede !== 'Ohne Anrede') person.salutation = anrede;
  const titel = childText(node, 'titel');
  if (titel) person.title = titel;
  const geb = childText(node, 'gebdatum');
  if (geb !== undefined) {
    const parsed = parseXsdDate(geb);
    if (parsed.ok) person.birthDate = parsed.value;
    else errs.add(`${field}.birthDate`, `<gebdatum> ${parsed.reason} (at ${at}/gebdatum)`);
  }
  const mail = email(node);
  if (mail) person.email = mail;
  return person;
}

/** The Rechnungsempfänger: a person with address, or an organisation (lastName carries its name). */
export function mapRecipient(empfaenger: XmlNode | undefined, errs: RecordErrors, at: string): IntakePerson | undefined {
  const variant = empfaenger?.children[0];
  if (!variant) {
    errs.add('responsible', `<rechnungsempfaenger> is missing or empty (at ${at}/rechnungsempfaenger)`);
    return undefined;
  }
  const vAt = `${at}/rechnungsempfaenger/${variant.name}`;
  if (variant.name === 'organisation') {
    const name = [childText(variant, 'name'), childText(variant, 'namezusatz')].filter(Boolean).join(', ');
    if (!name) errs.add('responsible.lastName', `<name> of the organisation is missing (at ${vAt}/name)`);
    return { firstName: '', lastName: name, address: mapAddress(child(variant, 'anschrift'), errs, 'responsible.address', vAt), email: email(variant), business: true };
  }
  return { ...mapPersonNames(variant, errs, 'responsible', vAt), address: mapAddress(child(variant, 'anschrift'), errs, 'responsible.address', vAt) };
}

/** Same human? Names compared case-insensitively, birth dates only when both sides carry one. */
export function samePerson(a: Omit<IntakePerson, 'address'>, b: Omit<IntakePerson, 'address'>): boolean {
  const norm = (s: string) => s.trim().toLocaleLowerCase('de');
  return (
    norm(a.firstName) === norm(b.firstName) &&
    norm(a.lastName) === norm(b.lastName) &&
    (!a.birthDate || !b.birthDate || a.birthDate === b.birthDate)
  );
}
