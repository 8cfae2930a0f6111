import mjml2html from 'mjml';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface MailContent {
  subject: string;
  /** Paragraphs of the letter, plain text (escaped for HTML here); a line break stays one. */
  paragraphs: string[];
  /** Optional table rows (label, value) shown after the paragraphs. */
  rows?: Array<[string, string]>;
  sender: string;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Marks in the compiled layout where each mail's content goes (plain text MJML leaves alone). */
const SLOT = { title: 'CF_SLOT_TITLE', sender: 'CF_SLOT_SENDER', body: 'CF_SLOT_BODY', rows: 'CF_SLOT_ROWS' } as const;

/**
 * The layout compiled by MJML once per shape (with or without a table): compiling takes
 * milliseconds, filling the slots microseconds, and the layout is the same for every mail.
 */
const layouts = new Map<boolean, Promise<string>>();

async function compile(withTable: boolean): Promise<string> {
  const source = `<mjml><mj-head><mj-title>${SLOT.title}</mj-title></mj-head><mj-body><mj-section><mj-column>
<mj-text font-size="18px" font-weight="bold">${SLOT.sender}</mj-text><mj-text line-height="1.5">${SLOT.body}</mj-text>${withTable ? `<mj-table>${SLOT.rows}</mj-table>` : ''}
</mj-column></mj-section></mj-body></mjml>`;
  const result = await (mjml2html as unknown as (s: string, o: object) => Promise<{ html: string; errors: Array<{ message: string }> }>)(source, { validationLevel: 'strict' });
  if (result.errors.length > 0) throw new Error(`mail layout is invalid: ${result.errors.map((e) => e.message).join('; ')}`);
  for (const slot of Object.values(SLOT)) if (slot !== SLOT.rows || withTable) if (!result.html.includes(slot)) throw new Error(`mail layout lost its ${slot} slot`);
  return result.html;
}

function layout(withTable: boolean): Promise<string> {
  let l = layouts.get(withTable);
  if (!l) layouts.set(withTable, (l = compile(withTable)));
  return l;
}

/** Renders a letter-like email through the MJML layout, with a plain-text twin for clients without HTML. */
export async function renderMail(c: MailContent): Promise<RenderedMail> {
  const rows = c.rows ?? [];
  const fill: Record<string, string> = {
    [SLOT.title]: escapeHtml(c.subject),
    [SLOT.sender]: escapeHtml(c.sender),
    [SLOT.body]: c.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join(''),
    [SLOT.rows]: rows.map(([k, v]) => `<tr><td style="padding:2px 8px 2px 0">${escapeHtml(k)}</td><td style="text-align:right">${escapeHtml(v)}</td></tr>`).join(''),
  };
  const html = (await layout(rows.length > 0)).replace(/CF_SLOT_[A-Z]+/g, (slot) => fill[slot]!);
  const text = [c.sender, '', ...c.paragraphs, '', ...rows.map(([k, v]) => `${k}: ${v}`)].join('\n');
  return { subject: c.subject, html, text };
}
