import { Router, type Request } from 'express';
import { DomainError, unprocessable } from '../../core/errors/domain-error';
import type { Services } from '../../core/runtime/services';
import { findNulCharacter } from '../../core/text/nul-characters';
import { authenticate } from './authenticate';
import { checkReply } from './check-reply';
import type { AnyRoute } from './route';
import { validate } from './validate';

/** Turns route specs into an Express router: authenticate, validate, handle, reply. */
export function mountRoutes(routes: readonly AnyRoute[], services: Services): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](route.path, async (req, res) => {
      const caller = await authenticate(services.database.db, req, route.access);
      const params = route.params ? validate(route.params, req.params, 'invalid') : req.params;
      const query = route.query ? validate(route.query, req.query, 'invalid') : req.query;
      const body = route.body ? validate(route.body, jsonBody(req), 'unprocessable') : undefined;
      const reply = await route.handle({ body, query, params, caller, services, req, res });
      if (!reply || res.headersSent) return;
      if (services.config.checkReplies) checkReply(route, reply.status ?? 200, reply.body);
      if (reply.headers) res.set(reply.headers);
      res.status(reply.status ?? 200);
      if (reply.body === undefined) res.end();
      else res.json(reply.body);
    });
  }
  return router;
}

/**
 * express.json leaves req.body undefined for other content types: say so rather than report
 * missing fields. A NUL character anywhere in the body is refused here, before a handler could
 * hand it to PostgreSQL (its text cannot hold one).
 */
function jsonBody(req: Request): unknown {
  if (req.body !== undefined) {
    const nulAt = findNulCharacter(req.body);
    if (nulAt !== null) throw unprocessable('invalid_characters', `${nulAt || 'The body'} contains a NUL character`, { field: nulAt || null });
    return req.body;
  }
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody) throw new DomainError('unsupported', 'expected_json', 'Send the body as JSON with Content-Type: application/json');
  return {};
}
