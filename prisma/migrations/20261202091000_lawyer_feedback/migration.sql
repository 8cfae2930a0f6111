-- The lawyer exchange's incoming half: lawyers, their feedback files and reports, the quarantine
-- of lines that could not be taken, and the events that move a claim's limitation.

-- CreateEnum
CREATE TYPE "LawyerFileStatus" AS ENUM ('RECEIVED', 'PROCESSED', 'QUARANTINED');

-- CreateTable
CREATE TABLE "Lawyer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "outboxFolder" TEXT NOT NULL,
    "doneFolder" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lawyer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LawyerFeedbackFile" (
    "id" TEXT NOT NULL,
    "lawyerId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "status" "LawyerFileStatus" NOT NULL DEFAULT 'RECEIVED',
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    "problemCount" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "LawyerFeedbackFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LawyerReport" (
    "id" TEXT NOT NULL,
    "lawyerId" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "fileId" TEXT,
    "line" INTEGER,
    "claimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LawyerReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionQuarantine" (
    "id" TEXT NOT NULL,
    "lawyerId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT,
    "reason" TEXT NOT NULL,
    "raw" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionQuarantine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Lawyer_iban_key" ON "Lawyer"("iban");
CREATE UNIQUE INDEX "LawyerFeedbackFile_lawyerId_sha256_key" ON "LawyerFeedbackFile"("lawyerId", "sha256");
CREATE UNIQUE INDEX "LawyerReport_lawyerId_lineId_key" ON "LawyerReport"("lawyerId", "lineId");
CREATE INDEX "LawyerReport_claimId_idx" ON "LawyerReport"("claimId");
CREATE INDEX "LawyerReport_fileId_idx" ON "LawyerReport"("fileId");
CREATE UNIQUE INDEX "CollectionQuarantine_fileId_line_key" ON "CollectionQuarantine"("fileId", "line");

-- AddForeignKey
ALTER TABLE "LawyerFeedbackFile" ADD CONSTRAINT "LawyerFeedbackFile_lawyerId_fkey" FOREIGN KEY ("lawyerId") REFERENCES "Lawyer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LawyerReport" ADD CONSTRAINT "LawyerReport_lawyerId_fkey" FOREIGN KEY ("lawyerId") REFERENCES "Lawyer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LawyerReport" ADD CONSTRAINT "LawyerReport_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "LawyerFeedbackFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
