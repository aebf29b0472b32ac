import type { Request, Response } from 'express';
import multer from 'multer';
import { DomainError, unprocessable } from '../../core/errors/domain-error';
import type { Services } from '../../core/runtime/services';
import { AssetStorageEngine, type StoredUpload } from './asset-storage-engine';
import { uploadError } from './upload-errors';

export interface ReceivedUpload {
  file: StoredUpload;
  /** The other form fields, unvalidated. */
  fields: Record<string, unknown>;
}

/** Generous for the fields we read, tight enough that a form cannot smuggle megabytes in. */
const FORM_LIMITS = { files: 1, fields: 20, parts: 25, fieldNameSize: 100, fieldSize: 64 * 1024 };

/**
 * Runs multer over a multipart request: the `file` part is stored as it arrives (see
 * AssetStorageEngine), the other fields are collected. On any failure nothing stays stored.
 */
export async function receiveUpload(req: Request, res: Response, services: Services): Promise<ReceivedUpload> {
  if (!req.is('multipart/form-data')) {
    throw new DomainError('unsupported', 'expected_multipart', 'Send the upload as multipart/form-data with the file in the field "file"');
  }
  const parse = multer({
    storage: new AssetStorageEngine(services.storage),
    limits: { ...FORM_LIMITS, fileSize: services.config.uploadLimitBytes },
    defParamCharset: 'utf8', // browsers send file names as UTF-8: "ślub.jpg" must not come out as latin-1 mojibake
  }).single('file');
  await new Promise<void>((resolve, reject) => parse(req, res, (err?: unknown) => (err ? reject(uploadError(err)) : resolve())));
  const file = req.file as unknown as StoredUpload | undefined;
  if (!file) throw unprocessable('missing_file', 'The form has no file: send it in the field "file"');
  return { file, fields: { ...(req.body as Record<string, unknown>) } };
}
