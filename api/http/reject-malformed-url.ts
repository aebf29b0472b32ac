import type { RequestHandler } from 'express';
import { invalid } from '../../core/errors/domain-error';

/**
 * Runs before every route, mounted or not: a path or query string that is not valid
 * percent-encoded UTF-8 (`%ff`, a lone `%`) is refused with 400 `invalid_encoding`, and one
 * that decodes to a NUL character with 400 `invalid_characters`. Otherwise Express's parameter
 * decoding throws at some routes and PostgreSQL, whose text cannot hold NUL, fails at others.
 */
export const rejectMalformedUrl: RequestHandler = (req, _res, next) => {
  const url = req.url;
  const mark = url.indexOf('?');
  const parts = [{ where: 'path', text: mark === -1 ? url : url.slice(0, mark) }];
  // The query as the 'simple' parser splits it: `&`-separated names and values, `+` for space.
  if (mark !== -1) for (const piece of url.slice(mark + 1).split('&')) parts.push({ where: 'query string', text: piece.replace(/\+/g, ' ') });
  for (const { where, text } of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return next(invalid('invalid_encoding', `The ${where} is not valid percent-encoded UTF-8`));
    }
    if (decoded.includes('\u0000')) return next(invalid('invalid_characters', `The ${where} contains a NUL character`));
  }
  next();
};
