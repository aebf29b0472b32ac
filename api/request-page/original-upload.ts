import type { Request, Response } from 'express';
import { enqueueProbe } from '../../core/assets/register-asset';
import { DomainError } from '../../core/errors/domain-error';
import { addRequestOriginal, openOriginals, type AddedOriginal } from '../../core/rights-requests/request-originals';
import type { Services } from '../../core/runtime/services';
import { receiveUpload } from '../upload/receive-upload';
import { sanitizeFilename } from '../upload/upload-fields';

export interface ReceivedRequestOriginal {
  added: AddedOriginal;
  /** The processing (probe) job, as for an API upload; null when the asset is past `uploaded` or the queue is unreachable (queued later). */
  jobId: string | null;
}

/**
 * An original the creator sends after accepting, through the API's own upload path: the link
 * is checked before a byte is stored (api/upload/receive-upload.ts then streams the `file`
 * part to storage under the upload limit, judging it by its bytes), recorded in one transaction
 * (core/rights-requests/request-originals.ts), and queued for the same processing as an API
 * upload. Whatever does not end up as a new asset's original is deleted from storage, so a
 * refused file leaves no object and no row.
 */
export async function receiveRequestOriginal(req: Request, res: Response, services: Services, token: string): Promise<ReceivedRequestOriginal> {
  const { db } = services.database;
  await openOriginals(db, services.signingSecret, token, new Date());
  const { file, fields } = await receiveUpload(req, res, services);
  let keep = false;
  try {
    const extra = Object.keys(fields)[0];
    if (extra !== undefined) throw new DomainError('invalid', 'unexpected_field', `Send only the file, in the field "file"; "${extra}" is not taken here`);
    const { assetId, storageKey, kind, mimeType, sha256, sizeBytes } = file;
    const added = await addRequestOriginal(db, services.signingSecret, token, {
      assetId,
      storageKey,
      kind,
      mimeType,
      sha256,
      sizeBytes,
      originalFilename: sanitizeFilename(file.originalname),
    });
    keep = added.created;
    return { added, jobId: added.asset.status === 'uploaded' ? await enqueueProbe(services, added.asset.id) : null };
  } finally {
    if (!keep) await services.storage.delete(file.storageKey);
  }
}

/**
 * A person at a browser, whose form sends multipart (so wantsPage in send-page.ts cannot tell):
 * the browser asks for HTML first; a program asks for JSON, or for nothing in particular.
 */
export const wantsOriginalsPage = (req: Request): boolean => req.accepts(['application/json', 'text/html']) === 'text/html';
