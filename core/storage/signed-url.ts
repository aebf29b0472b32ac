import { createHmac, timingSafeEqual } from 'node:crypto';
import type { UrlLicense } from './storage-driver';

/**
 * Download URLs of the fs driver, served by the API (api/routes/media-files.ts): the URL
 * itself carries the permission, like an S3 presigned URL, so the file route needs no session
 * and works from <video> tags, widgets on other sites and CDNs.
 */
export const FILES_PATH = '/files';

/**
 * What a URL grants: reading one key until `expires` (unix seconds), maybe as a named download,
 * and for licensed content only while `license` still allows its use (the file server asks).
 */
export interface FileUrlGrant {
  key: string;
  expires: number;
  downloadName?: string;
  license?: UrlLicense;
}

export type FileUrlCheck = { ok: true; grant: FileUrlGrant } | { ok: false; code: 'invalid_signature' | 'url_expired'; message: string };

/** `<baseUrl>/files/<key>?expires=…&sig=…[&download=…][&lic=…&use=…]`, each key segment percent-encoded. */
export function signFileUrl(secret: string, grant: FileUrlGrant, baseUrl = ''): string {
  const query = new URLSearchParams({ expires: String(grant.expires), sig: signature(secret, grant) });
  if (grant.downloadName !== undefined) query.set('download', grant.downloadName);
  if (grant.license) {
    query.set('lic', grant.license.id);
    query.set('use', grant.license.use);
  }
  const path = grant.key.split('/').map(encodeURIComponent).join('/');
  return `${baseUrl}${FILES_PATH}/${path}?${query}`;
}

/** Checks the query of a request for `key`; the signature first, so only genuine URLs are told they expired. */
export function verifyFileUrl(secret: string, key: string, query: Record<string, unknown>, now = Date.now()): FileUrlCheck {
  // The signature covers the number, so a missing or odd `expires` (NaN) cannot match one.
  const [licenseId, use] = [text(query.lic), text(query.use)];
  // Half a license (lic without use, or the reverse) was never signed: it fails the check below.
  const license = licenseId !== undefined || use !== undefined ? { id: licenseId ?? '', use: use ?? '' } : undefined;
  const grant: FileUrlGrant = { key, expires: Number(text(query.expires)), downloadName: text(query.download), license };
  const sig = text(query.sig);
  if (sig === undefined || !sameText(sig, signature(secret, grant))) {
    return { ok: false, code: 'invalid_signature', message: 'The link is not valid for this file' };
  }
  if (grant.expires * 1000 <= now) return { ok: false, code: 'url_expired', message: 'The link has expired' };
  return { ok: true, grant };
}

function signature(secret: string, { key, expires, downloadName, license }: FileUrlGrant): string {
  // A JSON array is an unambiguous encoding: no key or name can make two grants sign the same
  // bytes. A licensed grant signs a longer array, so dropping `lic` and `use` from its URL
  // breaks the signature; unlicensed grants sign what they always did, so links handed out
  // before licenses were bound stay valid until they expire.
  const fields: unknown[] = [key, expires, downloadName ?? null];
  if (license) fields.push(license.id, license.use);
  return createHmac('sha256', secret).update(JSON.stringify(fields)).digest('hex');
}

/** Constant-time, so response timing does not reveal how much of a forged signature is right. */
function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Query values arrive as strings, arrays or objects; only a single string counts. */
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
