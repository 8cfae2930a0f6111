-- CreateEnum
CREATE TYPE "BankFileStatus" AS ENUM ('IMPORTED', 'QUARANTINED');

-- CreateEnum
CREATE TYPE "BankLineStatus" AS ENUM ('MATCHED', 'UNCLEAR', 'RESOLVED', 'REVERSED', 'IGNORED');

-- CreateTable
CREATE TABLE "BankStatementFile" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT,
    "sha256" TEXT NOT NULL,
    "status" "BankFileStatus" NOT NULL,
    "error" JSONB,
    "content" BYTEA NOT NULL,
    "statementCount" INTEGER NOT NULL DEFAULT 0,
    "lineCount" INTEGER NOT NULL DEFAULT 0,
    "duplicateLineCount" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankStatementFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankLine" (
    "id" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "statementId" TEXT,
    "bookingDate" TEXT NOT NULL,
    "valueDate" TEXT,
    "amountCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "originalAmountCents" INTEGER,
    "originalCurrency" TEXT,
    "kind" TEXT NOT NULL,
    "entryRef" TEXT,
    "endToEndId" TEXT,
    "counterpartyName" TEXT,
    "counterpartyIban" TEXT,
    "remittance" TEXT NOT NULL,
    "bankCode" TEXT,
    "returnReason" TEXT,
    "source" TEXT NOT NULL,
    "status" "BankLineStatus" NOT NULL,
    "decision" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankAllocation" (
    "id" TEXT NOT NULL,
    "bankLineId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "claimId" TEXT,
    "paymentId" TEXT,
    "amountCents" INTEGER NOT NULL,
    "iban" TEXT,
    "automatic" BOOLEAN NOT NULL,
    "confidence" DOUBLE PRECISION,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reversedAt" TIMESTAMP(3),
    "reversedBy" TEXT,

    CONSTRAINT "BankAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BankStatementFile_sha256_key" ON "BankStatementFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "BankLine_dedupKey_key" ON "BankLine"("dedupKey");

-- CreateIndex
CREATE INDEX "BankLine_status_idx" ON "BankLine"("status");

-- CreateIndex
CREATE INDEX "BankLine_counterpartyIban_idx" ON "BankLine"("counterpartyIban");

-- CreateIndex
CREATE INDEX "BankLine_endToEndId_idx" ON "BankLine"("endToEndId");

-- CreateIndex
CREATE UNIQUE INDEX "BankAllocation_paymentId_key" ON "BankAllocation"("paymentId");

-- CreateIndex
CREATE INDEX "BankAllocation_claimId_idx" ON "BankAllocation"("claimId");

-- AddForeignKey
ALTER TABLE "BankLine" ADD CONSTRAINT "BankLine_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "BankStatementFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankAllocation" ADD CONSTRAINT "BankAllocation_bankLineId_fkey" FOREIGN KEY ("bankLineId") REFERENCES "BankLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

