/** How a refused request relates to what exists: the API answers 404, 409 or 422 for these. */
export type RefusalKind = 'not_found' | 'conflict' | 'unprocessable';

/**
 * A use case refused for a reason the caller can act on (no such claim, the claim is closed, the
 * plan does not add up). `code` is stable for clients; the message says what and why.
 */
export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const doesNotExist = (what: string) => new Refusal('not_found', 'not_found', `${what} does not exist`);
