import { unprocessable } from '../../core/errors/domain-error';
import { registerAsset, type RegisteredAsset } from '../../core/assets/register-asset';
import type { Services } from '../../core/runtime/services';
import { findNulCharacter } from '../../core/text/nul-characters';
import { validate } from '../http/validate';
import type { StoredUpload } from './asset-storage-engine';
import { sanitizeFilename, UploadFields } from './upload-fields';

export type RegisteredUpload = RegisteredAsset;

/**
 * Turns a stored upload into an asset: validates the form fields (they may arrive after the
 * file), then hands it to the catalogue (core/assets/register-asset.ts). Whatever does not end
 * up as a new asset's original is deleted from storage, so a refused or duplicate upload leaves
 * nothing behind.
 */
export async function registerUpload(services: Services, file: StoredUpload, rawFields: Record<string, unknown>): Promise<RegisteredUpload> {
  let keep = false;
  try {
    const nulAt = findNulCharacter(rawFields);
    if (nulAt !== null) throw unprocessable('invalid_characters', `${nulAt} contains a NUL character`, { field: nulAt });
    const fields = validate(UploadFields, rawFields, 'unprocessable');
    const { assetId, storageKey, kind, mimeType, sha256, sizeBytes } = file;
    const registered = await registerAsset(
      services,
      { assetId, storageKey, kind, mimeType, sha256, sizeBytes, originalFilename: sanitizeFilename(file.originalname) },
      fields,
    );
    keep = registered.created;
    return registered;
  } finally {
    if (!keep) await services.storage.delete(file.storageKey);
  }
}
