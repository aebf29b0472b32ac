import type { Express } from 'express';
import request from 'supertest';
import { count } from 'drizzle-orm';
import { createApp } from '../../api/app';
import { createApiKey } from '../../core/access/api-key-store';
import { auditLog, licenseAssets, licenses } from '../../core/db';
import { ALL_COUNTRIES } from '../../core/licensing/territories';
import type { Services } from '../../core/runtime/services';
import { openTestServices } from '../helpers/test-services';
import { insertAsset, insertCreator, insertUsage } from '../core/licensing/fixtures';

let services: Services;
let app: Express;
let manager: { id: string; key: string };
let viewerKey: string;
let creator: string;
let asset: string;

beforeAll(async () => {
  services = await openTestServices();
  app = createApp(services);
  const db = services.database.db;
  manager = await createApiKey(db, 'Maria (content)', 'content_manager');
  viewerKey = (await createApiKey(db, 'viewer', 'viewer')).key;
  creator = await insertCreator(db);
  asset = await insertAsset(db, creator);
});
afterAll(() => services.close());

const DAY = 24 * 60 * 60 * 1000;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const iso = (deltaMs: number) => new Date(Date.now() + deltaMs).toISOString();
const as = (key: string) => (req: request.Test) => req.set('Authorization', `Bearer ${key}`);
const call = (method: 'get' | 'post' | 'patch', url: string, key = manager.key) => as(key)(request(app)[method](url));

const validTerms = () => ({
  assetIds: [asset],
  territories: ['pl', 'DE'],
  channels: ['paid_social', 'product_page'],
  startsAt: iso(-DAY),
  endsAt: iso(365 * DAY),
  derivativesAllowed: true,
});
const create = async (change: Record<string, unknown> = {}) =>
  (
    await call('post', '/api/v1/licenses')
      .send({ ...validTerms(), ...change })
      .expect(201)
  ).body;

const rowCounts = async () => {
  const db = services.database.db;
  return {
    licenses: (await db.select({ n: count() }).from(licenses))[0]!.n,
    licenseAssets: (await db.select({ n: count() }).from(licenseAssets))[0]!.n,
    audit: (await db.select({ n: count() }).from(auditLog))[0]!.n,
  };
};

