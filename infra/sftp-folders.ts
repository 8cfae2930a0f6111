import path from 'node:path';
import { connectSftp, SftpTarget } from './sftp';

/**
 * An inbox folder on an SFTP server and the folder its files move to once read: the bank's
 * statements, the lawyers' feedback. Folders are resolved under the target's base folder.
 */

const under = (target: SftpTarget, folder: string, name = '') => path.posix.join(target.baseDir, folder, name);

async function session<T>(target: SftpTarget, fn: (sftp: Awaited<ReturnType<typeof connectSftp>>) => Promise<T>): Promise<T> {
  const sftp = await connectSftp(target);
  try {
    return await fn(sftp);
  } finally {
    await sftp.end();
  }
}

/** Files waiting in the inbox, oldest name first (a missing folder is an empty inbox). Hidden and partial uploads are left alone. */
export function listInbox(target: SftpTarget, folder: string): Promise<string[]> {
  return session(target, async (sftp) => {
    if (!(await sftp.exists(under(target, folder)))) return [];
    const entries = await sftp.list(under(target, folder));
    return entries.filter((e) => e.type === '-' && !e.name.startsWith('.') && !e.name.endsWith('.part')).map((e) => e.name).sort();
  });
}

export function fetchFile(target: SftpTarget, folder: string, name: string): Promise<Buffer> {
  return session(target, async (sftp) => (await sftp.get(under(target, folder, name))) as Buffer);
}

/**
 * Moves a file from the inbox to the archive (done) folder. Idempotent: a file already moved (a retry after the
 * rename) is done; a different file of the same name in the archive keeps its name, this one gets
 * the `suffix`. Returns the archive path.
 */
export function archiveFile(target: SftpTarget, inbox: string, archive: string, name: string, suffix: string): Promise<string> {
  return session(target, async (sftp) => {
    const from = under(target, inbox, name);
    const archived = [under(target, archive, name), under(target, archive, `${name}.${suffix}`)];
    if (!(await sftp.exists(from))) {
      const done = await Promise.all(archived.map((p) => sftp.exists(p)));
      if (done.some(Boolean)) return archived[done.findIndex(Boolean)];
      throw new Error(`${from} is neither in the inbox nor in the archive`);
    }
    await sftp.mkdir(under(target, archive), true);
    const to = (await sftp.exists(archived[0])) ? archived[1] : archived[0];
    await sftp.rename(from, to);
    return to;
  });
}
