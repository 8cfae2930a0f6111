-- Default interest (§§ 286, 288 BGB): the claim's default date, the debtor's kind, a payment's
-- allocation order, and the base-rate table of § 247 BGB with the rates the Deutsche Bundesbank
-- published from 2002 (staff add later half years through POST /api/base-rates).
ALTER TABLE "Person" ADD COLUMN "business" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Claim" ADD COLUMN "defaultSince" DATE;
ALTER TABLE "Payment" ADD COLUMN "allocation" TEXT NOT NULL DEFAULT 'statutory';

CREATE TABLE "BaseRate" (
    "validFrom" DATE NOT NULL,
    "percent" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BaseRate_pkey" PRIMARY KEY ("validFrom")
);

INSERT INTO "BaseRate" ("validFrom", "percent", "source") VALUES
('2002-01-01', '2.57', 'Deutsche Bundesbank'),
('2002-07-01', '2.47', 'Deutsche Bundesbank'),
('2003-01-01', '1.97', 'Deutsche Bundesbank'),
('2003-07-01', '1.22', 'Deutsche Bundesbank'),
('2004-01-01', '1.14', 'Deutsche Bundesbank'),
('2004-07-01', '1.13', 'Deutsche Bundesbank'),
('2005-01-01', '1.21', 'Deutsche Bundesbank'),
('2005-07-01', '1.17', 'Deutsche Bundesbank'),
('2006-01-01', '1.37', 'Deutsche Bundesbank'),
('2006-07-01', '1.95', 'Deutsche Bundesbank'),
('2007-01-01', '2.70', 'Deutsche Bundesbank'),
('2007-07-01', '3.19', 'Deutsche Bundesbank'),
('2008-01-01', '3.32', 'Deutsche Bundesbank'),
('2008-07-01', '3.19', 'Deutsche Bundesbank'),
('2009-01-01', '1.62', 'Deutsche Bundesbank'),
('2009-07-01', '0.12', 'Deutsche Bundesbank'),
('2010-01-01', '0.12', 'Deutsche Bundesbank'),
('2010-07-01', '0.12', 'Deutsche Bundesbank'),
('2011-01-01', '0.12', 'Deutsche Bundesbank'),
('2011-07-01', '0.37', 'Deutsche Bundesbank'),
('2012-01-01', '0.12', 'Deutsche Bundesbank'),
('2012-07-01', '0.12', 'Deutsche Bundesbank'),
('2013-01-01', '-0.13', 'Deutsche Bundesbank'),
('2013-07-01', '-0.38', 'Deutsche Bundesbank'),
('2014-01-01', '-0.63', 'Deutsche Bundesbank'),
('2014-07-01', '-0.73', 'Deutsche Bundesbank'),
('2015-01-01', '-0.83', 'Deutsche Bundesbank'),
('2015-07-01', '-0.83', 'Deutsche Bundesbank'),
('2016-01-01', '-0.83', 'Deutsche Bundesbank'),
('2016-07-01', '-0.88', 'Deutsche Bundesbank'),
('2017-01-01', '-0.88', 'Deutsche Bundesbank'),
('2017-07-01', '-0.88', 'Deutsche Bundesbank'),
('2018-01-01', '-0.88', 'Deutsche Bundesbank'),
('2018-07-01', '-0.88', 'Deutsche Bundesbank'),
('2019-01-01', '-0.88', 'Deutsche Bundesbank'),
('2019-07-01', '-0.88', 'Deutsche Bundesbank'),
('2020-01-01', '-0.88', 'Deutsche Bundesbank'),
('2020-07-01', '-0.88', 'Deutsche Bundesbank'),
('2021-01-01', '-0.88', 'Deutsche Bundesbank'),
('2021-07-01', '-0.88', 'Deutsche Bundesbank'),
('2022-01-01', '-0.88', 'Deutsche Bundesbank'),
('2022-07-01', '-0.88', 'Deutsche Bundesbank'),
('2023-01-01', '1.62', 'Deutsche Bundesbank'),
('2023-07-01', '3.12', 'Deutsche Bundesbank'),
('2024-01-01', '3.62', 'Deutsche Bundesbank'),
('2024-07-01', '3.37', 'Deutsche Bundesbank'),
('2025-01-01', '2.27', 'Deutsche Bundesbank'),
('2025-07-01', '1.27', 'Deutsche Bundesbank'),
('2026-01-01', '1.27', 'Deutsche Bundesbank'),
('2026-07-01', '1.27', 'Deutsche Bundesbank');
