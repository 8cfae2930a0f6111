import { z } from 'zod';
import { ROLES } from '../../domain/auth/roles';

export const LoginBody = z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(1000) });

const grant = {
  name: z.string().regex(/^[\w.@-]{1,100}$/, 'letters, digits and . _ @ - (at most 100)'),
  roles: z.array(z.enum(ROLES)).min(1).describe('administrator, staff, accountant, operator, auditor, client, lawyer or factor'),
  partnerId: z.string().min(1).max(100).optional().describe('the client, lawyer or factor id a partner role is bound to'),
};

export const NewUserBody = z.object({ ...grant, password: z.string().min(12).max(1000) });
export const NewApiKeyBody = z.object(grant);
