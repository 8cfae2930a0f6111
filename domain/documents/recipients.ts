import type { Recipient } from './choose-channel';

/** A person's name as letters write it: title, first and last name. */
export function fullName(p: { title: string | null; firstName: string; lastName: string }): string {
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
}

interface PostalLines {
  street: string;
  postalCode: string;
  city: string;
}

/** A patient or person responsible as a recipient: email only with consent, never fax (health data). */
export function personRecipient(p: PostalLines & { id: string; title: string | null; firstName: string; lastName: string; email: string | null; emailConsent: boolean; fax: string | null }): Recipient {
  return { postal: `${fullName(p)}, ${p.street}, ${p.postalCode} ${p.city}`, email: p.email, emailConsent: p.emailConsent, fax: p.fax, personId: p.id };
}

/** A client (Mandant): its email address is given for documents, its fax number for journals. */
export function clientRecipient(c: PostalLines & { name: string; email: string | null; fax: string | null }): Recipient {
  return { postal: `${c.name}, ${c.street}, ${c.postalCode} ${c.city}`, email: c.email, emailConsent: true, fax: c.fax };
}
