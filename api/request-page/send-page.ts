import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Config } from '../../core/config';
import type { RequestLanguageCode } from '../../core/vocabulary/rights-request-status';
import { requestPageContentSecurityPolicy } from '../http/security-headers';

/** Sends one of the creator's pages: never cached (it shows a live state), its stylesheet allowed by a fresh nonce. */
export function sendPage(res: Response, config: Config, status: number, render: (nonce: string) => string): void {
  const nonce = randomBytes(16).toString('base64');
  res
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': requestPageContentSecurityPolicy(config, nonce),
    })
    .send(render(nonce));
}

/** A person at a browser (the page, its forms) rather than a program sending JSON. */
export const wantsPage = (req: Request): boolean => req.method === 'GET' || req.is('application/x-www-form-urlencoded') === 'application/x-www-form-urlencoded';

/** The language of a page about a request we cannot read (an invalid link): the browser's, Polish or English. */
export const browserLanguage = (req: Request): RequestLanguageCode => (req.acceptsLanguages('pl', 'en') === 'pl' ? 'pl' : 'en');
