import type { ErrorRequestHandler } from 'express';
import type { Config } from '../../core/config';
import { isDomainError } from '../../core/errors/domain-error';
import { PAGE_WORDS, type ClosedReason } from './page-words';
import { messagePage } from './request-page-html';
import { browserLanguage, sendPage, wantsPage } from './send-page';

/**
 * A creator at a browser gets a page saying what went wrong, in their browser's language:
 * an invalid link (404), a request no longer open (410), a form the browser let through with a
 * bad field (422). JSON clients, and anything unexpected, go on to the API's error handler.
 */
export function requestPageErrors(config: Config): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (!wantsPage(req) || !isDomainError(err) || res.headersSent) return next(err);
    const language = browserLanguage(req);
    const words = PAGE_WORDS[language];
    const closed = err.code.replace(/^request_/, '') as ClosedReason;
    if (err.kind === 'not_found') return sendPage(res, config, 404, (nonce) => messagePage(language, words.invalid, null, nonce));
    if (err.kind === 'gone' && closed in words.closed) return sendPage(res, config, 410, (nonce) => messagePage(language, words.closed[closed], null, nonce));
    if (err.kind === 'conflict') return sendPage(res, config, 409, (nonce) => messagePage(language, err.message, null, nonce));
    if (err.kind === 'unprocessable') return sendPage(res, config, 422, (nonce) => messagePage(language, words.problem, err.message, nonce));
    next(err);
  };
}
