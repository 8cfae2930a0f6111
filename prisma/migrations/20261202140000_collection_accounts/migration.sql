-- Collection accounts (the centre's accounts patients pay into) apart from the client's payout
-- account: letters named Client.iban, where payouts went too, so a patient paid the doctor directly.

-- The client's account keeps its data under its one remaining purpose.
ALTER TABLE "Client" RENAME COLUMN "iban" TO "payoutIban";
ALTER TABLE "Client" ADD COLUMN "payoutBic" TEXT,
ADD COLUMN "payoutHolder" TEXT;

-- CreateEnum
CREATE TYPE "CollectionAccountKind" AS ENUM ('OWN', 'TRUST');

-- CreateTable
CREATE TABLE "CollectionAccount" (
    "id" TEXT NOT NULL,
    "kind" "CollectionAccountKind" NOT NULL,
    "iban" TEXT NOT NULL,
    "bic" TEXT,
    "holder" TEXT NOT NULL,
    "bankName" TEXT,
    "clientId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollectionAccount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CollectionAccount_iban_key" ON "CollectionAccount"("iban");

-- CreateIndex
CREATE INDEX "CollectionAccount_clientId_idx" ON "CollectionAccount"("clientId");

-- AddForeignKey
ALTER TABLE "CollectionAccount" ADD CONSTRAINT "CollectionAccount_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE SET NULL ON UPDATE CASCADE;
