-- A payout run's transfer, recognised on the bank statement by its end-to-end id.
ALTER TABLE "PayoutRunLine" ADD COLUMN "bankLineId" TEXT;
CREATE UNIQUE INDEX "PayoutRunLine_bankLineId_key" ON "PayoutRunLine"("bankLineId");
ALTER TABLE "PayoutRunLine" ADD CONSTRAINT "PayoutRunLine_bankLineId_fkey" FOREIGN KEY ("bankLineId") REFERENCES "BankLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;
