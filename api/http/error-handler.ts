import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { DomainError, type ErrorKind } from '../../core/errors/domain-error';

/** The one place where error kinds become HTTP statuses. */
const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** Errors raised by Express's body parsers, recognised by their `type`. */
const BODY_PARSER_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'invalid_json', 'The request body is not valid JSON'],
  'entity.too.large': [413, 'payload_too_large', 'The request body is larger than the configured limit'],
  'encoding.unsupported': [415, 'unsupported_encoding', 'The request body encoding is not supported'],
  'charset.unsupported': [415, 'unsupported_charset', 'The request body charset is not supported'],
  'request.aborted': [400, 'request_aborted', 'The request was aborted before its body arrived'],
  'request.size.invalid': [400, 'invalid_content_length', 'The request body does not match its Content-Length'],
};

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown>; requestId?: string };
}

/** Other client errors raised by Express and its helpers (`http-errors` with a 4xx status), by status. */
const CLIENT_ERRORS: Record<number, [string, string]> = {
  400: ['bad_request', 'The request cannot be understood'],
  404: ['not_found', 'Not found'],
  405: ['method_not_allowed', 'The method is not allowed here'],
  411: ['length_required', 'The request needs a Content-Length'],
  412: ['precondition_failed', 'A precondition failed'],
  413: ['payload_too_large', 'The request body is too large'],
  414: ['uri_too_long', 'The address is too long'],
  415: ['unsupported_media_type', 'The request body type is not supported'],
  416: ['range_not_satisfiable', 'The requested range is not satisfiable'],
};

export function errorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof DomainError) {
    return { status: STATUS[err.kind], body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } } };
  }
  const type = (err as { type?: string } | null)?.type;
  const known = type ? BODY_PARSER_ERRORS[type] : undefined;
  if (known) return { status: known[0], body: { error: { code: known[1], message: known[2] } } };
  // Express's router decoding a path parameter such as `%ff` (api/http/reject-malformed-url.ts
  // refuses those first; this keeps any route mounted ahead of it from answering 500).
  if (err instanceof URIError) return { status: 400, body: { error: { code: 'invalid_encoding', message: 'The address is not valid percent-encoded UTF-8' } } };
  const status = clientErrorStatus(err);
  if (status !== undefined) {
    const [code, message] = CLIENT_ERRORS[status] ?? ['bad_request', 'The request cannot be understood'];
    return { status, body: { error: { code, message } } };
  }
  return { status: 500, body: { error: { code: 'internal_error', message: 'Internal server error' } } };
}

/** The 4xx status an `http-errors` style error carries (`status` or `statusCode`), if any. */
function clientErrorStatus(err: unknown): number | undefined {
  const { status, statusCode } = (err ?? {}) as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 500 ? value : undefined;
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'route_not_found', message: `No route for ${req.method} ${req.path}` } });
};

/** Every error leaves as `{ error: { code, message } }`; stacks go to the log, never to the client. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { status, body } = errorResponse(err);
    if (status >= 500) logger.error({ err, reqId: req.id, method: req.method, url: req.originalUrl }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    body.error.requestId = String(req.id);
    res.status(status).json(body);
  };
}
