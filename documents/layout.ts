import mjml2html from 'mjml';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface MailContent {
  subject: string;
  /** Paragraphs of the letter, plain text (escaped for HTML here). */
  paragraphs: string[];
  /** Optional table rows (label, value) shown after the paragraphs. */
  rows?: Array<[string, string]>;
  sender: string;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Renders a letter-like email through MJML, with a plain-text twin for clients without HTML. */
export async function renderMail(c: MailContent): Promise<RenderedMail> {
  const paragraphs = c.paragraphs.map((p) => `<mj-text>${escapeHtml(p)}</mj-text>`).join('');
  const table = c.rows?.length
    ? `<mj-table>${c.rows.map(([k, v]) => `<tr><td style="padding:2px 8px 2px 0">${escapeHtml(k)}</td><td style="text-align:right">${escapeHtml(v)}</td></tr>`).join('')}</mj-table>`
    : '';
  const source = `<mjml><mj-head><mj-title>${escapeHtml(c.subject)}</mj-title></mj-head><mj-body><mj-section><mj-column>
<mj-text font-size="18px" font-weight="bold">${escapeHtml(c.sender)}</mj-text>${paragraphs}${table}
</mj-column></mj-section></mj-body></mjml>`;
  const result = await (mjml2html as unknown as (s: string, o: object) => Promise<{ html: string; errors: Array<{ message: string }> }>)(source, { validationLevel: 'strict' });
  if (result.errors.length > 0) throw new Error(`mail template "${c.subject}" is invalid: ${result.errors.map((e) => e.message).join('; ')}`);
  const text = [c.sender, '', ...c.paragraphs, '', ...(c.rows ?? []).map(([k, v]) => `${k}: ${v}`)].join('\n');
  return { subject: c.subject, html: result.html, text };
}
