import path from 'node:path';
import type { Request, Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { DomainError, unprocessable } from '../../core/errors/domain-error';
import { attachContract, createLicense, revokeLicense, updateLicense } from '../../core/licensing/license-changes';
import { contractUrl, getLicense, licenseHistory, listLicenses } from '../../core/licensing/license-queries';
import { licenseView, type LicenseRecord } from '../../core/licensing/license-record';
import { LICENSE_STATUSES } from '../../core/vocabulary/license-state';
import { LicenseView, LicenseWithUsages } from '../../core/contract/license-replies';
import { DownloadLink } from '../../core/contract/asset-replies';
import { pageOf } from '../../core/contract/page';
import { liveUsages } from '../../core/licensing/license-store';
import { coherentTerms, LicenseTermsInput, LicenseTermsPatch, termsInZone } from '../../core/licensing/license-terms';
import type { Db } from '../../core/db';
import { visibleTextSchema } from '../../core/text/visible-text';
import { uploadError } from '../upload/upload-errors';
import { AuditHistory } from '../http/audit-history-schema';
import { defineRoute } from '../http/route';
import { validate } from '../http/validate';
import { idParams, pageQuery } from '../http/request-schemas';
import { licenseListQuery } from './license-list-query';
import { EXAMPLE_IDS } from '../../core/contract/example-ids';
import { licenseExample, licenseWithUsagesExample, pageExample } from '../../core/contract/reply-examples';

const WRITERS = ['content_manager'] as const;
/** Signed contracts are a few pages; 20 MB leaves room for scans while keeping a buffered upload cheap. */
const MAX_CONTRACT_BYTES = 20 * 1024 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-');

const TERMS_ERRORS =
  'A field is invalid (invalid_territories, invalid_excluded_territories, invalid_channels, invalid_starts_at, invalid_ends_at, invalid_asset_ids, invalid_creator_id, invalid_fee, invalid_exclusivity…), unknown_asset_ids or unknown_creator';

const createLicenseRoute = defineRoute({
  method: 'post',
  path: '/api/v1/licenses',
  summary:
    'Record license terms over assets or over all of a creator’s assets. startsAt/endsAt (and exclusivity.until) are instants with an offset or calendar days in the license time zone (BRAND_TIME_ZONE, default Europe/Warsaw: a start day from 00:00, an end day to 24:00); fee.amount is a decimal string or a number, and always comes back as a string',
  tag: 'licenses',
  access: WRITERS,
  body: LicenseTermsInput,
  bodyExample: {
    assetIds: [EXAMPLE_IDS.asset],
    territories: ['PL', 'DE'],
    channels: ['paid_social', 'organic_social', 'product_page'],
    startsAt: '2026-12-01',
    endsAt: '2027-05-31',
    derivativesAllowed: true,
    exclusivity: { scope: 'category', category: 'Menswear', until: '2027-02-28' },
    fee: { amount: '1500.00', currency: 'PLN' },
    disclosureRequired: true,
    notes: 'Agreed by DM on 28 November',
  },
  responses: { 201: { description: 'Created', schema: LicenseView, example: licenseExample }, 422: { description: TERMS_ERRORS } },
  handle: async ({ body, caller, services }) => {
    const terms = validate(coherentTerms, termsInZone(body, services.config.brandTimeZone), 'unprocessable');
    const record = await createLicense(services.database.db, caller!.keyId, terms);
    return { status: 201, body: licenseView(record, new Date()) };
  },
});

const getLicenseRoute = defineRoute({
  method: 'get',
  path: '/api/v1/licenses/:id',
  summary: 'A license with its state now and where its content is live',
  tag: 'licenses',
  access: 'authenticated',
  params: idParams,
  responses: {
    200: { description: 'The license', schema: LicenseWithUsages, example: licenseWithUsagesExample },
    404: { description: 'license_not_found' },
  },
  handle: async ({ params, services }) => {
    const db = services.database.db;
    const [item] = await withLiveUsages(db, [await getLicense(db, params.id)]);
    return { body: item };
  },
});

const patchLicenseRoute = defineRoute({
  method: 'patch',
  path: '/api/v1/licenses/:id',
  summary:
    'Change any terms, typed as on create (calendar days in the license time zone, fee.amount a string or a number); the merged terms are validated as on create, and the change is audited',
  tag: 'licenses',
  access: WRITERS,
  params: idParams,
  body: LicenseTermsPatch,
  bodyExample: { endsAt: '2027-08-31', channels: ['paid_social', 'paid_video', 'organic_social', 'product_page'] },
  responses: {
    200: {
      description: 'Updated',
      schema: LicenseView,
      example: {
        ...licenseExample,
        endsAt: '2027-08-31T22:00:00.000Z',
        channels: ['paid_social', 'paid_video', 'organic_social', 'product_page'],
        updatedAt: '2026-12-07T09:00:00.000Z',
      },
    },
    404: { description: 'license_not_found' },
    409: { description: 'license_revoked: a revoked license cannot be changed' },
    422: { description: TERMS_ERRORS },
  },
  handle: async ({ params, body, caller, services }) => {
    // zod leaves absent fields absent (JSON has no undefined), so the spread keeps current terms.
    const change = termsInZone(body, services.config.brandTimeZone);
    const record = await updateLicense(services.database.db, caller!.keyId, params.id, (current) =>
      validate(coherentTerms, { ...current, ...change }, 'unprocessable'),
    );
    return { body: licenseView(record, new Date()) };
  },
});

const revokeLicenseRoute = defineRoute({
  method: 'post',
  path: '/api/v1/licenses/:id/revoke',
  summary: 'Revoke now: nothing is served under it from this instant. Revoking again returns it unchanged.',
  tag: 'licenses',
  access: WRITERS,
  params: idParams,
  body: z.object({
    reason: visibleTextSchema(2000, { minVisible: 1, multiline: true })
      .optional()
      .describe('Why, for the record and the creator: up to 2,000 characters, several lines allowed'),
  }),
  bodyExample: { reason: 'The creator asked us to stop using the video.' },
  responses: {
    200: {
      description: 'Revoked',
      schema: LicenseView,
      example: {
        ...licenseExample,
        status: 'revoked',
        state: 'revoked',
        revokedAt: '2026-12-07T09:00:00.000Z',
        revokedReason: 'The creator asked us to stop using the video.',
        updatedAt: '2026-12-07T09:00:00.000Z',
      },
    },
    404: { description: 'license_not_found' },
  },
  handle: async ({ params, body, caller, services }) => {
    const record = await revokeLicense(services.database.db, caller!.keyId, params.id, body.reason ?? null);
    return { body: licenseView(record, new Date()) };
  },
});

const listLicensesRoute = defineRoute({
  method: 'get',
  path: '/api/v1/licenses',
  summary:
    'Licenses, newest first (or by `sort`), or those ending within N days, soonest first; each with its live usages. ' +
    'Filters: `q` (a license or asset id, part of a creator handle or asset title), `state` at this moment, `channel`, `territory`, `creatorId`, `assetId`',
  tag: 'licenses',
  access: 'authenticated',
  query: z.object({
    expiringWithinDays: z.coerce
      .number()
      .int()
      .min(1)
      .max(3650)
      .optional()
      .meta({ description: 'Only licenses whose end falls within this many days from now (1 to 3650), soonest first whatever `sort` says', example: 30 }),
    assetId: z.uuid().optional().meta({ description: 'Only licenses covering this asset (by name or through its creator)', example: EXAMPLE_IDS.asset }),
    creatorId: z
      .uuid()
      .optional()
      .meta({ description: 'Only licenses over this creator’s content: all of it, or some of their assets', example: EXAMPLE_IDS.creator }),
    status: z
      .enum(LICENSE_STATUSES)
      .optional()
      .meta({ description: 'Only licenses with this recorded status (see `state` for where they stand now)', example: 'active' }),
    ...licenseListQuery,
    ...pageQuery({ max: 200, default: 50 }, 'id'),
  }),
  responses: {
    200: { description: 'A page of licenses', schema: pageOf(LicenseWithUsages), example: pageExample(licenseWithUsagesExample) },
    400: { description: 'invalid_q, invalid_state, invalid_channel, invalid_territory, invalid_sort, invalid_creator_id, invalid_asset_id, invalid_cursor' },
  },
  handle: async ({ query, services }) => {
    const db = services.database.db;
    const page = await listLicenses(db, query, new Date());
    return { body: { items: await withLiveUsages(db, page.items), nextCursor: page.nextCursor } };
  },
});

const historyRoute = defineRoute({
  method: 'get',
  path: '/api/v1/licenses/:id/history',
  summary: 'Every change of a license: who, when, before and after',
  tag: 'licenses',
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
            action: 'license.update',
            actor: { keyId: EXAMPLE_IDS.apiKey, name: 'Marta (content)' },
            at: '2026-12-07T09:00:00.000Z',
            before: { endsAt: '2027-05-31T22:00:00.000Z' },
            after: { endsAt: '2027-08-31T22:00:00.000Z' },
          },
        ],
      },
    },
    404: { description: 'license_not_found' },
  },
  handle: async ({ params, services }) => ({ body: { items: await licenseHistory(services.database.db, params.id) } }),
});

