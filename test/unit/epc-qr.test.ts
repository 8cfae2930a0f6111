import { epcQrPayload } from '../../domain/documents/epc-qr';
import { renderDocument } from '../../documents/render-document';
import { sampleRequest } from '../../documents/sample-documents';
import { pdfText } from './documents-pdf-text';

const account = { holder: 'PVS Süd Treuhandkonto', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', bankName: 'Commerzbank Köln' };

describe('GiroCode (EPC QR code)', () => {
  it('carries the account, the amount and the invoice number in the EPC069-12 layout', () => {
    expect(epcQrPayload(account, 27_547, 'RE1000000017').split('\n')).toEqual([
      'BCD', '002', '1', 'SCT', 'COBADEFFXXX', 'PVS Süd Treuhandkonto', 'DE89370400440532013000', 'EUR275.47', '', '', 'RE1000000017',
    ]);
    expect(epcQrPayload({ ...account, bic: undefined }, 5, 'x').split('\n')[4]).toBe('');
    expect(epcQrPayload(account, 5, 'x').split('\n')[7]).toBe('EUR0.05');
  });

  it('refuses amounts a banking app cannot take', () => {
    expect(() => epcQrPayload(account, 0, 'x')).toThrow(/0.01 to 999999999.99/);
    expect(() => epcQrPayload(account, 1.5, 'x')).toThrow(RangeError);
  });

  it('is printed under the request to pay on invoices and reminders, for the amount asked', async () => {
    for (const kind of ['invoice', 'reminder'] as const) {
      const request = sampleRequest(kind);
      const { text } = await pdfText((await renderDocument(request)).pdf);
      const amount = kind === 'invoice' ? '272,97 €' : '275,47 €';
      expect(text).toContain(`GiroCode: mit Ihrer Banking-App scannen, um ${amount} an PVS Süd Treuhandkonto mit dem Verwendungszweck RE1000000017 zu überweisen.`);
    }
  });
});
