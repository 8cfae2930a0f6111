import type { DocumentStore } from '../../infra/dms/document-store';
import type { Db } from '../../infra/db/prisma';
import { retentionCutoff } from '../../domain/persons/retention';
import type { RetentionPolicy } from '../../domain/persons/retention-policy';
import type { RetentionSweepResult } from '../../contracts/persons/retention-sweep-result';
import { loadSystemPolicy } from '../../persistence/policy';
import { anonymisePerson, expiredDocuments, markErased, personsPastRetention } from '../../persistence/persons/retention-sweep';

const PAGE = 200;

/**
 * The retention sweep (Schedule `retention-sweep`): persons whose every claim is past the policy's
 * `personalDataYears` are anonymised; documents past their kind's period (booking records ten
 * years, business letters six) lose their content. Each step is audited; a rerun finds nothing left.
 */
export async function sweepRetention(db: Db, store: DocumentStore, today = new Date()): Promise<RetentionSweepResult> {
  const policy = (await loadSystemPolicy(db)).retention;
  let anonymisedPersons = 0;
  const personCutoff = retentionCutoff(today, policy.personalDataYears);
  for (let page = await personsPastRetention(db, personCutoff, PAGE); page.length > 0; page = await personsPastRetention(db, personCutoff, PAGE, page[page.length - 1])) {
    for (const id of page) if (await anonymisePerson(db, id)) anonymisedPersons++;
  }
  const erasedDocuments = (await eraseExpired(db, store, policy, today, false)) + (await eraseExpired(db, store, policy, today, true));
  return { anonymisedPersons, erasedDocuments };
}

/** Erases the booking records past their period, or (`otherKinds`) every other document past its own. */
async function eraseExpired(db: Db, store: DocumentStore, policy: RetentionPolicy, today: Date, otherKinds: boolean): Promise<number> {
  const cutoff = retentionCutoff(today, otherKinds ? policy.businessLetterYears : policy.bookingRecordYears);
  let erased = 0;
  for (let page = await expiredDocuments(db, { kinds: policy.bookingRecordKinds, otherKinds, cutoff, limit: PAGE }); page.length > 0; page = await expiredDocuments(db, { kinds: policy.bookingRecordKinds, otherKinds, cutoff, limit: PAGE })) {
    for (const doc of page) {
      // The row is marked first: a crash after it leaves content no row points at, never a row without content.
      if (await markErased(db, doc)) await store.delete(doc.ref);
      erased++;
    }
  }
  return erased;
}
