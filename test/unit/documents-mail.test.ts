import { renderMail } from '../../documents/layout';
import { renderDocument } from '../../documents/render-document';
import { sampleRequest } from '../../documents/sample-documents';
import { DOCUMENT_KINDS } from '../../domain/documents/document-kind';

describe('cover mails (MJML)', () => {
  it('fills the compiled layout: escaped paragraphs, line breaks, rows, title', async () => {
    const m = await renderMail({ subject: 'Rechnung <1> & "2"', sender: 'Praxis Müller', paragraphs: ['Guten Tag <b>Frau</b> Größer,', 'Zeile 1\nZeile 2'], rows: [['Offener Betrag', '1.234,56 €']] });
    expect(m.html).toContain('<title>Rechnung &lt;1&gt; &amp; &quot;2&quot;</title>');
    expect(m.html).toContain('Guten Tag &lt;b&gt;Frau&lt;/b&gt; Größer,');
    expect(m.html).toContain('Zeile 1<br>Zeile 2');
    expect(m.html).toMatch(/<td[^>]*>Offener Betrag<\/td><td[^>]*>1\.234,56 €<\/td>/);
    expect(m.html).not.toContain('CF_SLOT');
    expect(m.text).toBe('Praxis Müller\n\nGuten Tag <b>Frau</b> Größer,\nZeile 1\nZeile 2\n\nOffener Betrag: 1.234,56 €');
    // The rows' table (mj-table) only when there are rows.
    const dataTable = /<table[^>]*table-layout:auto/;
    expect(m.html).toMatch(dataTable);
    expect((await renderMail({ subject: 's', sender: 'x', paragraphs: ['p'] })).html).not.toMatch(dataTable);
  });

  it('content that looks like a slot mark is not filled twice', async () => {
    const m = await renderMail({ subject: 'CF_SLOT_BODY', sender: 's', paragraphs: ['CF_SLOT_TITLE'] });
    expect(m.html).toContain('<title>CF_SLOT_BODY</title>');
    expect(m.html).toContain('>CF_SLOT_TITLE</p>');
  });

  it.each(DOCUMENT_KINDS)('%s: a cover mail naming the attached PDF', async (kind) => {
    const r = await renderDocument(sampleRequest(kind));
    expect(r.mail.subject).toBe(r.subject);
    expect(r.mail.text).toContain(`(${r.fileName})`);
    expect(r.fileName).toMatch(/^[A-Za-z0-9._-]+\.pdf$/);
    expect(r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
