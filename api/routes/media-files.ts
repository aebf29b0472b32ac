import express, { type Request, type Response } from 'express';
import { pipeline } from 'node:stream';
import {
  DEFAULT_CONTENT_TYPE,
  FILES_PATH,
  attachmentDisposition,
  objectNotFound,
  parseByteRange,
  verifyFileUrl,
  type ByteSpan,
  type StorageDriver,
  type StoredObject,
  type UrlLicense,
} from '../../core/storage';

/** Whether the license a URL was issued under still allows its use at `at` (see licenseCheckForFiles). */
export type LicenseCheck = (license: UrlLicense, at: Date) => Promise<boolean>;

/**
 * Serves the fs driver's signed download URLs (GET and HEAD `/files/<key>`), so the API is the
 * file server of the embedded setup. S3 download URLs point at the bucket and never come here.
 *
 * A URL to licensed content carries its license, and every request asks `licenseAllows`: a
 * link handed out before a revoke (or an end brought forward, or narrowed terms) dies at once
 * rather than when it expires. Asked after the signature, so forged URLs cost no lookup.
 */
export function mediaFilesRouter(storage: StorageDriver, signingSecret: string, licenseAllows: LicenseCheck): express.Router {
  const router = express.Router();
  router.get(`${FILES_PATH}/*key` as const, async (req, res) => {
    const key = req.params.key.join('/');
    const check = verifyFileUrl(signingSecret, key, req.query);
    if (!check.ok) return sendError(res, 403, check.code, check.message);
    const { license } = check.grant;
    if (license && !(await licenseAllows(license, new Date()))) {
      return sendError(res, 403, 'license_not_in_force', 'The license this link was given under no longer allows this use');
    }

    const object = await storage.stat(key);
    if (!object) throw objectNotFound(key);
    const range = requestedRange(req, object);
    if (range === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${object.size}`);
      return sendError(res, 416, 'range_not_satisfiable', `The file has ${object.size} bytes`);
    }

    // Opened before any header is set, so that an object deleted since stat still leaves as
    // a clean JSON 404 through the error handler.
    const body = req.method === 'HEAD' ? undefined : await storage.get(key, range);
    setObjectHeaders(res, object, check.grant.downloadName);
    if (range) res.status(206).setHeader('Content-Range', `bytes ${range.start}-${range.end}/${object.size}`);
    res.setHeader('Content-Length', range ? range.end - range.start + 1 : object.size);
    if (!body) return res.end();
    // Once headers are out an error cannot become JSON: pipeline destroys the response and the
    // client sees a cut connection. A client that goes away mid-file is not worth reporting.
    pipeline(body, res, () => undefined);
  });
  return router;
}

/**
 * The single byte range to send, 'unsatisfiable', or undefined for the whole file: see
 * parseByteRange for what RFC 9110 has ignored. Range is also ignored when If-Range names
 * another version, so a resumed download never splices two versions of a file.
 */
function requestedRange(req: Request, object: StoredObject): ByteSpan | 'unsatisfiable' | undefined {
  const header = req.get('Range');
  if (header === undefined) return undefined;
  const ifRange = req.get('If-Range');
  if (ifRange !== undefined && ifRange !== quotedEtag(object)) return undefined;
  return parseByteRange(header, object.size);
}

function setObjectHeaders(res: Response, object: StoredObject, downloadName: string | undefined): void {
  // setHeader, not res.set: Express would append a charset to text types we did not store.
  res.setHeader('Content-Type', object.contentType ?? DEFAULT_CONTENT_TYPE);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Last-Modified', object.modifiedAt.toUTCString());
  const etag = quotedEtag(object);
  if (etag) res.setHeader('ETag', etag);
  if (downloadName !== undefined) res.setHeader('Content-Disposition', attachmentDisposition(downloadName));
  // User uploads, typed by their uploader, on the API's origin: a browser must neither sniff
  // them into HTML nor run an HTML or SVG file opened directly with scripts on this origin.
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', 'sandbox');
}

const quotedEtag = (object: StoredObject): string | undefined => object.etag && `"${object.etag}"`;

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
