-- Payout runs: a run per cut-off with one line per recipient, and the claim-level payables
-- (Payout rows) each line pays. A payable is in one run at most: PayoutRunItem's key is the payout.

-- CreateEnum
CREATE TYPE "PayoutRunStatus" AS ENUM ('PREVIEWED', 'APPROVED', 'EXECUTING', 'EXECUTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PayoutRecipientKind" AS ENUM ('CLIENT');

-- CreateTable
CREATE TABLE "PayoutRun" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "status" "PayoutRunStatus" NOT NULL DEFAULT 'PREVIEWED',
    "cutOff" TIMESTAMP(3) NOT NULL,
    "executionDate" DATE NOT NULL,
    "preparedBy" TEXT NOT NULL,
    "preparedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMP(3),
    "cancelledBy" TEXT,
    "executedAt" TIMESTAMP(3),
    "totalCents" INTEGER NOT NULL,
    "lineCount" INTEGER NOT NULL,
    "heldBackCents" INTEGER NOT NULL,
    "sepaMsgId" TEXT,
    "sepaFile" BYTEA,
    "sepaSha256" TEXT,
    "sepaUploadedTo" TEXT,

    CONSTRAINT "PayoutRun_pkey" PRIMARY KEY ("id"),
    -- Four eyes, kept by the database too: the approver is never the preparer.
    CONSTRAINT "PayoutRun_four_eyes" CHECK ("approvedBy" IS NULL OR "approvedBy" <> "preparedBy")
);

-- CreateTable
CREATE TABLE "PayoutRunLine" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "recipientKind" "PayoutRecipientKind" NOT NULL,
    "recipientId" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "iban" TEXT,
    "bic" TEXT,
    "holder" TEXT,
    "endToEndId" TEXT NOT NULL,
    "heldBackReason" TEXT,

    CONSTRAINT "PayoutRunLine_pkey" PRIMARY KEY ("id"),
    -- A line paid is a positive transfer to an account.
    CONSTRAINT "PayoutRunLine_paid_has_account" CHECK ("heldBackReason" IS NOT NULL OR ("amountCents" > 0 AND "iban" IS NOT NULL AND "holder" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "PayoutRunItem" (
    "payoutId" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "PayoutRunItem_pkey" PRIMARY KEY ("payoutId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PayoutRun_number_key" ON "PayoutRun"("number");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutRun_sepaMsgId_key" ON "PayoutRun"("sepaMsgId");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutRunLine_endToEndId_key" ON "PayoutRunLine"("endToEndId");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutRunLine_runId_recipientKind_recipientId_key" ON "PayoutRunLine"("runId", "recipientKind", "recipientId");

-- CreateIndex
CREATE INDEX "PayoutRunItem_lineId_idx" ON "PayoutRunItem"("lineId");

-- AddForeignKey
ALTER TABLE "PayoutRunLine" ADD CONSTRAINT "PayoutRunLine_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PayoutRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutRunItem" ADD CONSTRAINT "PayoutRunItem_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutRunItem" ADD CONSTRAINT "PayoutRunItem_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "PayoutRunLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
