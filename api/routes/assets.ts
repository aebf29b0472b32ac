import { z } from 'zod';
import { assetKind, assetStatus, renditionKind } from '../../core/db';
import { notFound } from '../../core/errors/domain-error';
import type { LicenseTerms } from '../../core/licensing/rights';
import { CHANNELS } from '../../core/vocabulary/channels';
import { licensesForAssets } from '../../core/licensing/license-store';
import { decodePageCursor, encodePageCursor } from '../../core/paging/page-cursor';
import { ASSET_LICENSE_STATES, assetLicenseState } from '../../core/assets/asset-license-state';
import { thumbnailUrls } from '../../core/assets/asset-thumbnails';
import { assetHistory } from '../../core/assets/asset-history';
import { CUT_PREVIEW_LIFETIME_S, CUT_PREVIEW_ROLES, renditionLinks, type RenditionLink } from '../../core/assets/asset-renditions';
import { findAsset, listAssets } from '../../core/assets/asset-store';
import { AssetView, toAssetView } from '../../core/assets/asset-view';
import { AuditHistory } from '../http/audit-history-schema';
import { defineRoute } from '../http/route';
import { receiveUpload } from '../upload/receive-upload';
import { registerUpload } from '../upload/register-upload';
import { idParams, pageQuery, productSku } from '../http/request-schemas';

const UploadedAsset = AssetView.extend({ jobId: z.string().nullable().describe('The probe job (GET /api/v1/jobs/:id); null when none was queued') });

const RenditionView = z.object({
  id: z.uuid(),
  kind: z.enum(renditionKind.enumValues),
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

const LicenseSummary = z.object({
  id: z.uuid(),
  status: z.enum(['draft', 'active', 'revoked']),
  territories: z.array(z.string()),
  excludedTerritories: z.array(z.string()),
  channels: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  derivativesAllowed: z.boolean(),
  disclosureRequired: z.boolean(),
  attributionRequired: z.boolean(),
});

const AssetDetail = AssetView.extend({ renditions: z.array(RenditionView), licenses: z.array(LicenseSummary) });

const uploadAsset = defineRoute({
  method: 'post',
  path: '/api/v1/assets',
  summary:
    'Upload an original (multipart/form-data: file, creatorId, title?, productSkus? comma-separated, sourceUrl?); identical bytes return the existing asset',
  tag: 'assets',
  access: ['content_manager'],
  responses: {
    201: { description: 'Stored; a probe job was queued', schema: UploadedAsset },
    200: { description: 'These bytes were already an asset: that asset', schema: UploadedAsset },
    400: { description: 'Malformed form: unexpected_file_field, too_many_files, invalid_multipart, field_too_long…' },
    413: { description: 'file_too_large: over UPLOAD_LIMIT_MB' },
    415: { description: 'unsupported_media_type (judged by content) or expected_multipart' },
    422: { description: 'missing_file, empty_file, image_too_large, unknown_creator, invalid_<field>' },
  },
  handle: async ({ services, req, res }) => {
    const { file, fields } = await receiveUpload(req, res, services);
    const { asset, created, jobId } = await registerUpload(services, file, fields);
    return { status: created ? 201 : 200, body: { ...toAssetView(asset), jobId } };
  },
});

/** A listed asset also carries what a library grid shows without asking for each asset. */
const ListedAsset = AssetView.extend({
  thumbnailUrl: z.string().nullable().describe('The narrowest image variant or the video poster; null until rendered'),
  licenseState: z.enum(ASSET_LICENSE_STATES).describe('active, expiring (all rights end within 30 days), expired or none'),
});

const listAssetsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/assets',
  summary: 'List assets, newest first, with filters and cursor pagination',
  tag: 'assets',
  access: 'authenticated',
  query: z.object({
    creatorId: z.uuid().optional(),
    product: productSku().optional(),
    status: z.enum(assetStatus.enumValues).optional(),
    kind: z.enum(assetKind.enumValues).optional(),
    licenseState: z.enum(ASSET_LICENSE_STATES).optional().describe('Where the rights stand now: active, expiring (within 30 days), expired, none'),
    channel: z.enum(CHANNELS).optional().describe('Only assets a license in force grants this channel'),
    q: z.string().trim().max(200).optional().describe('Words to find in the title or original file name'),
    ...pageQuery({ max: 100, default: 20 }, 'opaque'),
  }),
  responses: {
    200: { description: 'A page of assets', schema: z.object({ items: z.array(ListedAsset), nextCursor: z.string().nullable() }) },
    400: { description: 'invalid_cursor or invalid_<filter>' },
  },
  handle: async ({ query, services }) => {
    const { cursor, limit, q, ...filter } = query;
    const db = services.database.db;
    const at = new Date();
    const page = await listAssets(db, { ...filter, search: q, at }, limit, cursor === undefined ? undefined : decodePageCursor(cursor));
    const ids = page.items.map((a) => a.id);
    const [thumbnails, licenses] = await Promise.all([thumbnailUrls(db, services.storage, ids), licensesForAssets(db, ids)]);
    const items = page.items.map((asset) => ({
      ...toAssetView(asset),
      thumbnailUrl: thumbnails.get(asset.id) ?? null,
      licenseState: assetLicenseState(licenses.get(asset.id) ?? [], at),
    }));
    return { body: { items, nextCursor: page.next && encodePageCursor(page.next) } };
  },
});