describe('POST /api/v1/licenses', () => {
  it('records the terms, normalised, and answers with the license and its state', async () => {
    const body = await create({ fee: { amount: '1500.00', currency: 'pln' }, exclusivity: { scope: 'category', category: 'skincare' }, notes: 'signed by DM' });
    expect(body).toMatchObject({
      id: expect.any(String),
      assetIds: [asset],
      creatorId: null,
      territories: ['PL', 'DE'],
      excludedTerritories: [],
      channels: ['paid_social', 'product_page'],
      derivativesAllowed: true,
      fee: { amount: '1500.00', currency: 'PLN' },
      exclusivity: { scope: 'category', category: 'skincare' },
      disclosureRequired: false,
      attributionRequired: false,
      notes: 'signed by DM',
      status: 'active',
      state: 'active',
      contract: null,
      revokedAt: null,
    });
  });

  it('a creator-wide, worldwide, perpetual license with exclusions', async () => {
    const body = await create({ assetIds: undefined, creatorId: creator, territories: ['WW'], excludedTerritories: ['us', 'CN'], endsAt: null });
    expect(body).toMatchObject({ assetIds: [], creatorId: creator, territories: ['WW'], excludedTerritories: ['US', 'CN'], endsAt: null, state: 'active' });
  });

  it.each([
    ['an unknown country', { territories: ['PL', 'XX'] }, 'invalid_territories'],
    ['a country name', { territories: ['Poland'] }, 'invalid_territories'],
    ['WW mixed with countries', { territories: ['WW', 'PL'] }, 'invalid_territories'],
    ['no territory', { territories: [] }, 'invalid_territories'],
    ['an unknown excluded country', { excludedTerritories: ['ZZ'] }, 'invalid_excluded_territories'],
    ['an unknown channel', { channels: ['paid_social', 'billboards'] }, 'invalid_channels'],
    ['no channel', { channels: [] }, 'invalid_channels'],
    ['a start that is not ISO 8601', { startsAt: '01/02/2025' }, 'invalid_starts_at'],
    ['a start without offset', { startsAt: '2025-01-01T00:00:00' }, 'invalid_starts_at'],
    ['an end that is not a time', { endsAt: 'forever' }, 'invalid_ends_at'],
    ['an end before the start', { startsAt: '2025-06-01T00:00:00Z', endsAt: '2025-05-31T23:59:59Z' }, 'invalid_ends_at'],
    ['an end equal to the start', { startsAt: '2025-06-01T00:00:00Z', endsAt: '2025-06-01T02:00:00+02:00' }, 'invalid_ends_at'],
    ['no end at all', { endsAt: undefined }, 'invalid_ends_at'],
    ['no assets and no creator', { assetIds: [] }, 'invalid_asset_ids'],
    ['assets and a creator', { creatorId: NO_SUCH_ID }, 'invalid_creator_id'],
    ['an asset id that is not a uuid', { assetIds: ['../../etc/passwd'] }, 'invalid_asset_ids'],
    ['unknown asset ids', { assetIds: [NO_SUCH_ID] }, 'unknown_asset_ids'],
    ['an unknown creator', { assetIds: [], creatorId: NO_SUCH_ID }, 'unknown_creator'],
    ['a currency that is not ISO 4217', { fee: { amount: 10, currency: 'XYZ' } }, 'invalid_fee'],
    ['a negative fee', { fee: { amount: -5, currency: 'EUR' } }, 'invalid_fee'],
    ['a float fee (0.1 + 0.2) that a string would not pass', { fee: { amount: 0.1 + 0.2, currency: 'EUR' } }, 'invalid_fee'],
    ['the same float fee as a string', { fee: { amount: '0.30000000000000004', currency: 'EUR' } }, 'invalid_fee'],
    ['a tiny float fee JavaScript prints in exponent form', { fee: { amount: 1e-7, currency: 'EUR' } }, 'invalid_fee'],
    ['a fee past 12 integer digits, as a number', { fee: { amount: 1e13, currency: 'EUR' } }, 'invalid_fee'],
    ['a fee finer than the currency counts (grosz of grosz)', { fee: { amount: 12.345, currency: 'PLN' } }, 'invalid_fee'],
    ['yen with sen', { fee: { amount: '1500.5', currency: 'JPY' } }, 'invalid_fee'],
    ['a grant whose only country is excluded', { territories: ['PL'], excludedTerritories: ['pl'] }, 'invalid_excluded_territories'],
    ['a grant all of whose countries are excluded', { territories: ['PL', 'DE'], excludedTerritories: ['DE', 'PL', 'FR'] }, 'invalid_excluded_territories'],
    ['a category exclusivity with an invisible category', { exclusivity: { scope: 'category', category: '\u200b' } }, 'invalid_exclusivity'],
    ['a category exclusivity without category', { exclusivity: { scope: 'category' } }, 'invalid_exclusivity'],
    ['derivativesAllowed as a string', { derivativesAllowed: 'yes' }, 'invalid_derivatives_allowed'],
    ['status revoked', { status: 'revoked' }, 'invalid_status'],
  ])('%s → 422, no partial rows', async (_name, change, code) => {
    const before = await rowCounts();
    const res = await call('post', '/api/v1/licenses')
      .send({ ...validTerms(), ...change })
      .expect(422);
    expect(res.body.error.code).toBe(code);
    expect(await rowCounts()).toEqual(before);
  });

  it('a worldwide grant excluding every country → 422 invalid_excluded_territories', async () => {
    const countries = ALL_COUNTRIES;
    const res = await call('post', '/api/v1/licenses')
      .send({ ...validTerms(), territories: ['WW'], excludedTerritories: countries })
      .expect(422);
    expect(res.body.error.code).toBe('invalid_excluded_territories');
    await call('post', '/api/v1/licenses')
      .send({ ...validTerms(), territories: ['WW'], excludedTerritories: countries.filter((c) => c !== 'PL') })
      .expect(201);
  });

  it('keeps a fee the same whether sent as a number or a string, within the currency’s minor units', async () => {
    expect((await create({ fee: { amount: 1500.5, currency: 'PLN' } })).fee).toEqual({ amount: '1500.5', currency: 'PLN' });
    expect((await create({ fee: { amount: '1500.50', currency: 'PLN' } })).fee).toEqual({ amount: '1500.50', currency: 'PLN' });
    expect((await create({ fee: { amount: '1500.5000', currency: 'PLN' } })).fee).toEqual({ amount: '1500.5000', currency: 'PLN' });
    expect((await create({ fee: { amount: 0.3, currency: 'EUR' } })).fee).toEqual({ amount: '0.3', currency: 'EUR' });
    expect((await create({ fee: { amount: 12.345, currency: 'KWD' } })).fee).toEqual({ amount: '12.345', currency: 'KWD' });
    expect((await create({ fee: { amount: 150000, currency: 'JPY' } })).fee).toEqual({ amount: '150000', currency: 'JPY' });
    expect((await create({ fee: { amount: 0, currency: 'EUR' } })).fee).toEqual({ amount: '0', currency: 'EUR' });
  });

  it('explains the missing scope and lists unknown asset ids', async () => {
    const none = await call('post', '/api/v1/licenses')
      .send({ ...validTerms(), assetIds: [] })
      .expect(422);
    expect(none.body.error.message).toContain('give assetIds or creatorId');
    const unknown = await call('post', '/api/v1/licenses')
      .send({ ...validTerms(), assetIds: [NO_SUCH_ID, asset] })
      .expect(422);
    expect(unknown.body.error.details).toEqual({ assetIds: [NO_SUCH_ID] });
  });

  it('malformed JSON → 400; viewers → 403; no key → 401', async () => {
    await call('post', '/api/v1/licenses').set('Content-Type', 'application/json').send('{"territories": [').expect(400);
    await call('post', '/api/v1/licenses', viewerKey).send(validTerms()).expect(403);
    await request(app).post('/api/v1/licenses').send(validTerms()).expect(401);
  });
});

