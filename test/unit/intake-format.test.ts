import { billingFileFormat } from '../../domain/intake/billing-file-format';

/** The format the upload records is the reader the parser picks: decided by content, not by the name. */
describe('billingFileFormat', () => {
  it('reads XML content as PADneXt whatever the name, a .xml name as PADneXt whatever the content, the rest as CSV', () => {
    expect(billingFileFormat(Buffer.from('\uFEFF \r\n<?xml version="1.0"?><rechnungen/>'), 'Abrechnung.csv')).toBe('padnext');
    expect(billingFileFormat(Buffer.from([0xff, 0xfe, 0x3c, 0x00]), 'upload.dat')).toBe('padnext');
    expect(billingFileFormat(Buffer.from('kein xml'), 'abrechnung.XML')).toBe('padnext');
    expect(billingFileFormat(Buffer.from('fall_id;arzt_id\n'), 'upload.csv')).toBe('csv');
    expect(billingFileFormat(Buffer.from('fall_id;arzt_id\n'), 'scan_0001.dat')).toBe('csv');
  });
});
