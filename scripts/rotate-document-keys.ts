import { createDb } from '../infra/db/prisma';
import { keyringOf } from '../infra/dms/content-cipher';
import { DatabaseDocumentStore } from '../infra/dms/database-store';

/**
 * Key rotation of the built-in document store: put the new key first in DOCUMENT_ENCRYPTION_KEY
 * ("new,old"), run `npx tsx scripts/rotate-document-keys.ts` once, then drop the old key. Also
 * encrypts content the document-store migration moved in unencrypted.
 */
async function main(): Promise<void> {
  const keys = process.env.DOCUMENT_ENCRYPTION_KEY;
  if (!keys) throw new Error('DOCUMENT_ENCRYPTION_KEY is not set');
  const db = createDb();
  try {
    const count = await new DatabaseDocumentStore(db, keyringOf(keys.split(','))).rotate();
    console.log(`re-encrypted ${count} stored contents with key ${keyringOf(keys.split(',')).current.id}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
