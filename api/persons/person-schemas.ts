import { z } from 'zod';

export const GdprExportQuery = z.object({ format: z.enum(['json', 'pdf']).default('json') });
export const RestrictionBody = z.object({ reason: z.string().trim().min(1).max(500).describe('why the data is restricted (Art. 18 (1) GDPR)') });