describe('GET /api/v1/licenses/:id', () => {
  it('shows the license with its state and where it is live', async () => {
    const created = await create();
    await insertUsage(services.database.db, {
      apiKeyId: manager.id,
      assetId: asset,
      licenseId: created.id,
      channel: 'paid_social',
      territory: 'PL',
      campaign: 'summer',
      at: new Date(Date.now() - 1000),
    });
    const res = await call('get', `/api/v1/licenses/${created.id}`, viewerKey).expect(200);
    expect(res.body).toMatchObject({ ...created, updatedAt: expect.any(String) });
    expect(res.body.liveUsages).toEqual([
      { assetId: asset, campaign: 'summer', channel: 'paid_social', territory: 'PL', lastPulledAt: expect.any(String), pulls: 1 },
    ]);
  });

  it.each([
    ['not started', { startsAt: iso(DAY), endsAt: iso(2 * DAY) }, 'not_started'],
    ['expiring', { startsAt: iso(-DAY), endsAt: iso(10 * DAY) }, 'expiring'],
    ['expired', { startsAt: iso(-2 * DAY), endsAt: iso(-DAY) }, 'expired'],
    ['draft', { status: 'draft' }, 'draft'],
  ])('state: %s', async (_name, change, state) => {
    const created = await create(change);
    expect((await call('get', `/api/v1/licenses/${created.id}`).expect(200)).body.state).toBe(state);
  });

  it('unknown → 404 license_not_found; malformed id → 400 invalid_id', async () => {
    expect((await call('get', `/api/v1/licenses/${NO_SUCH_ID}`).expect(404)).body.error.code).toBe('license_not_found');
    expect((await call('get', '/api/v1/licenses/not-a-uuid').expect(400)).body.error.code).toBe('invalid_id');
  });
});

