import type { RequestHandler } from 'express';
import type { Config } from '../../core/config';

/**
 * Headers that make browsers stricter with what this server sends. On every response: no MIME
 * sniffing (a stored upload or a JSON body is never run as a script or page), and no Referer
 * (signed file URLs carry their signature in the query string). On every response except what
 * shop pages embed from another origin (the widget, the public gallery JSON and media files):
 * no framing, against clickjacking of the dashboard and the API's pages.
 */
const EMBEDDED = /^\/(widget\.js$|public\/|files\/)/;

export const securityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (!EMBEDDED.test(req.path)) {
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
  }
  next();
};

/**
 * The dashboard's Content-Security-Policy: its own scripts and styles only (the Vite build has
 * no inline script or style; React sets styles through the DOM, which CSP allows), API calls to
 * its own origin, pictures and video from its own origin, `data:` (the favicon), `blob:` (local
 * previews) and, where files are served from elsewhere, the S3 endpoint (path-style and
 * bucket-host-style presigned URLs) or PUBLIC_BASE_URL. Never framed.
 */
export function dashboardContentSecurityPolicy(config: Pick<Config, 'storage' | 'publicBaseUrl'>, options: { inlineStyles?: boolean } = {}): string {
  const media = ["'self'", 'blob:', 'data:', ...fileOrigins(config)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${options.inlineStyles ? " 'unsafe-inline'" : ''}`,
    `img-src ${media}`,
    `media-src ${media}`,
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The creator's request pages: no script at all, the one inline stylesheet by its nonce, asset
 * pictures from this origin or the file store, forms posting back here only. Never framed.
 */
export function requestPageContentSecurityPolicy(config: Pick<Config, 'storage' | 'publicBaseUrl'>, styleNonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${styleNonce}'`,
    `img-src ${["'self'", ...fileOrigins(config)].join(' ')}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * The API reference page (/api/docs, Swagger UI): scripts, styles and the OpenAPI document from
 * this origin only, nothing from a CDN. Swagger UI's own icons are `data:` images, and it sets
 * inline `style` attributes on elements it renders (collapsing sections, code highlighting),
 * which `style-src` must allow for this page alone; no script runs inline. Never framed.
 */
export function apiDocsContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function fileOrigins({ storage, publicBaseUrl }: Pick<Config, 'storage' | 'publicBaseUrl'>): string[] {
  const origins: string[] = [];
  if (publicBaseUrl) origins.push(new URL(publicBaseUrl).origin);
  if (storage.driver === 's3') {
    const endpoint = new URL(storage.endpoint);
    origins.push(endpoint.origin, `${endpoint.protocol}//${storage.bucket}.${endpoint.host}`);
  }
  return [...new Set(origins)];
}
