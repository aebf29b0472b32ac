import { z } from 'zod';
import { assetKind, assetStatus } from '../db';
import type { AssetWithProducts } from './asset-store';

/** An asset as clients see it (camelCase JSON, ISO times); probed facts appear once known. */
export const AssetView = z.object({
  id: z.uuid(),
  kind: z.enum(assetKind.enumValues),
  status: z.enum(assetStatus.enumValues),
  error: z.string().optional().describe('Why processing failed, when status is failed'),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  mimeType: z.string().describe('Sniffed from the content, not taken from the client'),
  width: z.number().int().optional().describe('As displayed, after rotation metadata'),
  height: z.number().int().optional(),
  durationS: z.number().optional(),
  frameRate: z.number().optional(),
  videoCodec: z.string().optional(),
  audioCodec: z.string().optional(),
  hasAudio: z.boolean().optional(),
  creatorId: z.uuid(),
  title: z.string().nullable(),
  productSkus: z.array(z.string()),
  sourceUrl: z.string().nullable(),
  originalFilename: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
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
    productSkus: asset.productSkus,
    sourceUrl: asset.sourceUrl,
    originalFilename: asset.originalFilename,
    createdAt: asset.createdAt.toISOString(),
    updatedAt: asset.updatedAt.toISOString(),
  };
}

/** `{ [key]: value }` when the value is known, `{}` otherwise, so unknown facts are absent rather than null. */
const present = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } => (value === null ? {} : { [key]: value }) as { [P in K]?: V };
