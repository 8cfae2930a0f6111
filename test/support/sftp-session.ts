import { connectSftp, type SftpTarget } from '../../infra/sftp';

/** The bank's SFTP server in tests: with no BANK_SFTP_URL, the real OpenSSH server the test environment runs. */
export const testBankSftp = (): SftpTarget => JSON.parse(process.env.CF_TEST_SFTP!) as SftpTarget;

/** Runs `fn` in a session on the server, ended afterwards. */
export async function onSftpServer<T>(target: SftpTarget, fn: (sftp: Awaited<ReturnType<typeof connectSftp>>) => Promise<T>): Promise<T> {
  const sftp = await connectSftp(target);
  try {
    return await fn(sftp);
  } finally {
    await sftp.end();
  }
}
