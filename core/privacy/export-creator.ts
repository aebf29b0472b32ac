import type { Db } from '../db';
import { licenseRecords } from '../licensing/license-record';
import type { StorageDriver, StoredObject } from '../storage';
import { assetPrefix, licensePrefix } from '../storage/object-keys';
import { creatorData } from './creator-data';

/**
 * A creator's data as they may ask for it (RODO/GDPR art. 15 and 20): every record held about
 * them and the list of stored files, as JSON. Secrets are left out (the nonces behind their links); the
 * files themselves are listed, not embedded.
 */
export async function exportCreator(db: Db, storage: StorageDriver, creatorId: string) {
  const data = await creatorData(db, creatorId);
  const files: Array<Pick<StoredObject, 'key' | 'size'>> = [];
  for (const asset of data.assets) for await (const o of storage.list(assetPrefix(asset.id))) files.push({ key: o.key, size: o.size });
  for (const license of data.licenses) for await (const o of storage.list(licensePrefix(license.id))) files.push({ key: o.key, size: o.size });
  return {
    exportedAt: new Date().toISOString(),
    creator: data.creator,
    assets: data.assets,
    licenses: (await licenseRecords(db, data.licenses)).map((license) => ({ ...license })),
    rightsRequests: data.requests.map(({ linkNonce: _secret, ...request }) => request),
    usages: data.usages,
    takedownRequests: data.takedowns,
    pageLink: data.pageLink && { expiresAt: data.pageLink.expiresAt.toISOString(), createdAt: data.pageLink.createdAt.toISOString() },
    codes: data.codes,
    files,
  };
}
