/**
 * An error the product expects and explains: a stable machine-readable `code`, a human
 * `message`, and a `kind` that the API maps to an HTTP status in one place
 * (api/http/error-handler.ts). Domain code never knows about HTTP.
 */
export type ErrorKind =
  | 'invalid' // 400: the request cannot be understood
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'gone' // 410: it existed, and is no longer there to act on (an answered or expired link)
  | 'too_large' // 413
  | 'unsupported' // 415
  | 'unprocessable' // 422: understood, but the terms are wrong
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id?: string): DomainError =>
  new DomainError('not_found', `${what}_not_found`, id ? `No ${what.replace(/_/g, ' ')} with id ${id}` : `No such ${what.replace(/_/g, ' ')}`);

export const invalid = (code: string, message: string, details?: Record<string, unknown>): DomainError => new DomainError('invalid', code, message, details);

export const unprocessable = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('unprocessable', code, message, details);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
