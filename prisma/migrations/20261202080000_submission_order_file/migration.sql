-- A billing file delivered with its PADneXt order file (Auftragsdatei): the order file is kept
-- beside it, so the intake checks length and SHA-1 against it.
ALTER TABLE "Submission" ADD COLUMN "orderFileName" TEXT,
ADD COLUMN "orderContent" BYTEA;
