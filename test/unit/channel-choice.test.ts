import { addressFor, chooseChannel, Recipient } from '../../domain/documents/choose-channel';
import { DEFAULT_DOCUMENT_POLICY } from '../../domain/documents/document-policy';

const faxKinds = DEFAULT_DOCUMENT_POLICY.faxKinds;
const patient: Recipient = { postal: 'Erika Mustermann, Hauptstr. 1, 10115 Berlin', email: 'erika@example.de', emailConsent: true, fax: '+49 30 111', personId: 'p1' };
const client: Recipient = { postal: 'Praxis Dr. Berger, Ring 2, 80331 München', email: null, emailConsent: true, fax: '+49 89 222' };

test('email where the recipient has an address and agreed', () => {
  expect(chooseChannel(patient, 'INVOICE', faxKinds)).toBe('email');
  expect(addressFor(patient, 'email')).toBe('erika@example.de');
});

test('no consent or no address: a patient letter goes by post, never by fax', () => {
  expect(chooseChannel({ ...patient, emailConsent: false }, 'INVOICE', faxKinds)).toBe('post');
  expect(chooseChannel({ ...patient, email: null }, 'REMINDER_1', faxKinds)).toBe('post');
  expect(addressFor(patient, 'post')).toBe(patient.postal);
});

test('a client journal goes by fax to a client without email; without a fax provider by post', () => {
  expect(chooseChannel(client, 'RECEIPT', faxKinds)).toBe('fax');
  expect(chooseChannel(client, 'payout_journal', faxKinds)).toBe('fax');
  expect(addressFor(client, 'fax')).toBe('+49 89 222');
  expect(chooseChannel(client, 'RECEIPT', [])).toBe('post');
  expect(chooseChannel({ ...client, fax: null }, 'RECEIPT', faxKinds)).toBe('post');
});
