import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForPort } from './free-port';
import { stopChild } from './stop-child';
import type { SftpTarget } from '../sftp';

/**
 * A real SFTP server: OpenSSH's sshd on a loopback port with its own host key, one authorised
 * client key and the internal-sftp subsystem rooted in `rootDir`. Stands in for the lawyer's or
 * factor's SFTP server when none is configured.
 */
export async function startLocalSftp(opts: { port: number; stateDir: string; rootDir: string }): Promise<SftpTarget & { stop(): Promise<void> }> {
  const sshd = ['/usr/sbin/sshd', '/usr/bin/sshd'].find((p) => fs.existsSync(p));
  if (!sshd) throw new Error('OpenSSH server (sshd) is not installed: run `make setup` (apt-get install openssh-server)');
  fs.mkdirSync(opts.stateDir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(opts.rootDir, { recursive: true });
  const hostKey = path.join(opts.stateDir, 'host_ed25519');
  const clientKey = path.join(opts.stateDir, 'client_ed25519');
  for (const key of [hostKey, clientKey]) {
    if (!fs.existsSync(key)) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
  }
  const authorizedKeys = path.join(opts.stateDir, 'authorized_keys');
  fs.copyFileSync(`${clientKey}.pub`, authorizedKeys);
  const user = os.userInfo().username;
  const config = path.join(opts.stateDir, 'sshd_config');
  fs.writeFileSync(
    config,
    [
      `ListenAddress 127.0.0.1`,
      `Port ${opts.port}`,
      `HostKey ${hostKey}`,
      `PidFile ${path.join(opts.stateDir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      `AllowUsers ${user}`,
      `PermitRootLogin prohibit-password`,
      `PasswordAuthentication no`,
      `KbdInteractiveAuthentication no`,
      `UsePAM no`,
      `StrictModes no`,
      `Subsystem sftp internal-sftp`,
      `ForceCommand internal-sftp -d ${opts.rootDir}`,
      '',
    ].join('\n'),
  );
  // sshd needs its privilege-separation directory.
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const child: ChildProcess = spawn(sshd, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await waitForPort(opts.port, 10_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`sshd did not start: ${(e as Error).message}\n${stderr}`);
  }
  return {
    host: '127.0.0.1',
    port: opts.port,
    username: user,
    privateKey: fs.readFileSync(clientKey, 'utf8'),
    baseDir: opts.rootDir,
    stop: () => stopChild(child),
  };
}
