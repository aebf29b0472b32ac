/**
 * Where every object the product stores lives in the bucket (or under DATA_DIR/media): the one
 * place that knows the layout. Keys are built from server-made ids and spec hashes, never from
 * a client's file name, and are deterministic, so a retried job overwrites its own objects.
 *
 *   assets/<assetId>/original                   the uploaded bytes, never changed
 *   assets/<assetId>/renditions/<file>          images, crops, posters, previews
 *   assets/<assetId>/cuts/<specHash>.mp4|.webp  ad cuts and their posters
 *   licenses/<licenseId>/contract.pdf           the signed contract a person uploaded
 *   licenses/<licenseId>/contracts/<requestId>.pdf   the contract a creator's acceptance generated (one per
 *                                               acceptance: a renewal adds one, the earlier stays)
 */
/** Everything stored for an asset: what deleting it removes. */
export const assetPrefix = (assetId: string): string => `assets/${assetId}/`;

export const originalKey = (assetId: string): string => `assets/${assetId}/original`;

/** `file` is the rendition's own name, e.g. `crop-9x16-900.webp` or `preview.mp4`. */
export const renditionKey = (assetId: string, file: string): string => `assets/${assetId}/renditions/${file}`;

export const cutKey = (assetId: string, specHash: string, extension: 'mp4' | 'webp'): string => `assets/${assetId}/cuts/${specHash}.${extension}`;

/** Everything stored for a license (its contracts). */
export const licensePrefix = (licenseId: string): string => `licenses/${licenseId}/`;

export const contractKey = (licenseId: string): string => `licenses/${licenseId}/contract.pdf`;

export const generatedContractKey = (licenseId: string, requestId: string): string => `licenses/${licenseId}/contracts/${requestId}.pdf`;
