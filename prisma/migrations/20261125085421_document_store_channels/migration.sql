-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "fax" TEXT;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "emailConsent" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "fax" TEXT;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "dmsRef" TEXT,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "personId" TEXT,
ADD COLUMN     "printBatchId" TEXT,
ADD COLUMN     "retainUntil" TIMESTAMP(3),
ADD COLUMN     "sourceId" TEXT;

-- CreateTable
CREATE TABLE "StoredContent" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredContent_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "DeliveryAttempt" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "externalRef" TEXT,
    "error" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrintBatch" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "folder" TEXT,
    "documentCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "writtenAt" TIMESTAMP(3),

    CONSTRAINT "PrintBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryAttempt_documentId_channel_attempt_key" ON "DeliveryAttempt"("documentId", "channel", "attempt");

-- CreateIndex
CREATE INDEX "Document_claimId_idx" ON "Document"("claimId");

-- CreateIndex
CREATE INDEX "Document_clientId_idx" ON "Document"("clientId");

-- CreateIndex
CREATE INDEX "Document_personId_idx" ON "Document"("personId");

-- CreateIndex
CREATE INDEX "Document_status_idx" ON "Document"("status");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_printBatchId_fkey" FOREIGN KEY ("printBatchId") REFERENCES "PrintBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryAttempt" ADD CONSTRAINT "DeliveryAttempt_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Move archived content into the content store (once per sha256). It arrives unencrypted
-- (keyId "none"); the document store encrypts such rows on its next key rotation run.
INSERT INTO "StoredContent" ("sha256", "size", "mimeType", "keyId", "data")
SELECT DISTINCT ON ("sha256") "sha256", octet_length("content"), "mimeType", 'none', "content"
FROM "Document" ORDER BY "sha256", "createdAt";

ALTER TABLE "Document" DROP COLUMN "content";
