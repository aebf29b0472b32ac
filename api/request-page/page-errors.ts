import type { ErrorRequestHandler } from 'express';
import type { Config } from '../../core/config';
import { isDomainError } from '../../core/errors/domain-error';
import { PAGE_WORDS, type ClosedReason, type PageWords } from './page-words';
import { messagePage } from './request-page-html';
import { browserLanguage, sendPage, wantsPage } from './send-page';

/**
 * A creator at a browser (a request's page, their own page) gets a page saying what went wrong, in their browser's language:
 * an invalid link (404), a request no longer open (410), a form the browser let through with a
 * bad field (422). JSON clients, and anything unexpected, go on to the API's error handler.
 */
export function requestPageErrors(config: Config): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (!wantsPage(req) || !isDomainError(err) || res.headersSent) return next(err);
    const language = browserLanguage(req);
    const words = PAGE_WORDS[language];
    const gone = err.kind === 'gone' ? goneSentence(words, err.code) : null;
    if (err.kind === 'not_found') return sendPage(res, config, 404, (nonce) => messagePage(language, words.invalid, null, nonce));
    if (gone) return sendPage(res, config, 410, (nonce) => messagePage(language, gone, null, nonce));
    if (err.kind === 'conflict') return sendPage(res, config, 409, (nonce) => messagePage(language, err.message, null, nonce));
    if (err.kind === 'unprocessable') return sendPage(res, config, 422, (nonce) => messagePage(language, words.problem, err.message, nonce));
    next(err);
  };
}

/** Why a link no longer works, from the error's code: a request no longer open, or an expired page link. */
function goneSentence(words: PageWords, code: string): string | null {
  if (code === 'creator_link_expired') return words.linkExpired;
  const closed = code.replace(/^request_/, '');
  return closed in words.closed ? words.closed[closed as ClosedReason] : null;
}
