-- CreateIndex
CREATE INDEX "Person_lastName_firstName_postalCode_idx" ON "Person"("lastName", "firstName", "postalCode");

-- CreateIndex
CREATE INDEX "Claim_responsibleId_idx" ON "Claim"("responsibleId");

-- CreateIndex
CREATE INDEX "LedgerPosting_claimId_idx" ON "LedgerPosting"("claimId");

-- CreateIndex
CREATE INDEX "BankLine_fileId_idx" ON "BankLine"("fileId");

-- CreateIndex
CREATE INDEX "BankAllocation_bankLineId_idx" ON "BankAllocation"("bankLineId");

