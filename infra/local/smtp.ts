import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { LocalService } from './postgres';

/**
 * A real SMTP server on loopback, standing in for the centre's mail server when none is
 * configured: every message it accepts is written to `mailDir` as an .eml file, so the demo's
 * operator and the tests can read exactly what was sent.
 */
export async function startLocalSmtp(opts: { port: number; mailDir: string }): Promise<LocalService> {
  fs.mkdirSync(opts.mailDir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const name = `${Date.now()}-${process.pid}-${++seq}.eml`;
        const envelope = `X-Envelope-To: ${session.envelope.rcptTo.map((r) => r.address).join(', ')}\r\n`;
        fs.writeFileSync(path.join(opts.mailDir, name), Buffer.concat([Buffer.from(envelope), ...chunks]));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${opts.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
