import type { MailContent } from './layout';
import type { LetterSpec } from './letter-spec';
import { JOURNAL_SALUTATION, salutation } from './letter-parts';

/** The short email that carries a document: its cover text; the PDF goes as the attachment. */
export function coverMail(spec: LetterSpec): MailContent {
  const h = spec.head;
  const sender = spec.from === 'client' ? `${h.client.name} · ${h.centre.name}` : h.centre.name;
  return {
    sender,
    subject: spec.subject,
    paragraphs: [
      spec.from === 'client' ? salutation(h) : JOURNAL_SALUTATION,
      ...spec.cover,
      `Das Dokument „${spec.subject}“ finden Sie als PDF im Anhang (${spec.fileName}).`,
      `${h.client.blocks.greeting ?? 'Mit freundlichen Grüßen'}\n${h.centre.name}`,
    ],
  };
}
