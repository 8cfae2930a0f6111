-- Before/after values of a change of state, in the hash chain with the rest of the event.
ALTER TABLE "AuditEvent" ADD COLUMN "before" JSONB, ADD COLUMN "after" JSONB;

-- Art. 18 GDPR restriction and the retention sweep's anonymisation.
ALTER TABLE "Person" ADD COLUMN "restrictedAt" TIMESTAMP(3), ADD COLUMN "restrictionReason" TEXT, ADD COLUMN "anonymisedAt" TIMESTAMP(3);
