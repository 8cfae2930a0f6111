-- The audit trail becomes tamper-evident: append-only, and sealed into a hash chain.
ALTER TABLE "AuditEvent" ADD COLUMN "xid" BIGINT NOT NULL DEFAULT txid_current();
CREATE INDEX "AuditEvent_xid_id_idx" ON "AuditEvent"("xid", "id");
CREATE INDEX "AuditEvent_actor_at_idx" ON "AuditEvent"("actor", "at");
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

CREATE TABLE "AuditSeal" (
    "seq" BIGINT NOT NULL,
    "eventId" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("seq")
);
CREATE UNIQUE INDEX "AuditSeal_eventId_key" ON "AuditSeal"("eventId");
ALTER TABLE "AuditSeal" ADD CONSTRAINT "AuditSeal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AuditEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "AuditSealRun" (
    "id" BIGSERIAL NOT NULL,
    "belowXid" BIGINT NOT NULL,
    "sealed" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditSealRun_pkey" PRIMARY KEY ("id")
);

-- Hand-written: the trail and its seals are append-only, as the ledger is.
CREATE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: the audit trail is never changed or deleted', TG_TABLE_NAME;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER "AuditSeal_append_only" BEFORE UPDATE OR DELETE ON "AuditSeal" FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER "AuditSealRun_append_only" BEFORE UPDATE OR DELETE ON "AuditSealRun" FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER "AuditSeal_no_truncate" BEFORE TRUNCATE ON "AuditSeal" FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
