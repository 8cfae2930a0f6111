import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import pino from 'pino';
import { Refusal, type RefusalKind } from '../domain/refusal';

const log = pino({ name: 'api' });

/** An error meant for the REST client: status code, stable code and a clear message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} does not exist`);

const REFUSAL_STATUS: Record<RefusalKind, number> = { not_found: 404, conflict: 409, unprocessable: 422 };

/** Validates with zod; a failure names every bad field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const details = r.error.issues.map((i) => ({ field: i.path.join('.') || where, reason: i.message }));
    throw new HttpError(400, 'invalid_request', `invalid ${where}: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`, details);
  }
  return r.data;
}

export const unknownRoute: RequestHandler = (req, _res, next) => next(new HttpError(404, 'not_found', `no route ${req.method} ${req.path}`));

/** Every error leaves as JSON; unexpected ones are logged with their stack, never sent. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpError || err instanceof Refusal) {
    const status = err instanceof HttpError ? err.status : REFUSAL_STATUS[err.kind];
    res.status(status).json({ error: { code: err.code, message: err.message, details: err.details } });
    return;
  }
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === 'entity.too.large' || e.type === 'entity.parse.failed') {
    res.status(e.status ?? 400).json({ error: { code: 'invalid_body', message: e.message } });
    return;
  }
  log.error({ err, method: req.method, path: req.path }, 'request failed');
  res.status(500).json({ error: { code: 'internal', message: 'internal error; the incident was logged' } });
};
