-- Levy recipients are paid in payout runs: a line of their own, and the levies each line pays
-- (PayoutRunLevyItem, keyed by the levy's ledger entry: no levy taken is in two runs).

-- AlterEnum
ALTER TYPE "PayoutRecipientKind" ADD VALUE 'LEVY_RECIPIENT';

-- CreateTable
CREATE TABLE "PayoutRunLevyItem" (
    "levyKey" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "claimLevyId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "PayoutRunLevyItem_pkey" PRIMARY KEY ("levyKey")
);

-- CreateIndex
CREATE INDEX "PayoutRunLevyItem_lineId_idx" ON "PayoutRunLevyItem"("lineId");

-- AddForeignKey
ALTER TABLE "PayoutRunLevyItem" ADD CONSTRAINT "PayoutRunLevyItem_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "PayoutRunLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
