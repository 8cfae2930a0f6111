import { SMTPServer } from 'smtp-server';
import { messageIdFor, sendEmail } from '../../infra/channels/email';
import { createSmtpMailer, Mailer } from '../../infra/mailer';
import { freePort } from '../../infra/local/free-port';
import { attachmentOf } from '../support/mail-attachment';

/** A real SMTP server that refuses one mailbox for good and one for now, and keeps what it accepted. */
let server: SMTPServer;
let mailer: Mailer;
const received: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('unknown@')) return callback(Object.assign(new Error('5.1.1 mailbox unknown'), { responseCode: 550 }));
      if (address.address.startsWith('greylisted@')) return callback(Object.assign(new Error('4.7.1 try again later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`);
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const doc = (to: string) => ({
  from: 'abrechnung@pvs.example',
  to,
  mail: { subject: 'Ihre Rechnung RE0000000142', html: '<p>Anbei Ihre Rechnung.</p>', text: 'Anbei Ihre Rechnung.' },
  pdf: Buffer.from('%PDF-1.7 Rechnung'),
  fileName: 'Rechnung-RE0000000142.pdf',
  messageId: messageIdFor('invoice:RE0000000142'),
});

test('the document arrives with its Message-ID, the HTML body and the PDF attached', async () => {
  const result = await sendEmail(mailer, doc('erika@example.de'));
  expect(result).toMatchObject({ accepted: true });
  const raw = received.pop()!;
  expect(raw).toMatch(/^Message-ID: <invoice:RE0000000142@claimflow>/m);
  expect(raw).toMatch(/^Subject: Ihre Rechnung RE0000000142/m);
  expect(raw).toMatch(/name=Rechnung-RE0000000142.pdf/);
  expect(attachmentOf(raw)).toEqual({ contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 Rechnung') });
});

test('a mailbox the server refuses for good is a refusal (the letter goes by post)', async () => {
  const result = await sendEmail(mailer, doc('unknown@example.de'));
  expect(result).toEqual({ accepted: false, reason: expect.stringContaining('550') });
});

test('a temporary refusal is an error, so the activity retries', async () => {
  await expect(sendEmail(mailer, doc('greylisted@example.de'))).rejects.toThrow(/try again later/);
});
