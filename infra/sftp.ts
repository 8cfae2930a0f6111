import fs from 'node:fs';
import SftpClient from 'ssh2-sftp-client';

/** Where files for a lawyer or factor go: an SFTP server and a base folder on it. */
export interface SftpTarget {
  host: string;
  port: number;
  username: string;
  privateKey?: string;
  password?: string;
  /** Absolute folder on the server under which relative paths are resolved. */
  baseDir: string;
}

/** SFTP_URL=sftp://user[:password]@host:port/base/dir, with SFTP_KEY_FILE for key authentication. */
export function sftpTargetFromUrl(url: string, privateKey?: string): SftpTarget {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 22),
    username: decodeURIComponent(u.username),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    privateKey,
    baseDir: decodeURIComponent(u.pathname) || '/',
  };
}

/** The SFTP server configured in the environment (SFTP_URL, SFTP_KEY_FILE), if any. */
export function configuredSftp(): SftpTarget | undefined {
  const url = process.env.SFTP_URL;
  if (!url) return undefined;
  return sftpTargetFromUrl(url, process.env.SFTP_KEY_FILE ? fs.readFileSync(process.env.SFTP_KEY_FILE, 'utf8') : undefined);
}

/**
 * Uploads `content` to `relPath` exactly once: an existing file of that name means an earlier
 * attempt completed (the upload goes to a temporary name and is renamed into place, so a
 * half-written file never carries the final name). Returns false when it was already there.
 */
export async function uploadOnce(target: SftpTarget, relPath: string, content: Buffer): Promise<boolean> {
  const sftp = await connectSftp(target);
  try {
    const finalPath = `${target.baseDir.replace(/\/$/, '')}/${relPath}`;
    if (await sftp.exists(finalPath)) return false;
    const dir = finalPath.slice(0, finalPath.lastIndexOf('/'));
    await sftp.mkdir(dir, true);
    const partPath = `${finalPath}.part`;
    await sftp.put(content, partPath);
    await sftp.rename(partPath, finalPath);
    return true;
  } finally {
    await sftp.end();
  }
}

/** An open SFTP session to the target; the caller ends it. */
export async function connectSftp(target: SftpTarget): Promise<SftpClient> {
  const sftp = new SftpClient();
  await sftp.connect({
    host: target.host,
    port: target.port,
    username: target.username,
    privateKey: target.privateKey,
    password: target.password,
    readyTimeout: 10_000,
  });
  return sftp;
}
