import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './db/migrate';
import { freePort } from './local/free-port';
import { startEmbeddedPostgres } from './local/postgres';
import { startLocalSftp } from './local/sftp';
import { startLocalSmtp } from './local/smtp';
import { startTemporalDevServer } from './local/temporal';
import { configuredSftp, SftpTarget } from './sftp';
import type { DocumentServicesConfig } from './dms/document-services';
import { documentEncryptionKeys } from './dms/encryption-key';
import { startLocalFaxService } from './local/fax-service';

/** Where every outside service is; what the worker, API and tests connect to. */
export interface Environment {
  databaseUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  smtpUrl: string;
  /** Set when a local SMTP stand-in runs: the folder it writes received messages to. */
  mailDir?: string;
  collectionSftp: SftpTarget;
  documents: DocumentServicesConfig;
  stop(): Promise<void>;
}

export interface EnvironmentOptions {
  /** Names the embedded database cluster and data folders. */
  name: string;
  /** Keep data between runs (the demo) or start empty and throw it away (tests). */
  persistent: boolean;
  dataDir: string;
  temporalPort?: number;
  temporalUiPort?: number;
  log?: (line: string) => void;
}

/**
 * Uses each service configured in the environment (DATABASE_URL, TEMPORAL_ADDRESS, SMTP_URL,
 * SFTP_URL + SFTP_KEY_FILE) and starts a real local one for each that is not: embedded
 * PostgreSQL, the Temporal dev server, an SMTP server, OpenSSH's SFTP server. Migrates the database.
 */
export async function startEnvironment(opts: EnvironmentOptions): Promise<Environment> {
  const log = opts.log ?? (() => undefined);
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      log('starting embedded PostgreSQL');
      const pg = await startEmbeddedPostgres({ name: opts.name, port: await freePort(), persistent: opts.persistent });
      stops.push(pg.stop);
      databaseUrl = pg.url;
    }
    log('applying database migrations');
    migrate(databaseUrl);

    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      log('starting the Temporal dev server');
      const t = await startTemporalDevServer({
        port: opts.temporalPort ?? (await freePort()),
        uiPort: opts.temporalUiPort,
        dbFile: opts.persistent ? path.join(opts.dataDir, 'temporal.sqlite') : undefined,
        logFile: path.join(opts.dataDir, 'temporal.log'),
      });
      stops.push(t.stop);
      temporalAddress = t.url;
      temporalUiUrl = t.uiUrl;
    }

    let smtpUrl = process.env.SMTP_URL;
    let mailDir: string | undefined;
    if (!smtpUrl) {
      mailDir = path.join(opts.dataDir, 'mail');
      const smtp = await startLocalSmtp({ port: await freePort(), mailDir });
      stops.push(smtp.stop);
      smtpUrl = smtp.url;
    }

    let collectionSftp = configuredSftp();
    if (!collectionSftp) {
      const sftp = await startLocalSftp({ port: await freePort(), stateDir: path.join(opts.dataDir, 'sshd'), rootDir: path.join(opts.dataDir, 'sftp') });
      stops.push(sftp.stop);
      collectionSftp = sftp;
    }
    let faxUrl = process.env.FAX_URL;
    if (!faxUrl) {
      const fax = await startLocalFaxService({ port: await freePort() });
      stops.push(fax.stop);
      faxUrl = fax.url;
    }
    const documents: DocumentServicesConfig = {
      encryptionKeys: process.env.DMS_URL ? undefined : documentEncryptionKeys(process.env.DOCUMENT_ENCRYPTION_KEY, path.join(opts.dataDir, 'document-key')),
      dmsUrl: process.env.DMS_URL,
      faxUrl,
      printDropDir: process.env.PRINT_DROP_DIR ?? path.join(opts.dataDir, 'print'),
    };
    return { databaseUrl, temporalAddress, temporalUiUrl, smtpUrl, mailDir, collectionSftp, documents, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
