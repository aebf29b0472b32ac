import { z } from 'zod';
import { ASSET_LICENSE_STATES } from '../vocabulary/asset-license-state';
import { ASSET_KINDS, ASSET_STATUSES, RENDITION_KINDS } from '../vocabulary/asset-kinds';
import { LICENSE_STATES } from '../vocabulary/license-state';
import { CUT_PREVIEW_LIFETIME_S, CUT_PREVIEW_ROLES } from '../vocabulary/cut-preview';
import { ORIGINAL_DOWNLOAD_ROLES } from '../vocabulary/original-download';
import { LicenseSummary } from './license-replies';
import { instant } from './fields';

/** An asset as clients see it (camelCase JSON, ISO times); probed facts appear once known. */
export const AssetView = z.object({
  id: z.uuid().describe('The asset’s id'),
  kind: z.enum(ASSET_KINDS).describe('image or video, judged by the file’s content'),
  status: z.enum(ASSET_STATUSES).describe('uploaded: stored, waiting for processing; processing: renditions being made; ready: usable; failed: see `error`'),
  error: z.string().optional().describe('Why processing failed, when status is failed'),
  sha256: z.string().describe('SHA-256 of the original’s bytes, in hex: identical uploads share it'),
  sizeBytes: z.number().int().describe('Size of the original, in bytes'),
  mimeType: z.string().describe('Sniffed from the content, not taken from the client'),
  width: z.number().int().optional().describe('Width in pixels as displayed, after rotation metadata; absent until probed'),
  height: z.number().int().optional().describe('Height in pixels as displayed, after rotation metadata; absent until probed'),
  durationS: z.number().optional().describe('Length of a video, in seconds; absent for images and until probed'),
  frameRate: z.number().optional().describe('Frames per second of a video; absent for images and until probed'),
  videoCodec: z.string().optional().describe('The video stream’s codec, e.g. h264 or hevc; absent for images and until probed'),
  audioCodec: z.string().optional().describe('The audio stream’s codec, e.g. aac; absent when there is no sound or until probed'),
  hasAudio: z.boolean().optional().describe('Whether a video has a sound track; absent for images and until probed'),
  creatorId: z.uuid().describe('The creator who made it'),
  title: z.string().nullable().describe('A title people gave it; null when none'),
  notes: z.string().nullable().describe('The content manager’s notes'),
  productSkus: z.array(z.string()).describe('SKUs of the products it shows, sorted; the gallery of each shows it'),
  sourceUrl: z.string().nullable().describe('Where the creator posted it (e.g. the TikTok post), when known'),
  originalFilename: z.string().nullable().describe('The file name it was uploaded under, when known'),
  archivedAt: z.string().nullable().describe('When it was withdrawn from every use (gallery, ads, pulls, licensed files); null while in use'),
  deletedAt: z.string().nullable().describe('When its files were removed; the record stays for the licenses and the usage ledger'),
  createdAt: instant('When it was uploaded'),
  updatedAt: instant('When its record last changed'),
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
  id: z.uuid().describe('The rendition’s id; for a cut, the cutId of GET /api/v1/ads and POST /api/v1/ads/{cutId}/pull'),
  kind: z
    .enum(RENDITION_KINDS)
    .describe('image: a width variant; crop: an aspect crop; poster: a video’s still; preview: a short silent clip; cut: an ad cut; cut_poster: a cut’s still'),
  spec: z
    .record(z.string(), z.unknown())
    .describe('What it was made to: for a cut { aspect, durationS, startS, fit, disclosure }; for an image variant { width }; for a crop { aspect, width }'),
  format: z.string().describe('File format, e.g. webp, jpeg or mp4'),
  width: z.number().int().nullable().describe('Width in pixels; null when unknown'),
  height: z.number().int().nullable().describe('Height in pixels; null when unknown'),
  durationS: z.number().optional().describe('Length in seconds, for video renditions'),
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
  renditions: z.array(RenditionView).describe('Every file made from the original; none once deleted'),
  licenses: z.array(LicenseSummary).describe('Every license that names the asset or covers all of its creator’s content, revoked and expired ones included'),
  originalDownload: z
    .boolean()
    .describe(
      `Whether this caller may download the original in full quality (GET /api/v1/assets/{id}/original): ${ORIGINAL_DOWNLOAD_ROLES.join(', ')} and admin, while the asset is not deleted`,
    ),
});

/** A short-lived link to a file (a contract, an original): fetch it without the API key. */
export const DownloadLink = z.object({
  url: z.string().describe('A signed link to the file, working without an API key until `expiresAt`'),
  expiresAt: z.string().describe('When `url` stops working'),
});
