import { randomUUID } from 'node:crypto';
import type { Db } from '../../infra/db/prisma';
import { Prisma, type DocumentTemplate } from '../../prisma/generated/client';
import { assertValidTemplate } from '../../domain/documents/template-placeholders';
import { TemplateNotFoundError } from '../../domain/documents/template-key';
import { audit } from '../audit';

/**
 * Saves an edit of a free-letter template as its next version (rows are never changed, so every
 * letter sent can be traced to the exact text). Refuses unknown placeholders (TemplateError).
 * Two staff saving at once both get a version: the loser of the unique index retries.
 */
export async function saveTemplateVersion(
  db: Db,
  t: { key: string; clientId: string | null; subject: string; body: string; createdBy: string },
): Promise<DocumentTemplate> {
  assertValidTemplate(t.key, t.subject, t.body);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const last = await tx.documentTemplate.findFirst({ where: { key: t.key, clientId: t.clientId }, orderBy: { version: 'desc' }, select: { version: true } });
        const row = await tx.documentTemplate.create({ data: { id: randomUUID(), ...t, version: (last?.version ?? 0) + 1 } });
        await audit(tx, t.createdBy, 'template_version', 'document_template', row.id, { key: t.key, clientId: t.clientId, version: row.version });
        return row;
      });
    } catch (e) {
      if (attempt < 5 && e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') continue;
      throw e;
    }
  }
}

/**
 * The template a letter for `clientId` uses: the client's own version of the key if it has one,
 * else the one for all clients; the newest version unless `version` is given.
 */
export async function loadTemplate(db: Db, key: string, opts: { clientId?: string | null; version?: number } = {}): Promise<DocumentTemplate> {
  const owners = opts.clientId ? [opts.clientId, null] : [null];
  for (const clientId of owners) {
    const found = await db.documentTemplate.findFirst({
      where: { key, clientId, ...(opts.version !== undefined ? { version: opts.version } : {}) },
      orderBy: { version: 'desc' },
    });
    if (found) return found;
  }
  const which = `${opts.version !== undefined ? `version ${opts.version} of ` : ''}template "${key}"`;
  throw new TemplateNotFoundError(`${which} does not exist${opts.clientId ? ` for client ${opts.clientId} or for all clients` : ''}`);
}

/** The newest version of every template, for all clients and (when given) the client's own. */
export async function listTemplates(db: Db, clientId?: string): Promise<DocumentTemplate[]> {
  return db.documentTemplate.findMany({
    where: { OR: [{ clientId: null }, ...(clientId ? [{ clientId }] : [])] },
    distinct: ['key', 'clientId'],
    orderBy: [{ key: 'asc' }, { clientId: 'asc' }, { version: 'desc' }],
  });
}

/** Every version of one template, newest first. */
export async function templateVersions(db: Db, key: string, clientId: string | null): Promise<DocumentTemplate[]> {
  return db.documentTemplate.findMany({ where: { key, clientId }, orderBy: { version: 'desc' } });
}
