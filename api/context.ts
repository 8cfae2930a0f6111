import type { Services } from '../services';

/** What request handlers use: the business areas' use cases, nothing below them. */
export interface ApiContext {
  services: Services;
}

/** The staff member acting (for the audit trail); authentication sits in front of this API. */
export function actorOf(req: { header(name: string): string | undefined }): string {
  return req.header('x-actor')?.slice(0, 100) || 'api';
}
