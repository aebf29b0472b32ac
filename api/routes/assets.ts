import { z } from 'zod';
import { notFound } from '../../core/errors/domain-error';
import type { LicenseTerms } from '../../core/licensing/rights';
import { CHANNELS } from '../../core/vocabulary/channels';
import { licensesForAssets } from '../../core/licensing/license-store';
import { decodePageCursor, encodePageCursor } from '../../core/paging/page-cursor';
import { ASSET_LICENSE_STATES, assetLicenseState } from '../../core/vocabulary/asset-license-state';
import { assetLicenseNote } from '../../core/vocabulary/asset-license-note';
import { ASSET_KINDS, ASSET_STATUSES } from '../../core/vocabulary/asset-kinds';
import { thumbnailUrls } from '../../core/assets/asset-thumbnails';
import { assetHistory } from '../../core/assets/asset-history';
import { renditionLinks, type RenditionLink } from '../../core/assets/asset-renditions';
import { findAsset, listAssets } from '../../core/assets/asset-store';
import { toAssetView } from '../../core/assets/asset-view';
import { updateAssetDetails } from '../../core/assets/asset-details';
import { archiveAsset, deleteAsset } from '../../core/assets/asset-withdrawal';
import { visibleTextSchema } from '../../core/text/visible-text';
import { AssetDetail, AssetView, DownloadLink, ListedAsset, RenditionView, UploadedAsset } from '../../core/contract/asset-replies';
import { originalDownloadUrl } from '../../core/assets/original-download';
import { mayDownloadOriginal, ORIGINAL_DOWNLOAD_ROLES } from '../../core/vocabulary/original-download';
import { LicenseSummary } from '../../core/contract/license-replies';
import { pageOf } from '../../core/contract/page';
import { AuditHistory } from '../http/audit-history-schema';
import { defineRoute } from '../http/route';
import { receiveUpload } from '../upload/receive-upload';
import { registerUpload } from '../upload/register-upload';
import { idParams, pageQuery, productSku } from '../http/request-schemas';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import {
  assetDetailExample,
  assetExample,
  downloadLinkExample,
  licenseExample,
  listedAssetExample,
  pageExample,
  uploadedAssetExample,
} from '../../core/contract/reply-examples';

