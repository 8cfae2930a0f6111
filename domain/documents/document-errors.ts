/** A document, claim or client that a documents request names does not exist. */
export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} does not exist`);
  }
}

/** A send the documents area refuses as asked: a stable code, a clear message, the fields at fault. */
export class RefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** An idempotency key that already names a different document. */
export class IdempotencyConflictError extends Error {}
