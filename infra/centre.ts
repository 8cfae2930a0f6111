import type { Centre } from '../domain/documents/document-request';

/** The billing centre as its letters show it: the sender of every document. */
export type SendingCentre = Centre & { email: string };

/**
 * The centre from CENTRE_NAME, CENTRE_EMAIL, CENTRE_ADDRESS ("street, postal code city") and
 * CENTRE_IMPRINT (Impressum lines separated by "|"); the defaults are a sample centre for local runs.
 */
export function configuredCentre(): SendingCentre {
  const address = process.env.CENTRE_ADDRESS ?? 'Musterstraße 1, 12345 Musterstadt';
  const m = /^(.+?),\s*(\d{5})\s+(.+)$/.exec(address.trim());
  if (!m) throw new Error(`CENTRE_ADDRESS must read "street, postal code city" (e.g. "Königsallee 12, 40212 Düsseldorf"), not "${address}"`);
  const imprint = process.env.CENTRE_IMPRINT ?? 'Amtsgericht Musterstadt HRB 00000|Geschäftsführung: Erika Mustermann';
  return {
    name: process.env.CENTRE_NAME ?? 'Privatärztliche Verrechnungsstelle Musterstadt',
    email: process.env.CENTRE_EMAIL ?? 'abrechnung@pvs-musterstadt.example',
    street: m[1],
    postalCode: m[2],
    city: m[3],
    imprint: imprint.split('|').map((l) => l.trim()).filter(Boolean),
  };
}