describe('PATCH /api/v1/licenses/:id', () => {
  it('changes any term and validates the merged result', async () => {
    const created = await create();
    const res = await call('patch', `/api/v1/licenses/${created.id}`)
      .send({ channels: ['email'], territories: ['WW'], excludedTerritories: ['us'], endsAt: null })
      .expect(200);
    expect(res.body).toMatchObject({
      id: created.id,
      channels: ['email'],
      territories: ['WW'],
      excludedTerritories: ['US'],
      endsAt: null,
      assetIds: [asset],
      startsAt: created.startsAt,
    });
  });

  it('refuses terms that only the merge makes invalid, changing nothing', async () => {
    const created = await create({ startsAt: '2025-06-01T00:00:00Z', endsAt: '2026-06-01T00:00:00Z' });
    const before = await rowCounts();
    const res = await call('patch', `/api/v1/licenses/${created.id}`).send({ endsAt: '2025-01-01T00:00:00Z' }).expect(422);
    expect(res.body.error.code).toBe('invalid_ends_at');
    expect((await call('patch', `/api/v1/licenses/${created.id}`).send({ assetIds: [] }).expect(422)).body.error.code).toBe('invalid_asset_ids');
    expect((await call('patch', `/api/v1/licenses/${created.id}`).send({ creatorId: creator }).expect(422)).body.error.code).toBe('invalid_creator_id');
    expect(
      (
        await call('patch', `/api/v1/licenses/${created.id}`)
          .send({ assetIds: [NO_SUCH_ID] })
          .expect(422)
      ).body.error.code,
    ).toBe('unknown_asset_ids');
    expect(
      (
        await call('patch', `/api/v1/licenses/${created.id}`)
          .send({ territories: ['XX'] })
          .expect(422)
      ).body.error.code,
    ).toBe('invalid_territories');
    // Excluding every granted country, alone or together with a narrower grant.
    expect(
      (
        await call('patch', `/api/v1/licenses/${created.id}`)
          .send({ excludedTerritories: ['PL', 'DE'] })
          .expect(422)
      ).body.error.code,
    ).toBe('invalid_excluded_territories');
    expect(
      (
        await call('patch', `/api/v1/licenses/${created.id}`)
          .send({ territories: ['DE'], excludedTerritories: ['DE'] })
          .expect(422)
      ).body.error.code,
    ).toBe('invalid_excluded_territories');
    // A fee by the same rules as on create, number or string.
    expect(
      (
        await call('patch', `/api/v1/licenses/${created.id}`)
          .send({ fee: { amount: 0.1 + 0.2, currency: 'EUR' } })
          .expect(422)
      ).body.error.code,
    ).toBe('invalid_fee');
    expect(
      (
        await call('patch', `/api/v1/licenses/${created.id}`)
          .send({ fee: { amount: '12.345', currency: 'PLN' } })
          .expect(422)
      ).body.error.code,
    ).toBe('invalid_fee');
    expect(await rowCounts()).toEqual(before);
    expect((await call('get', `/api/v1/licenses/${created.id}`).expect(200)).body).toMatchObject({ endsAt: created.endsAt, assetIds: [asset] });
  });

  it('switches a license from named assets to creator-wide when both change together', async () => {
    const created = await create();
    const res = await call('patch', `/api/v1/licenses/${created.id}`).send({ assetIds: [], creatorId: creator }).expect(200);
    expect(res.body).toMatchObject({ assetIds: [], creatorId: creator });
  });

  it('a revoked license → 409 license_revoked; unknown → 404; viewers → 403', async () => {
    const created = await create();
    await call('post', `/api/v1/licenses/${created.id}/revoke`).send({}).expect(200);
    expect((await call('patch', `/api/v1/licenses/${created.id}`).send({ notes: 'x' }).expect(409)).body.error.code).toBe('license_revoked');
    expect((await call('patch', `/api/v1/licenses/${NO_SUCH_ID}`).send({ notes: 'x' }).expect(404)).body.error.code).toBe('license_not_found');
    await call('patch', `/api/v1/licenses/${created.id}`, viewerKey).send({ notes: 'x' }).expect(403);
  });
});

describe('POST /api/v1/licenses/:id/revoke', () => {
  it('revokes at once, keeps the reason; a second revoke returns it unchanged', async () => {
    const created = await create();
    const first = await call('post', `/api/v1/licenses/${created.id}/revoke`).send({ reason: 'creator withdrew consent' }).expect(200);
    expect(first.body).toMatchObject({ status: 'revoked', state: 'revoked', revokedReason: 'creator withdrew consent', revokedAt: expect.any(String) });
    const before = await rowCounts();
    const second = await call('post', `/api/v1/licenses/${created.id}/revoke`).send({ reason: 'again' }).expect(200);
    expect(second.body).toEqual(first.body);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a reason that is blank or invisible, or carries bidi overrides → 422 invalid_reason', async () => {
    const created = await create();
    for (const reason of ['\u200b', ' \u2060 ', 'paid\u202e', '\u3164']) {
      expect((await call('post', `/api/v1/licenses/${created.id}/revoke`).send({ reason }).expect(422)).body.error.code).toBe('invalid_reason');
    }
    expect((await call('get', `/api/v1/licenses/${created.id}`).expect(200)).body.status).toBe('active');
    const revoked = await call('post', `/api/v1/licenses/${created.id}/revoke`).send({ reason: 'creator asked:\nremove by Friday' }).expect(200);
    expect(revoked.body.revokedReason).toBe('creator asked:\nremove by Friday');
  });

  it('unknown → 404; viewers → 403', async () => {
    await call('post', `/api/v1/licenses/${NO_SUCH_ID}/revoke`).send({}).expect(404);
    const created = await create();
    await call('post', `/api/v1/licenses/${created.id}/revoke`, viewerKey).send({}).expect(403);
  });
});

