import { z } from 'zod';

export const AuditQuery = z.object({
  entityType: z.string().min(1).optional().describe('e.g. claim, client, bank_line'),
  entityId: z.string().min(1).optional(),
  actor: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('events at or after'),
  to: z.iso.datetime({ offset: true }).optional().describe('events before'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.string().regex(/^\d+$/, 'an event id').optional().describe("the previous page's `next`"),
});
