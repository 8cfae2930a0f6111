-- The refinancing factor: factors, sale runs and the claims sold (each once), the factor's answer
-- files (once per sha256) and the quarantine of answer lines that could not be taken.

CREATE TABLE "Factor" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "inboxFolder" TEXT NOT NULL,
    "outboxFolder" TEXT NOT NULL,
    "doneFolder" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Factor_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "FactorRun" (
    "id" TEXT NOT NULL,
    "factorId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "claimCount" INTEGER NOT NULL,
    "openCents" INTEGER NOT NULL,
    "uploadedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FactorRun_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "FactorRun_fileName_key" ON "FactorRun"("fileName");
ALTER TABLE "FactorRun" ADD CONSTRAINT "FactorRun_factorId_fkey" FOREIGN KEY ("factorId") REFERENCES "Factor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "FactorSale" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "factorId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "openCents" INTEGER NOT NULL,
    "purchasePriceCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SOLD',
    "factorPriceCents" INTEGER,
    "reason" TEXT,
    "answerLineId" TEXT,
    "answerFileId" TEXT,
    "answerLine" INTEGER,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FactorSale_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "FactorSale_claimId_key" ON "FactorSale"("claimId");
CREATE UNIQUE INDEX "FactorSale_factorId_answerLineId_key" ON "FactorSale"("factorId", "answerLineId");
CREATE INDEX "FactorSale_runId_idx" ON "FactorSale"("runId");
ALTER TABLE "FactorSale" ADD CONSTRAINT "FactorSale_factorId_fkey" FOREIGN KEY ("factorId") REFERENCES "Factor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "FactorSale" ADD CONSTRAINT "FactorSale_runId_fkey" FOREIGN KEY ("runId") REFERENCES "FactorRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "FactorFile" (
    "id" TEXT NOT NULL,
    "factorId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "status" "LawyerFileStatus" NOT NULL DEFAULT 'RECEIVED',
    "answerCount" INTEGER NOT NULL DEFAULT 0,
    "problemCount" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    CONSTRAINT "FactorFile_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "FactorFile_factorId_sha256_key" ON "FactorFile"("factorId", "sha256");
ALTER TABLE "FactorFile" ADD CONSTRAINT "FactorFile_factorId_fkey" FOREIGN KEY ("factorId") REFERENCES "Factor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "FactorQuarantine" (
    "id" TEXT NOT NULL,
    "factorId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT,
    "reason" TEXT NOT NULL,
    "raw" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FactorQuarantine_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "FactorQuarantine_fileId_line_key" ON "FactorQuarantine"("fileId", "line");
