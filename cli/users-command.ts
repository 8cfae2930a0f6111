import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Refusal } from '../domain/refusal';
import { withAuthService } from '../services/auth/auth-service';

export const USERS_USAGE = `claimflow users add --name NAME --role ROLE [--role ROLE…] [--partner ID] --password-file FILE`;

/**
 * `claimflow users add` against DATABASE_URL: a local user of the embedded login (the first
 * administrator, typically). The password is read from a file (first line), never from the
 * command line, where it would land in the shell history and the process list.
 * Exit 0: created; 1: refused (name taken, weak password, roles); 2: usage.
 */
export async function usersCommand(args: string[], out: (line: string) => void): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { name: { type: 'string' }, role: { type: 'string', multiple: true }, partner: { type: 'string' }, 'password-file': { type: 'string' } }, allowPositionals: false }));
  } catch (e) {
    out(`${(e as Error).message}\nusage: ${USERS_USAGE}`);
    return 2;
  }
  if (!values.name || !values.role?.length || !values['password-file']) {
    out(`usage: ${USERS_USAGE}`);
    return 2;
  }
  const password = fs.readFileSync(values['password-file'], 'utf8').split(/\r?\n/)[0];
  // "admin" is what people type for the administrator.
  const roles = values.role.map((r) => (r === 'admin' ? 'administrator' : r));
  return withAuthService(process.env.DATABASE_URL, async (auth) => {
    try {
      const user = await auth.users.add({ name: values.name!, roles, partnerId: values.partner, password }, 'cli');
      out(`user ${user.name} created (${user.roles.join(', ')}); sign in with POST /api/auth/login`);
      return 0;
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      out(`refused: ${e.message}`);
      return 1;
    }
  });
}
