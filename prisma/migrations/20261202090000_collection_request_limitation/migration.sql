-- The collection request (Beitreibungsanfrage) and limitation (§§ 195, 199, 203, 204, 197 BGB):
-- the stage in which the client is asked, its answers, the claim's limitation date and the
-- events that move it.
ALTER TYPE "ClaimStage" ADD VALUE 'COLLECTION_REQUEST' BEFORE 'COLLECTION';

ALTER TABLE "Claim" ADD COLUMN "limitationDate" DATE;
ALTER TABLE "Claim" ADD COLUMN "limitationPassedAt" TIMESTAMP(3);
CREATE INDEX "Claim_limitationDate_idx" ON "Claim"("limitationDate");

CREATE TABLE "CollectionDecision" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "until" TIMESTAMP(3),
    "reason" TEXT,
    "source" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CollectionDecision_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CollectionDecision_idempotencyKey_key" ON "CollectionDecision"("idempotencyKey");
CREATE INDEX "CollectionDecision_claimId_idx" ON "CollectionDecision"("claimId");
ALTER TABLE "CollectionDecision" ADD CONSTRAINT "CollectionDecision_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "LimitationEvent" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "until" TEXT,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LimitationEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "LimitationEvent_claimId_kind_date_key" ON "LimitationEvent"("claimId", "kind", "date");
CREATE INDEX "LimitationEvent_claimId_idx" ON "LimitationEvent"("claimId");
