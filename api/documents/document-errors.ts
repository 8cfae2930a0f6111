import type { ErrorRequestHandler } from 'express';
import { IdempotencyConflictError, NotFoundError, RefusedError } from '../../domain/documents/document-errors';
import { TemplateError } from '../../domain/documents/template-placeholders';
import { HttpError, notFound } from '../errors';

/** The documents area's refusals as HTTP errors; any other error passes on as it is. */
export function httpErrorOf(e: unknown): unknown {
  if (e instanceof NotFoundError) return notFound(e.what);
  if (e instanceof RefusedError) return new HttpError(422, e.code, e.message, e.details);
  if (e instanceof IdempotencyConflictError) return new HttpError(409, 'idempotency_conflict', e.message);
  if (e instanceof TemplateError) return new HttpError(422, 'invalid_template', e.message, e.issues);
  return e;
}

/** A router's last handler: answers the refusals of its routes with their HTTP status. */
export const answerRefusals: ErrorRequestHandler = (err, _req, _res, next) => next(httpErrorOf(err));
