import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

/** Polled by orchestrators every few seconds: logging each would drown the log. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * The log level of a finished request. A request that went as expected (or that the client got
 * wrong, and was told so in its reply) is at debug: at the default level the log says what
 * needs a person — server errors — rather than one line per dashboard poll.
 */
export function requestLogLevel(statusCode: number, err?: Error): 'error' | 'debug' {
  return err || statusCode >= 500 ? 'error' : 'debug';
}

/** One line per request (`GET /api/v1/assets 200`), at requestLogLevel, with the request id it answered under. */
export function requestLogger(logger: Logger, assignRequestId: (req: IncomingMessage, res: ServerResponse) => string): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: assignRequestId,
    autoLogging: { ignore: (req) => PROBES.has(req.url ?? '') },
    customSuccessMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
    customLogLevel: (_req, res, err) => requestLogLevel(res.statusCode, err),
  });
}
