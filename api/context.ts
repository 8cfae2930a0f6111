import type { Request } from 'express';
import type { Services } from '../services';
import { principalOf } from './auth/principal';

/** What request handlers use: the business areas' use cases, nothing below them. */
export interface ApiContext {
  services: Services;
}

/** The authenticated user acting, as the audit trail names it. */
export function actorOf(req: Request): string {
  return principalOf(req).name;
}
