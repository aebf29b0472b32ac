import { invalid } from '../errors/domain-error';

/** Long enough to start a download or a video, short enough that a leaked link soon dies. */
const DEFAULT_URL_EXPIRY_S = 15 * 60;
/** S3 refuses presigned URLs valid for longer; fs keeps the same limit so callers see one rule. */
const MAX_URL_EXPIRY_S = 7 * 24 * 60 * 60;

/** The validated lifetime of a download URL and the instant (a whole second) it ends. */
export function urlExpiry(expiresInS = DEFAULT_URL_EXPIRY_S, now = Date.now()): { seconds: number; expiresAt: Date } {
  if (!Number.isInteger(expiresInS) || expiresInS < 1 || expiresInS > MAX_URL_EXPIRY_S) {
    throw invalid('invalid_url_expiry', `A download URL must expire in 1 to ${MAX_URL_EXPIRY_S} whole seconds`);
  }
  return { seconds: expiresInS, expiresAt: new Date((Math.floor(now / 1000) + expiresInS) * 1000) };
}

/**
 * `Content-Disposition` that makes browsers save the file under `fileName`: an ASCII
 * `filename` for old clients plus the exact name in RFC 5987 `filename*`. Whatever the name
 * holds (quotes, control characters, any script), the header stays well-formed.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
