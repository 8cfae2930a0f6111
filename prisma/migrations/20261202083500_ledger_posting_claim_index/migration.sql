-- One index serves a claim's balances over all its accounts or some: each posting a bank import
-- writes updates one index fewer.
DROP INDEX "LedgerPosting_account_claimId_idx";

DROP INDEX "LedgerPosting_claimId_idx";

CREATE INDEX "LedgerPosting_claimId_account_idx" ON "LedgerPosting"("claimId", "account");
