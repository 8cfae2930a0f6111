-- AlterEnum
ALTER TYPE "BankFileStatus" ADD VALUE 'RECEIVED';

-- AlterTable
ALTER TABLE "BankStatementFile" ADD COLUMN     "statements" JSONB;

