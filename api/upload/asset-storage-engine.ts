import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { DomainError, isDomainError } from '../../core/errors/domain-error';
import { originalKey } from '../../core/storage/object-keys';
import type { MediaKind } from '../../core/media/sniff-media';
import type { StorageDriver } from '../../core/storage';
import { UploadInspector } from './upload-inspector';

/** A file the engine stored: where, what it is (from its bytes), and what the client called it. */
export interface StoredUpload {
  assetId: string;
  storageKey: string;
  kind: MediaKind;
  mimeType: string;
  sha256: string;
  sizeBytes: number;
  /** As the client sent it; untrusted. */
  originalname: string;
}

/**
 * A multer StorageEngine that streams the file part straight to the storage driver under a
 * fresh asset id, through an UploadInspector: nothing is buffered beyond one head and the
 * streams' own high-water marks, so memory stays flat whatever the file's size.
 */
export class AssetStorageEngine implements StorageEngine {
  constructor(private readonly storage: StorageDriver) {}

  _handleFile(_req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    this.store(file).then((stored) => callback(null, stored as unknown as Partial<Express.Multer.File>), callback);
  }

  /** Multer calls this for a stored file when the request fails after it (a second file, a limit). */
  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    this.storage.delete((file as unknown as StoredUpload).storageKey).then(() => callback(null), callback);
  }

  private async store(file: Express.Multer.File): Promise<StoredUpload> {
    const inspector = new UploadInspector();
    // busboy stops the part at the size limit and says so; failing the stream makes the
    // driver drop what it wrote (fs: the temp file; S3: the incomplete multipart upload).
    file.stream.once('limit', () => inspector.destroy(new DomainError('too_large', 'file_too_large', 'The file is larger than the upload limit')));
    const received = pipeline(file.stream, inspector);
    received.catch(() => undefined); // awaited below, after the head is judged
    const media = await inspector.media;
    const assetId = randomUUID();
    const storageKey = originalKey(assetId);
    // Both settle before we answer, so a failed put has removed its partial file by then.
    const [receiving, storing] = await Promise.allSettled([received, this.storage.put(storageKey, inspector, { contentType: media.mime })]);
    const failure = [receiving, storing].find((r) => r.status === 'rejected');
    if (failure) {
      if (storing.status === 'fulfilled') await this.storage.delete(storageKey);
      throw isDomainError(failure.reason) ? failure.reason : storageFailure(failure.reason);
    }
    return { assetId, storageKey, kind: media.kind, mimeType: media.mime, ...inspector.result, originalname: file.originalname };
  }
}

/**
 * Client-side failures (aborted request, malformed multipart) reach multer first through the
 * request and busboy, so what fails here unexplained is the storage backend.
 */
function storageFailure(cause: unknown): DomainError {
  const error = new DomainError('unavailable', 'storage_unavailable', 'The file could not be stored; try again later');
  error.cause = cause;
  return error;
}
