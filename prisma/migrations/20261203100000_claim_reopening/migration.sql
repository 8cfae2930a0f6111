-- Staff reopen a closed claim: one row per new round of the claim.
CREATE TABLE "ClaimReopening" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "stage" "ClaimStage" NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "actor" TEXT NOT NULL,
    "reversedTransactionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimReopening_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ClaimReopening_requestId_key" ON "ClaimReopening"("requestId");
CREATE UNIQUE INDEX "ClaimReopening_claimId_round_key" ON "ClaimReopening"("claimId", "round");

ALTER TABLE "ClaimReopening" ADD CONSTRAINT "ClaimReopening_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
