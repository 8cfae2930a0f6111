import type { Db } from '../infra/db/prisma';
import type { Policy } from '../domain/policy';
import type { Tariff } from '../prisma/generated/client';
import type { CollectionAccount } from '../domain/money/collection-account';
import { SYSTEM_POLICY_ID } from './policy';

/** Sets the system-wide policy (policy data is data: the demo and tests set short durations). */
export async function setSystemPolicy(db: Db, policy: Policy): Promise<void> {
  await db.policy.upsert({
    where: { id: SYSTEM_POLICY_ID },
    create: { id: SYSTEM_POLICY_ID, name: 'System', data: policy },
    update: { data: policy },
  });
}

export interface ClientSeed {
  id: string;
  number: string;
  name: string;
  tariff: Tariff;
  email: string;
  /** The client's payout account (never a collection account). */
  payoutIban: string;
  payoutBic?: string;
  street: string;
  postalCode: string;
  city: string;
  /** A client-specific policy overriding fields of the system policy. */
  policy?: Partial<Policy>;
}

/** Creates or updates a client and its own policy overrides. */
export async function upsertClient(db: Db, c: ClientSeed): Promise<void> {
  const { policy, ...fields } = c;
  const policyId = policy ? `client-${c.id}` : null;
  if (policy) {
    await db.policy.upsert({ where: { id: policyId! }, create: { id: policyId!, name: `Client ${c.number}`, data: policy }, update: { data: policy } });
  }
  await db.client.upsert({ where: { id: c.id }, create: { ...fields, policyId }, update: { ...fields, policyId } });
}

/** The sample practice the demo bills for. */
export const SAMPLE_CLIENT: ClientSeed = {
  id: 'C001',
  number: '10001',
  name: 'Praxisgemeinschaft Dr. med. Berger & Kollegen',
  tariff: 'INKASSO',
  email: 'praxis@berger-kollegen.example',
  payoutIban: 'DE02120300000000202051',
  payoutBic: 'BYLADEM1001',
  street: 'Hohe Straße 12',
  postalCode: '50667',
  city: 'Köln',
};

/** A doctor of the sample practice who is a client of their own, with Sofortfactoring. */
export const SAMPLE_DOCTOR_CLIENT: ClientSeed = {
  id: 'C002',
  number: '10002',
  name: 'Dr. med. Henning Oberländer',
  tariff: 'SOFORTFACTORING',
  email: 'oberlaender@berger-kollegen.example',
  payoutIban: 'DE27100777770209299700',
  street: 'Hohe Straße 12',
  postalCode: '50667',
  city: 'Köln',
};

/**
 * The centre's collection accounts of a local run and the tests: its own account (the one the demo's
 * and the tests' statements are for) and the trust account shared by its Inkasso clients.
 */
export const SAMPLE_COLLECTION_ACCOUNTS: CollectionAccount[] = [
  { id: 'CA-OWN', kind: 'OWN', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', holder: 'PVS Musterstadt GmbH', bankName: 'Commerzbank', clientId: null, active: true },
  { id: 'CA-TRUST', kind: 'TRUST', iban: 'DE12500105170648489890', bic: 'INGDDEFFXXX', holder: 'PVS Musterstadt GmbH Treuhandkonto', bankName: 'ING', clientId: null, active: true },
];

/** Adds the accounts that are missing (concurrent seeds of the same accounts do not collide). */
export async function seedCollectionAccounts(db: Db, accounts: CollectionAccount[] = SAMPLE_COLLECTION_ACCOUNTS): Promise<void> {
  await db.collectionAccount.createMany({ data: accounts, skipDuplicates: true });
}

/** Splitting rule: in `submitterId`'s files, the records of doctor `externalId` belong to `clientId`. */
export async function upsertDoctor(db: Db, d: { submitterId: string; externalId: string; clientId: string; name: string }): Promise<void> {
  const id = `${d.submitterId}:${d.externalId}`;
  await db.doctor.upsert({
    where: { submitterId_externalId: { submitterId: d.submitterId, externalId: d.externalId } },
    create: { id, ...d },
    update: { clientId: d.clientId, name: d.name },
  });
}
