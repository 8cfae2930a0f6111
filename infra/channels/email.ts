import type { Mailer } from '../mailer';
import type { RenderedMail } from '../../documents/layout';

export interface EmailDocument {
  from: string;
  to: string;
  mail: RenderedMail;
  pdf: Buffer;
  fileName: string;
  messageId: string;
}

/** Accepted: the server took it (its reply holds the queue id). Refused: it never will (post instead). */
export type EmailResult = { accepted: true; response: string } | { accepted: false; reason: string };

/** One Message-ID per idempotency key: a resend after a crash is recognisable as the same message. */
export function messageIdFor(idempotencyKey: string): string {
  return `<${idempotencyKey.replace(/[^A-Za-z0-9.:-]/g, '-')}@claimflow>`;
}

/** An SMTP 5xx reply or a refused recipient is final; anything else (connection, 4xx) is worth a retry. */
function permanentRefusal(e: unknown): string | undefined {
  const err = e as { responseCode?: number; response?: string; code?: string; message?: string };
  if (err.responseCode !== undefined && err.responseCode >= 500) return `${err.responseCode}: ${err.response ?? err.message}`;
  if (err.code === 'EENVELOPE' && err.responseCode === undefined) return err.message;
  return undefined;
}

/** The document as an email: the MJML body with the PDF attached. */
export async function sendEmail(mailer: Mailer, d: EmailDocument): Promise<EmailResult> {
  try {
    const r = await mailer.send({
      from: d.from,
      to: d.to,
      subject: d.mail.subject,
      html: d.mail.html,
      text: d.mail.text,
      messageId: d.messageId,
      attachments: [{ filename: d.fileName, content: d.pdf, contentType: 'application/pdf' }],
    });
    if (r.accepted.length === 0) return { accepted: false, reason: `${d.to} was not accepted: ${r.response}` };
    return { accepted: true, response: r.response };
  } catch (e) {
    const reason = permanentRefusal(e);
    if (reason === undefined) throw e;
    return { accepted: false, reason };
  }
}
