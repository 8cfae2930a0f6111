-- Splitting and levies: the rules per client and what they produced per claim.
CREATE TABLE "SplitRule" (
    "clientId" TEXT NOT NULL,
    "stages" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SplitRule_pkey" PRIMARY KEY ("clientId")
);

CREATE TABLE "LevyRecipient" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "bic" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LevyRecipient_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LevyRule" (
    "clientId" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "LevyRule_pkey" PRIMARY KEY ("clientId")
);

CREATE TABLE "ClaimShare" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "stage" INTEGER NOT NULL,
    "clientId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "lines" JSONB NOT NULL,
    CONSTRAINT "ClaimShare_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ClaimShare_amount_not_negative" CHECK ("amountCents" >= 0)
);
CREATE UNIQUE INDEX "ClaimShare_claimId_stage_key" ON "ClaimShare"("claimId", "stage");
CREATE INDEX "ClaimShare_clientId_idx" ON "ClaimShare"("clientId");
ALTER TABLE "ClaimShare" ADD CONSTRAINT "ClaimShare_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ClaimLevy" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "ruleIndex" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "lines" JSONB NOT NULL,
    CONSTRAINT "ClaimLevy_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ClaimLevy_amount_positive" CHECK ("amountCents" > 0)
);
CREATE UNIQUE INDEX "ClaimLevy_claimId_clientId_ruleIndex_key" ON "ClaimLevy"("claimId", "clientId", "ruleIndex");
CREATE INDEX "ClaimLevy_recipientId_idx" ON "ClaimLevy"("recipientId");
ALTER TABLE "ClaimLevy" ADD CONSTRAINT "ClaimLevy_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ClaimLevy" ADD CONSTRAINT "ClaimLevy_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "LevyRecipient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