const uploadContractRoute = defineRoute({
  method: 'post',
  path: '/api/v1/licenses/:id/contract',
  summary: 'Attach the signed contract: multipart field "file", a PDF of at most 20 MB (replaces any earlier one)',
  tag: 'licenses',
  access: WRITERS,
  params: idParams,
  responses: {
    200: { description: 'Stored', schema: LicenseView, example: licenseExample },
    404: { description: 'license_not_found' },
    409: { description: 'license_revoked' },
    413: { description: 'file_too_large' },
    415: { description: 'unsupported_media_type (not a PDF) or expected_multipart' },
    422: { description: 'missing_file' },
  },
  handle: async ({ params, caller, services, req, res }) => {
    const file = await receiveContract(req, res);
    const record = await attachContract(services.database.db, services.storage, caller!.keyId, params.id, {
      bytes: file.buffer,
      filename: safeFilename(file.originalname),
    });
    return { body: licenseView(record, new Date()) };
  },
});

const getContractRoute = defineRoute({
  method: 'get',
  path: '/api/v1/licenses/:id/contract',
  summary: 'A short-lived download link for the signed contract',
  tag: 'licenses',
  access: 'authenticated',
  params: idParams,
  responses: {
    200: {
      description: 'Link',
      schema: DownloadLink,
      example: {
        url: `https://ugc.example.com/files/contracts/${EXAMPLE_IDS.license}.pdf?expires=1796634300&sig=Vt4pQ8xZ2mN6cR1wL9sK3jH7fD5bY0aE`,
        expiresAt: '2026-12-07T09:15:00.000Z',
      },
    },
    404: { description: 'license_not_found or contract_not_found' },
  },
  handle: async ({ params, services }) => {
    const { url, expiresAt } = await contractUrl(services.database.db, services.storage, params.id);
    return { body: { url, expiresAt: expiresAt.toISOString() } };
  },
});

