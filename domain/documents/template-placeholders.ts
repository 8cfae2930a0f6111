import { Refusal } from '../refusal';
/**
 * {{placeholders}} of the free-letter templates staff edit. Only the fields below exist; a
 * template naming anything else is refused when saved and when rendered, with the exact spot.
 */
export const TEMPLATE_PLACEHOLDERS = {
  'claim.invoiceNumber': 'invoice number (Rechnungsnummer)',
  'claim.invoiceDate': 'invoice date, dd.mm.yyyy',
  'claim.dueDate': 'due date, dd.mm.yyyy',
  'claim.treatmentFrom': 'first treatment day, dd.mm.yyyy',
  'claim.treatmentTo': 'last treatment day, dd.mm.yyyy',
  'claim.totalAmount': 'invoice total, "1.234,56 €"',
  'claim.openAmount': 'amount still open, "1.234,56 €"',
  'patient.name': "patient's full name",
  'recipient.name': "the person responsible's full name",
  'recipient.salutation': 'Frau / Herr, or empty',
  'client.name': "the client's (doctor's) name",
  'client.number': "the client's customer number",
  'letter.date': 'date of the letter, dd.mm.yyyy',
} as const;

export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;
export type TemplateValues = Record<TemplatePlaceholder, string>;

export interface PlaceholderIssue {
  field: 'subject' | 'body';
  line: number;
  column: number;
  reason: string;
}

/** A template staff wrote that cannot be filled: every unknown or unbalanced placeholder, where it stands. */
export class TemplateError extends Refusal {
  constructor(
    readonly templateKey: string,
    readonly issues: PlaceholderIssue[],
  ) {
    super('unprocessable', 'invalid_template', `template "${templateKey}": ${issues.map((i) => `${i.field} line ${i.line} column ${i.column}: ${i.reason}`).join('; ')}`, issues);
    this.name = 'TemplateError';
  }
}

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}|\{\{|\}\}/g;

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function isKnown(name: string): name is TemplatePlaceholder {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_PLACEHOLDERS, name);
}

/** Every unknown or malformed placeholder of a text, with line and column (1-based). */
export function placeholderIssues(field: PlaceholderIssue['field'], text: string): PlaceholderIssue[] {
  const issues: PlaceholderIssue[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const at = position(text, m.index);
    if (m[1] === undefined) issues.push({ field, ...at, reason: `unbalanced "${m[0]}": placeholders are written {{name}}` });
    else if (!isKnown(m[1])) issues.push({ field, ...at, reason: `unknown placeholder "{{${m[1]}}}"; known: ${Object.keys(TEMPLATE_PLACEHOLDERS).join(', ')}` });
  }
  return issues;
}

/** Throws a TemplateError listing every bad placeholder of subject and body. */
export function assertValidTemplate(key: string, subject: string, body: string): void {
  const issues = [...placeholderIssues('subject', subject), ...placeholderIssues('body', body)];
  if (issues.length > 0) throw new TemplateError(key, issues);
}

/** Subject and body with every placeholder replaced; the template must be valid. */
export function fillTemplate(t: { key: string; subject: string; body: string }, values: TemplateValues): { subject: string; body: string } {
  assertValidTemplate(t.key, t.subject, t.body);
  const fill = (text: string) => text.replace(TOKEN, (_m, name: TemplatePlaceholder) => values[name]);
  return { subject: fill(t.subject), body: fill(t.body) };
}
