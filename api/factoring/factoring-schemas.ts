import { z } from 'zod';
import { QuarantineQuery, sftpFolder } from '../collection/collection-schemas';

/** Request shapes of the factoring routes (OpenAPI generated from them). */

export const FactorBody = z.object({
  name: z.string().min(1).max(200),
  inboxFolder: sftpFolder.describe('where the sale files are put for the factor'),
  outboxFolder: sftpFolder.describe("where the factor's software puts its answer files"),
  doneFolder: sftpFolder.describe('where read answer files are moved'),
  active: z.boolean().default(true).describe("whether the Schedule's runs sell to this factor"),
});

export const FactorRunBody = z.object({
  factorId: z.string().min(1).max(100).optional().describe('only this factor (else every active one)'),
});

export const FactorQuarantineQuery = QuarantineQuery;