describe('GET /api/v1/licenses', () => {
  it('?expiringWithinDays lists licenses ending in the window, soonest first, with live usages', async () => {
    const lone = await insertAsset(services.database.db, creator);
    const soon = await create({ assetIds: [lone], endsAt: iso(3 * DAY) });
    const later = await create({ assetIds: [lone], endsAt: iso(20 * DAY) });
    await create({ assetIds: [lone], endsAt: iso(40 * DAY) });
    await create({ assetIds: [lone], startsAt: iso(-3 * DAY), endsAt: iso(-DAY) });
    await insertUsage(services.database.db, {
      apiKeyId: manager.id,
      assetId: lone,
      licenseId: soon.id,
      channel: 'paid_social',
      territory: 'DE',
      campaign: 'q3',
    });
    const res = await call('get', `/api/v1/licenses?expiringWithinDays=30&assetId=${lone}`, viewerKey).expect(200);
    expect(res.body.items.map((l: { id: string }) => l.id)).toEqual([soon.id, later.id]);
    expect(res.body.items[0].liveUsages).toEqual([expect.objectContaining({ campaign: 'q3', channel: 'paid_social', territory: 'DE', pulls: 1 })]);
    expect(res.body.items[1].liveUsages).toEqual([]);
    expect(res.body.nextCursor).toBeNull();
  });

  it('filters by asset, creator and status', async () => {
    const other = await insertCreator(services.database.db);
    const theirs = await insertAsset(services.database.db, other);
    const named = await create({ assetIds: [theirs], status: 'draft' });
    const wide = await create({ assetIds: [], creatorId: other });
    const ids = async (query: string) => (await call('get', `/api/v1/licenses?${query}`).expect(200)).body.items.map((l: { id: string }) => l.id).sort();
    expect(await ids(`assetId=${theirs}`)).toEqual([named.id, wide.id].sort());
    expect(await ids(`creatorId=${other}`)).toEqual([named.id, wide.id].sort());
    expect(await ids(`creatorId=${other}&status=draft`)).toEqual([named.id]);
  });

  it.each([
    ['expiringWithinDays=soon', 'invalid_expiring_within_days'],
    ['expiringWithinDays=0', 'invalid_expiring_within_days'],
    ['status=expired', 'invalid_status'],
    ['assetId=42', 'invalid_asset_id'],
    ['limit=1000', 'invalid_limit'],
  ])('?%s → 400 %s', async (query, code) => {
    expect((await call('get', `/api/v1/licenses?${query}`).expect(400)).body.error.code).toBe(code);
  });
});

describe('GET /api/v1/licenses/:id/history', () => {
  it('lists every change with who, when, before and after', async () => {
    const created = await create();
    await call('patch', `/api/v1/licenses/${created.id}`)
      .send({ channels: ['email'] })
      .expect(200);
    await call('post', `/api/v1/licenses/${created.id}/contract`).attach('file', Buffer.from('%PDF-1.7\n'), 'signed.pdf').expect(200);
    await call('post', `/api/v1/licenses/${created.id}/revoke`).send({ reason: 'breach' }).expect(200);
    const res = await call('get', `/api/v1/licenses/${created.id}/history`, viewerKey).expect(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['license.create', 'license.update', 'license.contract_upload', 'license.revoke']);
    for (const entry of res.body.items) {
      expect(entry.actor).toEqual({ keyId: manager.id, name: 'Maria (content)' });
      expect(Date.parse(entry.at)).not.toBeNaN();
    }
    const [created_, updated] = res.body.items;
    expect(created_).toMatchObject({ before: null, after: { channels: ['paid_social', 'product_page'] } });
    expect(updated).toMatchObject({ before: { channels: ['paid_social', 'product_page'] }, after: { channels: ['email'] } });
    expect(res.body.items[3].after).toMatchObject({ status: 'revoked', revokedReason: 'breach' });
  });

  it('unknown license → 404', async () => {
    await call('get', `/api/v1/licenses/${NO_SUCH_ID}/history`).expect(404);
  });
});

