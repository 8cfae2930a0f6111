import { fillTemplate, placeholderIssues, TemplateError, TEMPLATE_PLACEHOLDERS, type TemplateValues } from '../../domain/documents/template-placeholders';
import { parseLetterBlocks } from '../../domain/documents/letter-blocks';
import { formatFactor, formatPercent } from '../../domain/documents/format-decimal';
import { aboveThreshold } from '../../domain/documents/factor-threshold';
import { renderDocument } from '../../documents/render-document';
import { sampleRequest } from '../../documents/sample-documents';

const values = Object.fromEntries(Object.keys(TEMPLATE_PLACEHOLDERS).map((k) => [k, `<${k}>`])) as TemplateValues;

describe('template placeholders', () => {
  it('fills every known placeholder, with or without inner spaces', () => {
    expect(fillTemplate({ key: 'k', subject: 'Rechnung {{ claim.invoiceNumber }}', body: 'Hallo {{recipient.name}},\noffen: {{claim.openAmount}}' }, values)).toEqual({
      subject: 'Rechnung <claim.invoiceNumber>',
      body: 'Hallo <recipient.name>,\noffen: <claim.openAmount>',
    });
  });

  it('names each unknown or unbalanced placeholder with field, line and column', () => {
    expect(placeholderIssues('body', 'Zeile eins\nGuten Tag {{patient.vorname}} und }} {{x')).toEqual([
      { field: 'body', line: 2, column: 11, reason: expect.stringContaining('unknown placeholder "{{patient.vorname}}"; known: claim.invoiceNumber') },
      { field: 'body', line: 2, column: 35, reason: 'unbalanced "}}": placeholders are written {{name}}' },
      { field: 'body', line: 2, column: 38, reason: 'unbalanced "{{": placeholders are written {{name}}' },
    ]);
  });

  it('refuses to render a template with a bad placeholder, naming the template', async () => {
    let thrown: unknown;
    try {
      fillTemplate({ key: 'mahnung-frei', subject: '{{claim.nummer}}', body: 'ok' }, values);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TemplateError);
    expect((thrown as TemplateError).issues).toEqual([{ field: 'subject', line: 1, column: 1, reason: expect.stringContaining('"{{claim.nummer}}"') }]);
    const req = sampleRequest('free_letter') as Extract<ReturnType<typeof sampleRequest>, { kind: 'free_letter' }>;
    await expect(renderDocument({ ...req, template: { ...req.template, body: 'Hallo {{recipient.nachname}}' } })).rejects.toThrow(
      'template "rueckfrage-adresse": body line 1 column 7: unknown placeholder "{{recipient.nachname}}"',
    );
  });
});

describe('letter blocks', () => {
  it('reads a client configuration and refuses unknown or malformed fields precisely', () => {
    expect(parseLetterBlocks(null, 'c1')).toEqual({});
    expect(parseLetterBlocks({ closingText: 'Danke', dunning: { '2': { title: 'Mahnung' } } }, 'c1')).toEqual({ closingText: 'Danke', dunning: { '2': { title: 'Mahnung' } } });
    expect(() => parseLetterBlocks({ closingtext: 'x' }, 'c1')).toThrow(/letter blocks of client c1 are invalid: .*closingtext/);
    expect(() => parseLetterBlocks({ footerLines: ['a', 'b', 'c', 'd', 'e'] }, 'c2')).toThrow(/client c2 .*footerLines/);
    expect(() => parseLetterBlocks({ dunning: { zwei: { title: 'x' } } }, 'c3')).toThrow(/dunning/);
  });
});

describe('decimal formats and thresholds', () => {
  it('prints factors and rates the German way without floats', () => {
    expect(formatFactor('2.3')).toBe('2,30');
    expect(formatFactor('1.15')).toBe('1,15');
    expect(formatFactor('3')).toBe('3,00');
    expect(formatPercent('0.035')).toBe('3,5 %');
    expect(formatPercent('0.19')).toBe('19 %');
    expect(formatPercent('0.0625')).toBe('6,25 %');
    expect(formatPercent('1')).toBe('100 %');
  });

  it('knows the threshold of each fee class', () => {
    expect(aboveThreshold('5', '2.3')).toBe(false);
    expect(aboveThreshold('5', '2.4')).toBe(true);
    expect(aboveThreshold('3550', '1.15')).toBe(false); // laboratory: 1.15
    expect(aboveThreshold('3550', '1.2')).toBe(true);
    expect(aboveThreshold(null, '3.5')).toBe(false); // expenses have no factor class
  });
});