const uploadAsset = defineRoute({
  method: 'post',
  path: '/api/v1/assets',
  summary:
    'Upload an original (multipart/form-data: file, creatorId, title?, productSkus? comma-separated, sourceUrl?); identical bytes return the existing asset',
  tag: 'assets',
  access: ['content_manager'],
  responses: {
    201: { description: 'Stored; a probe job was queued', schema: UploadedAsset, example: uploadedAssetExample },
    200: { description: 'These bytes were already an asset: that asset', schema: UploadedAsset, example: { ...assetExample, jobId: null } },
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

const listAssetsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/assets',
  summary: 'List assets, newest first, with filters and cursor pagination',
  tag: 'assets',
  access: 'authenticated',
  query: z.object({
    creatorId: z.uuid().optional().meta({ description: 'Only this creator’s assets', example: EXAMPLE_IDS.creator }),
    product: productSku().optional().meta({ description: 'Only assets showing this product (its SKU)', example: 'SKU-SHIRT-LINEN-01' }),
    status: z.enum(ASSET_STATUSES).optional().meta({ description: 'Only assets in this processing status', example: 'ready' }),
    kind: z.enum(ASSET_KINDS).optional().meta({ description: 'Only images or only videos', example: 'video' }),
    licenseState: z
      .enum(ASSET_LICENSE_STATES)
      .optional()
      .meta({ description: 'Where the rights stand now: active, expiring (within 30 days), expired, none', example: 'active' }),
    channel: z.enum(CHANNELS).optional().meta({ description: 'Only assets a license in force grants this channel', example: 'paid_social' }),
    q: z.string().trim().max(200).optional().meta({ description: 'Words to find in the title or original file name', example: 'linen shirt' }),
    ...pageQuery({ max: 100, default: 20 }, 'opaque'),
  }),
  responses: {
    200: { description: 'A page of assets', schema: pageOf(ListedAsset), example: pageExample(listedAssetExample) },
    400: { description: 'invalid_cursor or invalid_<filter>' },
  },
  handle: async ({ query, services }) => {
    const { cursor, limit, q, ...filter } = query;
    const db = services.database.db;
    const at = new Date();
    const page = await listAssets(db, { ...filter, search: q, at }, limit, cursor === undefined ? undefined : decodePageCursor(cursor));
    const ids = page.items.map((a) => a.id);
    const [thumbnails, licenses] = await Promise.all([thumbnailUrls(db, services.storage, ids), licensesForAssets(db, ids, { withdrawn: 'include' })]);
    const items = page.items.map((asset) => ({
      ...toAssetView(asset),
      thumbnailUrl: thumbnails.get(asset.id) ?? null,
      licenseState: assetLicenseState(licenses.get(asset.id) ?? [], at),
      licenseNote: assetLicenseNote(licenses.get(asset.id) ?? [], at),
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
    200: { description: 'The asset', schema: AssetDetail, example: assetDetailExample },
    400: { description: 'invalid_id' },
    404: { description: 'asset_not_found' },
  },
  handle: async ({ params, caller, services }) => {
    const { db } = services.database;
    const asset = await findAsset(db, params.id);
    if (!asset) throw notFound('asset', params.id);
    const licenses = (await licensesForAssets(db, [asset.id], { withdrawn: 'include' })).get(asset.id) ?? [];
    const links = asset.deletedAt ? [] : await renditionLinks(db, services.storage, asset.id, licenses, caller!.role); // a deleted asset's files are gone
    const originalDownload = !asset.deletedAt && mayDownloadOriginal(caller!.role);
    return { body: { ...toAssetView(asset), renditions: links.map(renditionView), licenses: licenses.map(licenseSummary), originalDownload } };
  },
});

const originalRoute = defineRoute({
  method: 'get',
  path: '/api/v1/assets/:id/original',
  summary:
    'A short-lived download link for the original in full quality, saved under its uploaded name. Each link handed out is audited ' +
    '(asset.original_download in the asset’s history, with the key that asked): the original is not a licensed use, so it is not in the usage ledger.',
  tag: 'assets',
  access: ORIGINAL_DOWNLOAD_ROLES,
  params: idParams,
  responses: {
    200: { description: 'Link', schema: DownloadLink, example: downloadLinkExample },
    400: { description: 'invalid_id' },
    403: { description: 'forbidden_role: only content managers and admins download originals' },
    404: { description: 'asset_not_found' },
    409: { description: 'asset_deleted: its files are gone' },
  },
  handle: async ({ params, caller, services }) => {
    const { url, expiresAt } = await originalDownloadUrl(services.database.db, services.storage, caller!.keyId, params.id);
    return { body: { url, expiresAt: expiresAt.toISOString() } };
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
    200: {
      description: 'Oldest first',
      schema: AuditHistory,
      example: {
        items: [
          {
            id: EXAMPLE_IDS.audit,
            action: 'asset.cuts_made',
            actor: { keyId: EXAMPLE_IDS.apiKey, name: 'Meta Ads sync' },
            at: '2026-12-02T10:00:00.000Z',
            before: null,
            after: {
              jobId: 'media.1302',
              license: { id: licenseExample.id, territories: ['PL', 'DE'], channels: ['paid_social'], derivativesAllowed: true, disclosureRequired: true },
              cuts: [{ cutId: EXAMPLE_IDS.cut, aspect: '9:16', durationS: 15, startS: 4.2, fit: 'crop', disclosure: 'REKLAMA' }],
            },
          },
        ],
      },
    },
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

const AssetDetailsChange = z
  .object({
    title: visibleTextSchema(300).nullable().optional().describe('A title people see in the library: up to 300 characters, one line; null removes it'),
    productSkus: z
      .array(productSku())
      .max(50)
      .transform((skus) => [...new Set(skus)].sort())
      .optional()
      .describe('The whole list: replaces the products the asset shows'),
    notes: z.string().max(10_000).nullable().optional().describe('The content manager’s notes, up to 10,000 characters; null removes them'),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, 'Give at least one field to change');

const patchAsset = defineRoute({
  method: 'patch',
  path: '/api/v1/assets/:id',
  summary: 'Change an asset’s title, products or notes (audited); its bytes never change. The gallery follows a product change at once.',
  tag: 'assets',
  access: ['content_manager'],
  params: idParams,
  body: AssetDetailsChange,
  bodyExample: { title: 'Unboxing the linen shirt', productSkus: ['SKU-SHIRT-LINEN-01', 'SKU-SHIRT-LINEN-02'] },
  responses: {
    200: { description: 'Updated', schema: AssetView, example: { ...assetExample, productSkus: ['SKU-SHIRT-LINEN-01', 'SKU-SHIRT-LINEN-02'] } },
    404: { description: 'asset_not_found' },
    422: { description: 'invalid_title, invalid_product_skus, invalid_notes, invalid_input (no field given)' },
  },
  handle: async ({ params, body, caller, services }) => ({ body: toAssetView(await updateAssetDetails(services.database.db, caller!.keyId, params.id, body)) }),
});

const archiveRoute = (archived: boolean) =>
  defineRoute({
    method: 'post',
    path: `/api/v1/assets/:id/${archived ? 'archive' : 'unarchive'}`,
    summary: archived
      ? 'Withdraw an asset from every use at once: the gallery, ad listings, pulls and licensed file links stop; files and records are kept. Archiving again changes nothing.'
      : 'Put an archived asset back in use (its licenses apply again). Unarchiving an asset in use changes nothing.',
    tag: 'assets',
    access: ['content_manager'],
    params: idParams,
    responses: {
      200: {
        description: archived ? 'Archived' : 'In use',
        schema: AssetView,
        example: archived ? { ...assetExample, archivedAt: '2026-12-07T09:00:00.000Z' } : assetExample,
      },
      404: { description: 'asset_not_found' },
      409: { description: 'asset_deleted (unarchive): a deleted asset cannot be used again' },
    },
    handle: async ({ params, caller, services }) => ({ body: toAssetView(await archiveAsset(services.database.db, caller!.keyId, params.id, archived)) }),
  });

const deleteRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/assets/:id',
  summary:
    'Delete an asset: withdrawn from every use and every file removed from storage (original, renditions, cuts, posters, previews). ' +
    'Its record stays, marked deleted, with its licenses and usage ledger as the legal record. Deleting again finishes any file left behind.',
  tag: 'assets',
  access: ['content_manager'],
  params: idParams,
  responses: {
    200: {
      description: 'Deleted',
      schema: AssetView,
      example: { ...assetExample, archivedAt: '2026-12-07T09:00:00.000Z', deletedAt: '2026-12-07T09:00:00.000Z' },
    },
    404: { description: 'asset_not_found' },
  },
  handle: async ({ params, caller, services }) => ({ body: toAssetView(await deleteAsset(services.database.db, services.storage, caller!.keyId, params.id)) }),
});

export const assetRoutes = [
  uploadAsset,
  listAssetsRoute,
  getAsset,
  originalRoute,
  historyRoute,
  patchAsset,
  archiveRoute(true),
  archiveRoute(false),
  deleteRoute,
];
