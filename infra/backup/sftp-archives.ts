import path from 'node:path';
import { connectSftp, type SftpTarget } from '../sftp';

/** A folder of backup archives on an SFTP server (under the target's base folder). */
export interface SftpArchiveFolder {
  target: SftpTarget;
  folder: string;
}

async function session<T>(f: SftpArchiveFolder, use: (sftp: Awaited<ReturnType<typeof connectSftp>>, dir: string) => Promise<T>): Promise<T> {
  const sftp = await connectSftp(f.target);
  try {
    return await use(sftp, path.posix.join(f.target.baseDir, f.folder));
  } finally {
    await sftp.end();
  }
}

/** Streams a local archive up (to a `.part` name, renamed when complete); returns its remote path. */
export function uploadArchive(f: SftpArchiveFolder, localFile: string): Promise<string> {
  return session(f, async (sftp, dir) => {
    await sftp.mkdir(dir, true);
    const remote = path.posix.join(dir, path.basename(localFile));
    await sftp.put(localFile, `${remote}.part`);
    await sftp.rename(`${remote}.part`, remote);
    return remote;
  });
}

/** The names of the files in the folder (none when it does not exist). */
export function listArchives(f: SftpArchiveFolder): Promise<string[]> {
  return session(f, async (sftp, dir) => ((await sftp.exists(dir)) ? (await sftp.list(dir)).filter((e) => e.type === '-').map((e) => e.name).sort() : []));
}

export function deleteArchives(f: SftpArchiveFolder, names: string[]): Promise<void> {
  return session(f, async (sftp, dir) => {
    for (const name of names) await sftp.delete(path.posix.join(dir, name));
  });
}
