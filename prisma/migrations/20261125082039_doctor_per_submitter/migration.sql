-- DropIndex
DROP INDEX "Doctor_externalId_key";

-- AlterTable
ALTER TABLE "Doctor" ADD COLUMN     "submitterId" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Doctor_submitterId_externalId_key" ON "Doctor"("submitterId", "externalId");

-- AddForeignKey
ALTER TABLE "Doctor" ADD CONSTRAINT "Doctor_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

