import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per logical document, so a receiving system can drop a duplicate too. */
  messageId: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

export interface Mailer {
  /** Resolves once the server accepted the message; `response` is its reply (with its queue id). */
  send(mail: OutgoingMail): Promise<{ accepted: string[]; response: string }>;
  close(): void;
}

/** Mail through SMTP (SMTP_URL, e.g. smtp://user:pass@mail.example:587). */
export function createSmtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      const info = await transport.sendMail(mail);
      return { accepted: info.accepted.map(String), response: info.response };
    },
    close: () => transport.close(),
  };
}
