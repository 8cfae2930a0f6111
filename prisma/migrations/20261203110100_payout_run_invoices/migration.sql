-- The Inkasso client invoice per payout run line, with VAT on the fees (docs/payout-runs.md).

-- CreateTable
CREATE TABLE "PayoutRunInvoice" (
    "id" TEXT NOT NULL,
    "lineId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "seq" INTEGER,
    "number" TEXT,
    "netCents" INTEGER NOT NULL,
    "vatRate" TEXT NOT NULL,
    "vatCents" INTEGER NOT NULL,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "issuedAt" TIMESTAMP(3),

    CONSTRAINT "PayoutRunInvoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayoutRunInvoiceItem" (
    "invoiceId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "collectedCents" INTEGER NOT NULL,
    "feeCents" INTEGER NOT NULL,

    CONSTRAINT "PayoutRunInvoiceItem_pkey" PRIMARY KEY ("invoiceId","claimId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PayoutRunInvoice_lineId_key" ON "PayoutRunInvoice"("lineId");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutRunInvoice_seq_key" ON "PayoutRunInvoice"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutRunInvoice_number_key" ON "PayoutRunInvoice"("number");

-- CreateIndex
CREATE INDEX "PayoutRunInvoiceItem_claimId_idx" ON "PayoutRunInvoiceItem"("claimId");

-- AddForeignKey
ALTER TABLE "PayoutRunInvoice" ADD CONSTRAINT "PayoutRunInvoice_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "PayoutRunLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutRunInvoiceItem" ADD CONSTRAINT "PayoutRunInvoiceItem_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "PayoutRunInvoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