const getAsset = defineRoute({
  method: 'get',
  path: '/api/v1/assets/:id',
  summary: 'An asset with its renditions (download URLs; cuts only as short rights-checked previews) and the licenses that may cover it',
  tag: 'assets',
  access: 'authenticated',
  params: idParams,
  responses: {
    200: { description: 'The asset', schema: AssetDetail },
    400: { description: 'invalid_id' },
    404: { description: 'asset_not_found' },
  },
  handle: async ({ params, caller, services }) => {
    const { db } = services.database;
    const asset = await findAsset(db, params.id);
    if (!asset) throw notFound('asset', params.id);
    const licenses = (await licensesForAssets(db, [asset.id])).get(asset.id) ?? [];
    const links = await renditionLinks(db, services.storage, asset.id, licenses, caller!.role);
    return { body: { ...toAssetView(asset), renditions: links.map(renditionView), licenses: licenses.map(licenseSummary) } };
  },
});

const historyRoute = defineRoute({
  method: 'get',
  path: '/api/v1/assets/:id/history',
  summary: 'What was recorded about an asset: each set of ad cuts made of it, who asked, and the license terms they were made under',
  tag: 'assets',
  access: 'authenticated',
  params: idParams,
  responses: {
    200: { description: 'Oldest first', schema: AuditHistory },
    400: { description: 'invalid_id' },
    404: { description: 'asset_not_found' },
  },
  handle: async ({ params, services }) => ({ body: { items: await assetHistory(services.database.db, params.id) } }),
});

function renditionView({ rendition: r, url, withheld }: RenditionLink): z.infer<typeof RenditionView> {
  return {
    id: r.id,
    kind: r.kind,
    spec: r.spec,
    format: r.format,
    width: r.width,
    height: r.height,
    ...(r.durationS === null ? {} : { durationS: r.durationS }),
    ...(url ? { url: url.url, urlExpiresAt: url.expiresAt.toISOString() } : {}),
    ...(withheld === undefined ? {} : { urlWithheld: withheld }),
  };
}

const licenseSummary = (terms: LicenseTerms): z.infer<typeof LicenseSummary> => ({
  ...terms,
  startsAt: terms.startsAt.toISOString(),
  endsAt: terms.endsAt?.toISOString() ?? null,
});

export const assetRoutes = [uploadAsset, listAssetsRoute, getAsset, historyRoute];
