/** A staff action that cannot be done as asked: HTTP status, stable code, precise message. */
export class BankActionError extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
