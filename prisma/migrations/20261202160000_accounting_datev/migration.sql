-- Postings carry their currency (ISO 4217); the ledger so far was all EUR.
ALTER TABLE "LedgerPosting" ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'EUR';
ALTER TABLE "LedgerPosting" ADD CONSTRAINT "LedgerPosting_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');

-- The accounting date of an entry; entries booked so far are dated by when they were recorded.
ALTER TABLE "LedgerTransaction" ADD COLUMN "bookingDate" DATE NOT NULL DEFAULT ((now() AT TIME ZONE 'UTC'))::date;
UPDATE "LedgerTransaction" SET "bookingDate" = ("occurredAt" AT TIME ZONE 'UTC')::date;
CREATE INDEX "LedgerTransaction_bookingDate_idx" ON "LedgerTransaction"("bookingDate");

CREATE TABLE "AccountingChart" (
    "id" TEXT NOT NULL,
    "skr" TEXT NOT NULL,
    "overrides" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AccountingChart_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "DatevExport" (
    "id" TEXT NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "skr" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "invoiceJournal" BYTEA NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DatevExport_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DatevExport_periodFrom_periodTo_key" ON "DatevExport"("periodFrom", "periodTo");

CREATE TABLE "DatevExportRow" (
    "exportId" TEXT NOT NULL,
    "rowNo" INTEGER NOT NULL,
    "transactionId" TEXT NOT NULL,
    "postingIds" TEXT[],
    CONSTRAINT "DatevExportRow_pkey" PRIMARY KEY ("exportId", "rowNo"),
    CONSTRAINT "DatevExportRow_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "DatevExport"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "DatevExportRow_transactionId_idx" ON "DatevExportRow"("transactionId");
