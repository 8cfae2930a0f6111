-- The SEPA mandate reference of a bank line: a returned direct debit echoes it, so it finds our collection.
ALTER TABLE "BankLine" ADD COLUMN "mandateId" TEXT;

CREATE INDEX "BankLine_mandateId_idx" ON "BankLine"("mandateId");
