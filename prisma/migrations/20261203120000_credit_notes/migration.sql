-- Partial credit notes (Teilgutschriften): their own number series, one per staff request.
CREATE TABLE "CreditNote" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "claimId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "lines" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CreditNote_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CreditNote_amount_positive" CHECK ("amountCents" > 0)
);

CREATE UNIQUE INDEX "CreditNote_requestId_key" ON "CreditNote"("requestId");
CREATE UNIQUE INDEX "CreditNote_number_key" ON "CreditNote"("number");
CREATE INDEX "CreditNote_claimId_idx" ON "CreditNote"("claimId");

ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