describe('license contract document', () => {
  const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 7), Buffer.from('\n%%EOF\n')]);

  it('stores a PDF and hands out a short-lived link that serves it under its name', async () => {
    const created = await create();
    expect((await call('get', `/api/v1/licenses/${created.id}/contract`).expect(404)).body.error.code).toBe('contract_not_found');
    const uploaded = await call('post', `/api/v1/licenses/${created.id}/contract`).attach('file', PDF, '../../secret/Umowa łódź.pdf').expect(200);
    expect(uploaded.body.contract).toEqual({ filename: 'Umowa łódź.pdf' });
    expect(await services.storage.stat(`licenses/${created.id}/contract.pdf`)).toMatchObject({ size: PDF.length, contentType: 'application/pdf' });

    const link = await call('get', `/api/v1/licenses/${created.id}/contract`, viewerKey).expect(200);
    expect(Date.parse(link.body.expiresAt)).toBeGreaterThan(Date.now());
    const url = new URL(link.body.url, 'http://localhost');
    const download = await request(app)
      .get(url.pathname + url.search)
      .responseType('blob')
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Umowa%20%C5%82%C3%B3d%C5%BA.pdf");
  });

  it.each([
    ['a text file named .pdf', 415, 'unsupported_media_type', (r: request.Test) => r.attach('file', Buffer.from('hello, not a pdf'), 'contract.pdf')],
    ['an empty file', 415, 'unsupported_media_type', (r: request.Test) => r.attach('file', Buffer.alloc(0), 'contract.pdf')],
    [
      'a PDF over 20 MB',
      413,
      'file_too_large',
      (r: request.Test) => r.attach('file', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024)]), 'big.pdf'),
    ],
    ['no file', 422, 'missing_file', (r: request.Test) => r.field('note', 'forgot it')],
    ['the file in another field', 400, 'unexpected_file_field', (r: request.Test) => r.attach('document', Buffer.from('%PDF-1.4'), 'c.pdf')],
    ['JSON instead of multipart', 415, 'expected_multipart', (r: request.Test) => r.send({ file: '%PDF-' })],
  ])('%s → %d %s, nothing stored or recorded', async (_name, status, code, send) => {
    const created = await create();
    const before = await rowCounts();
    const res = await send(call('post', `/api/v1/licenses/${created.id}/contract`)).expect(status);
    expect(res.body.error.code).toBe(code);
    expect(await services.storage.stat(`licenses/${created.id}/contract.pdf`)).toBeNull();
    expect(await rowCounts()).toEqual(before);
  });

  it('a revoked license → 409; unknown license → 404; viewers → 403', async () => {
    const created = await create();
    await call('post', `/api/v1/licenses/${created.id}/revoke`).send({}).expect(200);
    expect((await call('post', `/api/v1/licenses/${created.id}/contract`).attach('file', PDF, 'c.pdf').expect(409)).body.error.code).toBe('license_revoked');
    expect(await services.storage.stat(`licenses/${created.id}/contract.pdf`)).toBeNull();
    await call('post', `/api/v1/licenses/${NO_SUCH_ID}/contract`).attach('file', PDF, 'c.pdf').expect(404);
    await call('post', `/api/v1/licenses/${created.id}/contract`, viewerKey).attach('file', PDF, 'c.pdf').expect(403);
  });
});

it('the license routes are documented in /api/openapi.json', async () => {
  const res = await request(app).get('/api/openapi.json').expect(200);
  const createOp = res.body.paths['/api/v1/licenses'].post;
  expect(createOp.requestBody.content['application/json'].schema.properties.channels.items.enum).toContain('paid_social');
  expect(res.body.paths['/api/v1/licenses/{id}'].patch).toBeDefined();
  expect(res.body.paths['/api/v1/licenses/{id}/history'].get).toBeDefined();
});