async function withLiveUsages(db: Db, records: LicenseRecord[]) {
  const usages = await liveUsages(
    db,
    records.map((r) => r.id),
  );
  const now = new Date();
  return records.map((r) => ({ ...licenseView(r, now), liveUsages: usages.get(r.id) ?? [] }));
}

/**
 * Buffers the contract in memory: it is small and capped, and must be seen whole (sniffed,
 * size-checked) before anything is stored, so a refused upload leaves nothing behind.
 */
async function receiveContract(req: Request, res: Response): Promise<Express.Multer.File> {
  if (!req.is('multipart/form-data')) {
    throw new DomainError('unsupported', 'expected_multipart', 'Send the contract as multipart/form-data with the PDF in the field "file"');
  }
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { files: 1, fields: 10, parts: 11, fileSize: MAX_CONTRACT_BYTES },
    defParamCharset: 'utf8',
  }).single('file');
  await new Promise<void>((resolve, reject) => parse(req, res, (err?: unknown) => (err ? reject(uploadError(err)) : resolve())));
  if (!req.file) throw unprocessable('missing_file', 'The form has no file: send the PDF in the field "file"');
  if (!req.file.buffer.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    throw new DomainError('unsupported', 'unsupported_media_type', 'The contract must be a PDF document');
  }
  return req.file;
}

/** The client's file name without any directory part, for the download's Content-Disposition. */
function safeFilename(name: string): string {
  const base = path.posix
    .basename(name.replace(/\\/g, '/'))
    .replace(/[\x00-\x1f\x7f]/g, '')
    .slice(0, 200);
  return base === '' || base === '.' || base === '..' ? 'contract.pdf' : base;
}

export const licenseRoutes = [
  createLicenseRoute,
  listLicensesRoute,
  getLicenseRoute,
  patchLicenseRoute,
  revokeLicenseRoute,
  historyRoute,
  uploadContractRoute,
  getContractRoute,
];
