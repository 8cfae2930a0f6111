/** A template key: lower-case words joined by dashes, as it appears in URLs. */
export const TEMPLATE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** No template under a key (or no such version of it), for the client or for all clients. */
export class TemplateNotFoundError extends Error {}
