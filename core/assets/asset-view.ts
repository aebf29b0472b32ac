import type { z } from 'zod';
import { AssetView } from '../contract/asset-replies';
import type { AssetWithProducts } from './asset-store';

/** An asset as clients see it: the schema is in core/contract, shared with the dashboard. */
export type AssetView = z.infer<typeof AssetView>;

export function toAssetView(asset: AssetWithProducts): AssetView {
  return {
    id: asset.id,
    kind: asset.kind,
    status: asset.status,
    ...present('error', asset.error),
    sha256: asset.sha256,
    sizeBytes: asset.sizeBytes,
    mimeType: asset.mimeType,
    ...present('width', asset.width),
    ...present('height', asset.height),
    ...present('durationS', asset.durationS),
    ...present('frameRate', asset.frameRate),
    ...present('videoCodec', asset.videoCodec),
    ...present('audioCodec', asset.audioCodec),
    ...present('hasAudio', asset.hasAudio),
    creatorId: asset.creatorId,
    title: asset.title,
    notes: asset.notes,
    productSkus: asset.productSkus,
    sourceUrl: asset.sourceUrl,
    originalFilename: asset.originalFilename,
    archivedAt: asset.archivedAt?.toISOString() ?? null,
    deletedAt: asset.deletedAt?.toISOString() ?? null,
    createdAt: asset.createdAt.toISOString(),
    updatedAt: asset.updatedAt.toISOString(),
  };
}

/** `{ [key]: value }` when the value is known, `{}` otherwise, so unknown facts are absent rather than null. */
const present = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } => (value === null ? {} : { [key]: value }) as { [P in K]?: V };
