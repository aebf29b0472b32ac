import { z } from 'zod';
import { ASSET_LICENSE_STATES } from '../vocabulary/asset-license-state';
import { ASSET_KINDS, ASSET_STATUSES, RENDITION_KINDS } from '../vocabulary/asset-kinds';
import { LICENSE_STATES } from '../vocabulary/license-state';
import { CUT_PREVIEW_LIFETIME_S, CUT_PREVIEW_ROLES } from '../vocabulary/cut-preview';
import { ORIGINAL_DOWNLOAD_ROLES } from '../vocabulary/original-download';
import { LicenseSummary } from './license-replies';

/** An asset as clients see it (camelCase JSON, ISO times); probed facts appear once known. */
export const AssetView = z.object({
  id: z.uuid(),
  kind: z.enum(ASSET_KINDS),
  status: z.enum(ASSET_STATUSES),
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
  notes: z.string().nullable().describe('The content manager’s notes'),
  productSkus: z.array(z.string()),
  sourceUrl: z.string().nullable(),
  originalFilename: z.string().nullable(),
  archivedAt: z.string().nullable().describe('When it was withdrawn from every use (gallery, ads, pulls, licensed files); null while in use'),
  deletedAt: z.string().nullable().describe('When its files were removed; the record stays for the licenses and the usage ledger'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const UploadedAsset = AssetView.extend({ jobId: z.string().nullable().describe('The probe job (GET /api/v1/jobs/:id); null when none was queued') });

/** A listed asset also carries what a library grid shows without asking for each asset. */
export const ListedAsset = AssetView.extend({
  thumbnailUrl: z.string().nullable().describe('The narrowest image variant or the video poster; null until rendered'),
  licenseState: z.enum(ASSET_LICENSE_STATES).describe('active, expiring (all rights end within 30 days), expired or none'),
  licenseNote: z
    .object({
      state: z.enum(LICENSE_STATES).describe('The deciding license’s state: e.g. not_started, draft or revoked when licenseState is none'),
      at: z.string().nullable().describe('The day that matters: the last end (active, expiring, expired) or the first start (not_started); null when open'),
    })
    .nullable()
    .describe('What the badge says beyond licenseState; null when the asset has no license at all'),
});

export const RenditionView = z.object({
  id: z.uuid(),
  kind: z.enum(RENDITION_KINDS),
  spec: z.record(z.string(), z.unknown()),
  format: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationS: z.number().optional(),
  url: z
    .string()
    .optional()
    .describe(
      `A download URL. Cuts and cut posters (licensed-only content) carry one only as a preview: for ${CUT_PREVIEW_ROLES.join(', ')}, ` +
        `while a license in force lets the asset be edited for a paid channel, living ${CUT_PREVIEW_LIFETIME_S / 60} minutes and never past that license's end. ` +
        'To use a cut anywhere, pull it: POST /api/v1/ads/:cutId/pull (rights checked, recorded in the usage ledger).',
    ),
  urlExpiresAt: z.string().optional().describe('When `url` stops working'),
  urlWithheld: z
    .string()
    .optional()
    .describe(
      'Why a cut or cut poster has no url: forbidden_role (viewers never get one), or the first reason no license allows edits now (no_license, revoked, expired…)',
    ),
});

export const AssetDetail = AssetView.extend({
  renditions: z.array(RenditionView),
  licenses: z.array(LicenseSummary),
  originalDownload: z
    .boolean()
    .describe(
      `Whether this caller may download the original in full quality (GET /api/v1/assets/{id}/original): ${ORIGINAL_DOWNLOAD_ROLES.join(', ')} and admin, while the asset is not deleted`,
    ),
});

/** A short-lived link to a file (a contract, an original): fetch it without the API key. */
export const DownloadLink = z.object({ url: z.string(), expiresAt: z.string().describe('When `url` stops working') });
